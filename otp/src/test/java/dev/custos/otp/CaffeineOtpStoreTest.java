package dev.custos.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.otp.spi.ChallengeRecord;
import dev.custos.otp.spi.LockoutPolicy;
import dev.custos.otp.spi.OtpStore;
import dev.custos.otp.spi.OtpStore.Scope;
import dev.custos.otp.spi.SendLimit;
import dev.custos.otp.testing.OtpStoreContract;
import dev.custos.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-process store meets the store contract, and refuses new work when full. */
class CaffeineOtpStoreTest extends OtpStoreContract {
  private final FakeClock clock = FakeClock.at(Instant.ofEpochMilli(T0));

  @Override
  protected OtpStore store() {
    return new CaffeineOtpStore(1_000, 2_000, clock);
  }

  @Test
  void acquireSend_windowsFull_refusedAndNothingEvicted() {
    CaffeineOtpStore store = new CaffeineOtpStore(10, 3, clock);
    SendLimit limit = SendLimit.of(RateLimit.PHONE_SENDS, 1, Duration.ofMinutes(10), Duration.ZERO);
    for (int i = 0; i < 3; i++) {
      assertThat(store.acquireSend(Scope.PHONE, "p" + i, limit, T0).isAcquired()).isTrue();
    }

    assertThat(store.acquireSend(Scope.PHONE, "p9", limit, T0).refusedBy())
        .isEqualTo(RateLimit.CAPACITY);
    assertThat(store.acquireSend(Scope.PHONE, "p0", limit, T0).refusedBy())
        .as("the full window is still there")
        .isEqualTo(RateLimit.PHONE_SENDS);
  }

  @Test
  void check_failureRecordsFull_storeFullNotForgotten() {
    CaffeineOtpStore store = new CaffeineOtpStore(10, 1, clock);
    LockoutPolicy policy = LockoutPolicy.of(20, Duration.ofMinutes(15), 100, Duration.ofDays(1));
    byte[] id = new byte[16];
    store.putChallenge("a", ChallengeRecord.of(id, new byte[16], T0 + 600_000, 5), T0);
    store.check(
        "a",
        id,
        new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
        T0 + 600_000,
        T0,
        policy);
    store.putChallenge("b", ChallengeRecord.of(id, new byte[16], T0 + 600_000, 5), T0);

    assertThatExceptionOfType(OtpStoreException.class)
        .isThrownBy(() -> store.check("b", id, new byte[16], T0 + 600_000, T0, policy))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(OtpStoreException.Reason.FULL));
  }

  @Test
  void releaseSend_takesBackOneSendOnly() {
    CaffeineOtpStore store = new CaffeineOtpStore(10, 100, clock);
    SendLimit limit = SendLimit.of(RateLimit.PHONE_SENDS, 3, Duration.ofMinutes(10), Duration.ZERO);
    store.acquireSend(Scope.PHONE, "p", limit, T0);
    store.acquireSend(Scope.PHONE, "p", limit, T0 + 1);
    store.acquireSend(Scope.PHONE, "p", limit, T0 + 2);

    store.releaseSend(Scope.PHONE, "p", T0 + 2, "");

    assertThat(store.acquireSend(Scope.PHONE, "p", limit, T0 + 3).isAcquired()).isTrue();
    assertThat(store.acquireSend(Scope.PHONE, "p", limit, T0 + 4).refusedBy())
        .as("the two earlier sends still count")
        .isEqualTo(RateLimit.PHONE_SENDS);
  }

  @Test
  void acquireSend_challengesFull_onlyTheCustomerWindowRefuses() {
    // Capacity for challenges guards the customer's window (a start); phone and global windows
    // count sends and must not be refused for it.
    CaffeineOtpStore store = new CaffeineOtpStore(1, 100, clock);
    SendLimit limit = SendLimit.of(RateLimit.PHONE_SENDS, 5, Duration.ofMinutes(10), Duration.ZERO);
    store.putChallenge("a", ChallengeRecord.of(new byte[16], new byte[16], T0 + 600_000, 5), T0);

    assertThat(store.acquireSend(Scope.PHONE, "p", limit, T0).isAcquired()).isTrue();
    assertThat(store.acquireSend(Scope.GLOBAL, "global", limit, T0).isAcquired()).isTrue();
    assertThat(store.acquireSend(Scope.CUSTOMER, "b", limit, T0).refusedBy())
        .isEqualTo(RateLimit.CAPACITY);
  }

  @Test
  void check_failureRecordsFull_customerAlreadyCountedStillChecked() {
    CaffeineOtpStore store = new CaffeineOtpStore(10, 1, clock);
    LockoutPolicy policy = LockoutPolicy.of(20, Duration.ofMinutes(15), 100, Duration.ofDays(1));
    byte[] id = new byte[16];
    byte[] wrong = new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    store.putChallenge("a", ChallengeRecord.of(id, new byte[16], T0 + 600_000, 5), T0);
    store.check("a", id, wrong, T0 + 600_000, T0, policy);

    assertThat(store.check("a", id, wrong, T0 + 600_000, T0, policy).attemptsLeft()).isEqualTo(3);
  }

  @Test
  void releaseSend_lastSendOfAWindow_freesItsEntry() {
    CaffeineOtpStore store = new CaffeineOtpStore(10, 1, clock);
    SendLimit limit = SendLimit.of(RateLimit.PHONE_SENDS, 3, Duration.ofMinutes(10), Duration.ZERO);
    store.acquireSend(Scope.PHONE, "p", limit, T0);

    store.releaseSend(Scope.PHONE, "p", T0, "");

    assertThat(store.acquireSend(Scope.PHONE, "q", limit, T0 + 1).isAcquired()).isTrue();
  }

  @Test
  void pendingChallenge_toString_showsNoIdOrTag() {
    PendingChallenge c = PendingChallenge.of(new byte[16], new byte[16], T0, 4);

    assertThat(c).hasToString("PendingChallenge[attemptsLeft=4]");
  }
}
