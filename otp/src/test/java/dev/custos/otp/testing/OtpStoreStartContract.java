package dev.custos.otp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.otp.RateLimit;
import dev.custos.otp.spi.ChallengeRecord;
import dev.custos.otp.spi.CheckResult;
import dev.custos.otp.spi.LockoutPolicy;
import dev.custos.otp.spi.OtpStore;
import dev.custos.otp.spi.OtpStore.Scope;
import dev.custos.otp.spi.SendDecision;
import dev.custos.otp.spi.SendLimit;
import dev.custos.otp.spi.SendSlot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OtpStore} does with send windows and with the steps of a start ({@link
 * OtpStore#startChallenge}, {@link OtpStore#confirmChallenge}, {@link OtpStore#abandonChallenge}):
 * the first half of {@link OtpStoreContract}, which store tests extend.
 */
public abstract class OtpStoreStartContract {
  /** An instant in 2027, where every contract test starts. */
  protected static final long T0 = 1_800_000_000_000L;

  static final SendLimit PHONE =
      SendLimit.of(RateLimit.PHONE_SENDS, 3, Duration.ofMinutes(10), Duration.ofSeconds(30));
  static final SendLimit CUSTOMER =
      SendLimit.of(RateLimit.CUSTOMER_SENDS, 3, Duration.ofMinutes(10), Duration.ZERO);
  static final LockoutPolicy POLICY =
      LockoutPolicy.of(3, Duration.ofMinutes(15), 9, Duration.ofDays(366));
  static final long MINUTE = 60_000;

  private final AtomicInteger next = new AtomicInteger();

  /** For subclasses. */
  OtpStoreStartContract() {}

  /**
   * Returns the store under test, empty of the ids this test uses (each test draws fresh ids).
   *
   * @return the store
   */
  protected abstract OtpStore store();

  /**
   * Returns a customer id no other test used.
   *
   * @return the id
   */
  protected final String freshCustomer() {
    return "contract-" + System.nanoTime() + "-" + next.incrementAndGet();
  }

  static byte[] bytes(int seed) {
    byte[] b = new byte[16];
    for (int i = 0; i < 16; i++) {
      b[i] = (byte) (seed * 31 + i);
    }
    return b;
  }

  @Test
  void acquireSend_withinWindow_countsThenRefusesWithTheWait() {
    OtpStore store = store();
    String customer = freshCustomer();
    for (int i = 0; i < 3; i++) {
      assertThat(
              store.acquireSend(Scope.CUSTOMER, customer, CUSTOMER, T0 + i * MINUTE).isAcquired())
          .isTrue();
    }

    SendDecision refused = store.acquireSend(Scope.CUSTOMER, customer, CUSTOMER, T0 + 3 * MINUTE);

    assertThat(refused.refusedBy()).isEqualTo(RateLimit.CUSTOMER_SENDS);
    assertThat(refused.retryAfterMillis()).isEqualTo(7 * MINUTE);
    assertThat(store.acquireSend(Scope.CUSTOMER, customer, CUSTOMER, T0 + 10 * MINUTE).isAcquired())
        .isTrue();
  }

  @Test
  void acquireSend_phoneWithinCooldown_refusedForTheRestOfIt() {
    OtpStore store = store();
    String phone = freshCustomer();
    store.acquireSend(Scope.PHONE, phone, PHONE, T0);

    SendDecision refused = store.acquireSend(Scope.PHONE, phone, PHONE, T0 + 10_000);

    assertThat(refused.refusedBy()).isEqualTo(RateLimit.PHONE_COOLDOWN);
    assertThat(refused.retryAfterMillis()).isEqualTo(20_000);
  }

  @Test
  void releaseSend_givesTheSlotBack() {
    OtpStore store = store();
    String customer = freshCustomer();
    SendDecision last = null;
    for (int i = 0; i < 3; i++) {
      last = store.acquireSend(Scope.CUSTOMER, customer, CUSTOMER, T0 + i);
    }
    store.releaseSend(Scope.CUSTOMER, customer, T0 + 2, last.sendId());

    assertThat(store.acquireSend(Scope.CUSTOMER, customer, CUSTOMER, T0 + 3).isAcquired()).isTrue();
    assertThat(store.acquireSend(Scope.CUSTOMER, customer, CUSTOMER, T0 + 4).isAcquired())
        .isFalse();
  }

  @Test
  void scopes_countApart() {
    OtpStore store = store();
    String id = freshCustomer();
    for (int i = 0; i < 3; i++) {
      store.acquireSend(Scope.CUSTOMER, id, CUSTOMER, T0 + i);
    }

    assertThat(store.acquireSend(Scope.PHONE, id, PHONE, T0 + 5).isAcquired()).isTrue();
    assertThat(store.acquireSend(Scope.GLOBAL, "global", CUSTOMER, T0 + 5).isAcquired()).isTrue();
  }

  @Test
  void releaseSend_oldestSend_laterOnesStillCountWithTheirOwnTimes() {
    OtpStore store = store();
    String customer = freshCustomer();
    List<SendDecision> sends = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sends.add(store.acquireSend(Scope.CUSTOMER, customer, CUSTOMER, T0 + i * MINUTE));
    }
    store.releaseSend(Scope.CUSTOMER, customer, T0, sends.get(0).sendId());
    store.releaseSend(Scope.CUSTOMER, customer, T0 + 9 * MINUTE, "a send never counted");

    assertThat(store.acquireSend(Scope.CUSTOMER, customer, CUSTOMER, T0 + 3 * MINUTE).isAcquired())
        .isTrue();
    SendDecision refused = store.acquireSend(Scope.CUSTOMER, customer, CUSTOMER, T0 + 4 * MINUTE);
    assertThat(refused.refusedBy()).isEqualTo(RateLimit.CUSTOMER_SENDS);
    assertThat(refused.retryAfterMillis())
        .as("the oldest send left is the one at T0 + 1 minute")
        .isEqualTo(7 * MINUTE);
  }

  @Test
  void acquireSend_sendExactlyOneWindowAgo_noLongerCounts() {
    OtpStore store = store();
    String customer = freshCustomer();
    SendLimit one =
        SendLimit.of(RateLimit.CUSTOMER_SENDS, 1, Duration.ofMinutes(10), Duration.ZERO);
    store.acquireSend(Scope.CUSTOMER, customer, one, T0);

    assertThat(store.acquireSend(Scope.CUSTOMER, customer, one, T0 + 10 * MINUTE - 1).refusedBy())
        .isEqualTo(RateLimit.CUSTOMER_SENDS);
    assertThat(store.acquireSend(Scope.CUSTOMER, customer, one, T0 + 10 * MINUTE).isAcquired())
        .isTrue();
  }

  @Test
  void startChallenge_confirmed_pendingAndCounted() {
    OtpStore store = store();
    String customer = freshCustomer();
    ChallengeRecord challenge = ChallengeRecord.of(bytes(1), bytes(2), T0 + 10 * MINUTE, 5);

    List<SendDecision> decisions = store.startChallenge(customer, slots(customer), challenge, T0);
    store.confirmChallenge(customer, challenge, T0);

    assertThat(decisions).allMatch(SendDecision::isAcquired).hasSize(2);
    assertThat(check(store, customer, 1, 2, T0 + MINUTE).outcome())
        .isEqualTo(CheckResult.Outcome.APPROVED);
    assertThat(store.acquireSend(Scope.PHONE, customer, PHONE, T0 + 1_000).refusedBy())
        .as("the phone's window counted the start")
        .isEqualTo(RateLimit.PHONE_COOLDOWN);
  }

  @Test
  void startChallenge_confirmed_supersedesTheEarlierChallenge() {
    OtpStore store = store();
    String customer = freshCustomer();
    start(store, customer, 1, T0);

    start(store, customer, 3, T0 + MINUTE);

    assertThat(check(store, customer, 1, 2, T0 + 2 * MINUTE).outcome())
        .isEqualTo(CheckResult.Outcome.NOT_FOUND);
    assertThat(check(store, customer, 3, 4, T0 + 2 * MINUTE).outcome())
        .isEqualTo(CheckResult.Outcome.APPROVED);
  }

  @Test
  void abandonChallenge_undelivered_earlierChallengePendingAgainWithItsAttempts() {
    OtpStore store = store();
    String customer = freshCustomer();
    start(store, customer, 1, T0);
    assertThat(check(store, customer, 1, 9, T0).attemptsLeft()).isEqualTo(4);
    ChallengeRecord next = ChallengeRecord.of(bytes(3), bytes(4), T0 + 11 * MINUTE, 5);
    store.startChallenge(customer, slots(customer), next, T0 + MINUTE);

    store.abandonChallenge(customer, bytes(3), T0 + MINUTE);

    assertThat(check(store, customer, 3, 4, T0 + 2 * MINUTE).outcome())
        .isEqualTo(CheckResult.Outcome.NOT_FOUND);
    assertThat(check(store, customer, 1, 9, T0 + 2 * MINUTE).attemptsLeft())
        .as("the earlier challenge keeps the attempt it had spent")
        .isEqualTo(3);
    assertThat(check(store, customer, 1, 2, T0 + 2 * MINUTE).outcome())
        .isEqualTo(CheckResult.Outcome.APPROVED);
  }

  @Test
  void abandonChallenge_nothingEarlier_nothingPending() {
    OtpStore store = store();
    String customer = freshCustomer();
    ChallengeRecord only = ChallengeRecord.of(bytes(1), bytes(2), T0 + 10 * MINUTE, 5);
    store.startChallenge(customer, slots(customer), only, T0);

    store.abandonChallenge(customer, bytes(1), T0);

    assertThat(check(store, customer, 1, 2, T0 + MINUTE).outcome())
        .isEqualTo(CheckResult.Outcome.NOT_FOUND);
  }

  @Test
  void abandonChallenge_earlierOneExpiredSince_nothingPending() {
    OtpStore store = store();
    String customer = freshCustomer();
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), T0 + MINUTE, 5), T0);
    ChallengeRecord next = ChallengeRecord.of(bytes(3), bytes(4), T0 + 10 * MINUTE, 5);
    store.startChallenge(customer, slots(customer), next, T0 + 30_000);

    store.abandonChallenge(customer, bytes(3), T0 + MINUTE);

    assertThat(check(store, customer, 1, 2, T0 + MINUTE).outcome())
        .isIn(CheckResult.Outcome.NOT_FOUND, CheckResult.Outcome.EXPIRED);
    assertThat(check(store, customer, 3, 4, T0 + MINUTE).outcome())
        .isEqualTo(CheckResult.Outcome.NOT_FOUND);
  }

  @Test
  void abandonChallenge_aLaterStartConfirmed_leavesTheLaterOne() {
    OtpStore store = store();
    String customer = freshCustomer();
    ChallengeRecord first = ChallengeRecord.of(bytes(1), bytes(2), T0 + 10 * MINUTE, 5);
    store.startChallenge(customer, slots(customer), first, T0);
    start(store, customer, 3, T0 + MINUTE);

    store.abandonChallenge(customer, bytes(1), T0 + MINUTE);

    assertThat(check(store, customer, 3, 4, T0 + 2 * MINUTE).outcome())
        .isEqualTo(CheckResult.Outcome.APPROVED);
  }

  @Test
  void startChallenge_aWindowRefuses_thenAbandoned_earlierChallengeStillApproves() {
    OtpStore store = store();
    String customer = freshCustomer();
    start(store, customer, 1, T0);
    ChallengeRecord next = ChallengeRecord.of(bytes(3), bytes(4), T0 + 10 * MINUTE, 5);

    List<SendDecision> decisions = store.startChallenge(customer, slots(customer), next, T0 + 1);
    assertThat(decisions.get(1).refusedBy()).isEqualTo(RateLimit.PHONE_COOLDOWN);
    store.releaseSend(Scope.CUSTOMER, customer, T0 + 1, decisions.get(0).sendId());
    store.abandonChallenge(customer, bytes(3), T0 + 1);

    assertThat(check(store, customer, 3, 4, T0 + MINUTE).outcome())
        .isEqualTo(CheckResult.Outcome.NOT_FOUND);
    assertThat(check(store, customer, 1, 2, T0 + MINUTE).outcome())
        .isEqualTo(CheckResult.Outcome.APPROVED);
  }

  /** A start whose code was delivered: challenge {@code id}, code tag {@code id + 1}. */
  private void start(OtpStore store, String customer, int id, long now) {
    ChallengeRecord challenge = ChallengeRecord.of(bytes(id), bytes(id + 1), now + 10 * MINUTE, 5);
    assertThat(store.startChallenge(customer, slots(customer), challenge, now))
        .allMatch(SendDecision::isAcquired);
    store.confirmChallenge(customer, challenge, now);
  }

  /** The customer's window and a phone's (the phone's id is the customer's, apart by scope). */
  private static List<SendSlot> slots(String customer) {
    return List.of(
        SendSlot.of(Scope.CUSTOMER, customer, CUSTOMER), SendSlot.of(Scope.PHONE, customer, PHONE));
  }

  /** Checks with a verification token that is still valid at {@code now}. */
  static CheckResult check(OtpStore store, String customer, int id, int tag, long now) {
    return store.check(customer, bytes(id), bytes(tag), now + 10 * MINUTE, now, POLICY);
  }
}
