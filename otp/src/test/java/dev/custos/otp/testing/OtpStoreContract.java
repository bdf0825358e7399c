package dev.custos.otp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.otp.RateLimit;
import dev.custos.otp.spi.ChallengeRecord;
import dev.custos.otp.spi.CheckResult;
import dev.custos.otp.spi.OtpStore;
import dev.custos.otp.spi.OtpStore.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OtpStore} must do, as a JUnit base class: the in-process store's test and every
 * shared store's test extend it, so all stores answer alike. Times are explicit epoch milliseconds;
 * a store decides by them, not by its own clock. This class holds the checks of codes; {@link
 * OtpStoreStartContract}, which it extends, the send windows and the steps of a start.
 */
public abstract class OtpStoreContract extends OtpStoreStartContract {
  /** For subclasses. */
  protected OtpStoreContract() {}

  @Test
  void check_rightCode_approvedOnceThenNotFound() {
    OtpStore store = store();
    String customer = freshCustomer();
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), T0 + 10 * MINUTE, 5), T0);

    assertThat(check(store, customer, 1, 2, T0 + MINUTE).outcome())
        .isEqualTo(CheckResult.Outcome.APPROVED);
    assertThat(check(store, customer, 1, 2, T0 + MINUTE).outcome())
        .isEqualTo(CheckResult.Outcome.NOT_FOUND);
  }

  @Test
  void check_wrongCodes_attemptsCountDownThenTheChallengeBurns() {
    OtpStore store = store();
    String customer = freshCustomer();
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), T0 + 10 * MINUTE, 2), T0);

    CheckResult first = check(store, customer, 1, 3, T0);
    assertThat(first.outcome()).isEqualTo(CheckResult.Outcome.INCORRECT_CODE);
    assertThat(first.attemptsLeft()).isEqualTo(1);
    assertThat(check(store, customer, 1, 3, T0).outcome())
        .isEqualTo(CheckResult.Outcome.MAX_ATTEMPTS_REACHED);
    assertThat(check(store, customer, 1, 2, T0).outcome()).isEqualTo(CheckResult.Outcome.NOT_FOUND);
  }

  @Test
  void check_expiredTokenOrChallenge_expiredAndGone() {
    OtpStore store = store();
    String customer = freshCustomer();
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), T0 + 10 * MINUTE, 5), T0);

    CheckResult expired =
        store.check(customer, bytes(1), bytes(2), T0 + 10 * MINUTE, T0 + 10 * MINUTE, POLICY);
    assertThat(expired.outcome()).isEqualTo(CheckResult.Outcome.EXPIRED);
    assertThat(check(store, customer, 1, 2, T0 + MINUTE).outcome())
        .as("gone once found expired")
        .isEqualTo(CheckResult.Outcome.NOT_FOUND);
  }

  @Test
  void putChallenge_supersedes_oldIdNotFound() {
    OtpStore store = store();
    String customer = freshCustomer();
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), T0 + 10 * MINUTE, 5), T0);
    store.putChallenge(customer, ChallengeRecord.of(bytes(3), bytes(4), T0 + 10 * MINUTE, 5), T0);

    assertThat(check(store, customer, 1, 2, T0).outcome()).isEqualTo(CheckResult.Outcome.NOT_FOUND);
    assertThat(check(store, customer, 3, 4, T0).outcome()).isEqualTo(CheckResult.Outcome.APPROVED);
  }

  @Test
  void check_failuresLockOutEscalateAndSurviveLockouts() {
    OtpStore store = store();
    String customer = freshCustomer();
    long now = T0;
    now = fail(store, customer, 3, now);

    CheckResult locked = check(store, customer, 9, 9, now);
    assertThat(locked.outcome()).isEqualTo(CheckResult.Outcome.CUSTOMER_LOCKED);
    assertThat(locked.retryAfterMillis()).isEqualTo(Duration.ofMinutes(15).toMillis());
    assertThat(store.acquireSend(Scope.CUSTOMER, customer, CUSTOMER, now).refusedBy())
        .isEqualTo(RateLimit.CUSTOMER_LOCKED);

    now += 15 * MINUTE;
    now = fail(store, customer, 3, now);
    assertThat(check(store, customer, 9, 9, now).retryAfterMillis())
        .isEqualTo(Duration.ofMinutes(30).toMillis());
  }

  /** The failure that locks says so (the engine tells its listener); the others do not. */
  @Test
  void check_theFailureThatLocks_reportsItsLockout() {
    OtpStore store = store();
    String customer = freshCustomer();
    List<Long> lockouts = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      store.putChallenge(
          customer, ChallengeRecord.of(bytes(100 + i), bytes(200 + i), T0 + 10 * MINUTE, 5), T0);
      lockouts.add(check(store, customer, 100 + i, 7, T0).lockedOutMillis());
    }

    assertThat(lockouts).containsExactly(0L, 0L, Duration.ofMinutes(15).toMillis());
  }

  @Test
  void check_theFailureThatLocksForGood_reportsForever() {
    OtpStore store = store();
    String customer = freshCustomer();
    long now = T0;
    now = fail(store, customer, 3, now);
    now += Duration.ofDays(1).toMillis();
    now = fail(store, customer, 3, now);
    now += Duration.ofDays(1).toMillis();
    now = fail(store, customer, 2, now);
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), now + 10 * MINUTE, 5), now);

    assertThat(check(store, customer, 1, 7, now).lockedOutMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void check_permanentAfterTheLimit_untilUnlocked() {
    OtpStore store = store();
    String customer = freshCustomer();
    long now = T0;
    for (int round = 0; round < 3; round++) {
      now = fail(store, customer, 3, now);
      now += Duration.ofDays(1).toMillis();
    }
    long later = now + Duration.ofDays(30).toMillis();

    assertThat(check(store, customer, 9, 9, later).outcome())
        .isEqualTo(CheckResult.Outcome.CUSTOMER_LOCKED);
    store.unlock(customer);
    store.putChallenge(
        customer, ChallengeRecord.of(bytes(1), bytes(2), later + 10 * MINUTE, 5), later);
    assertThat(check(store, customer, 1, 2, later).outcome())
        .isEqualTo(CheckResult.Outcome.APPROVED);
  }

  @Test
  void check_rightCode_clearsFailures() {
    OtpStore store = store();
    String customer = freshCustomer();
    long now = fail(store, customer, 2, T0);
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), now + 10 * MINUTE, 5), now);
    check(store, customer, 1, 2, now);

    now = fail(store, customer, 2, now);

    store.putChallenge(customer, ChallengeRecord.of(bytes(5), bytes(6), now + 10 * MINUTE, 5), now);
    assertThat(check(store, customer, 5, 6, now).outcome()).isEqualTo(CheckResult.Outcome.APPROVED);
  }

  @Test
  void check_concurrentRightCodes_exactlyOneApproval() throws Exception {
    OtpStore store = store();
    String customer = freshCustomer();
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), T0 + 10 * MINUTE, 5), T0);

    List<CheckResult.Outcome> outcomes = race(32, () -> check(store, customer, 1, 2, T0).outcome());

    assertThat(outcomes).filteredOn(o -> o == CheckResult.Outcome.APPROVED).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> o != CheckResult.Outcome.APPROVED)
        .containsOnly(CheckResult.Outcome.NOT_FOUND);
  }

  @Test
  void check_concurrentWrongCodes_noGuessPastTheLockout() throws Exception {
    OtpStore store = store();
    String customer = freshCustomer();
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), T0 + 10 * MINUTE, 5), T0);
    fail(store, customer, 2, T0);
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), T0 + 10 * MINUTE, 5), T0);

    List<CheckResult.Outcome> outcomes = race(32, () -> check(store, customer, 1, 7, T0).outcome());

    // One more failure reaches the lockout; every other guess must meet it, not the challenge.
    assertThat(outcomes)
        .filteredOn(o -> o == CheckResult.Outcome.INCORRECT_CODE)
        .as("guesses compared")
        .hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> o != CheckResult.Outcome.INCORRECT_CODE)
        .containsOnly(CheckResult.Outcome.CUSTOMER_LOCKED);
  }

  /**
   * Counts {@code n} failures on fresh challenges, all at {@code now}.
   *
   * @return {@code now}
   */
  @Test
  void check_challengeAtItsExpiryInstant_expired() {
    OtpStore store = store();
    String customer = freshCustomer();
    long expiry = T0 + 10 * MINUTE;
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), expiry, 5), T0);

    CheckResult atExpiry =
        store.check(customer, bytes(1), bytes(2), expiry + MINUTE, expiry, POLICY);

    assertThat(atExpiry.outcome()).isEqualTo(CheckResult.Outcome.EXPIRED);
    store.putChallenge(customer, ChallengeRecord.of(bytes(3), bytes(4), expiry, 5), T0);
    assertThat(
            store
                .check(customer, bytes(3), bytes(4), expiry + MINUTE, expiry - 1, POLICY)
                .outcome())
        .isEqualTo(CheckResult.Outcome.APPROVED);
  }

  @Test
  void check_tokenExpiredBeforeItsChallenge_expired() {
    OtpStore store = store();
    String customer = freshCustomer();
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), T0 + 10 * MINUTE, 5), T0);

    assertThat(
            store.check(customer, bytes(1), bytes(2), T0 + MINUTE, T0 + MINUTE, POLICY).outcome())
        .isEqualTo(CheckResult.Outcome.EXPIRED);
  }

  @Test
  void check_idOrTagMatchingInOneHalfOnly_noMatch() {
    OtpStore store = store();
    String customer = freshCustomer();
    store.putChallenge(customer, ChallengeRecord.of(bytes(1), bytes(2), T0 + 10 * MINUTE, 5), T0);
    byte[] idLowHalfDiffers = bytes(1);
    idLowHalfDiffers[15] ^= 1;
    byte[] idHighHalfDiffers = bytes(1);
    idHighHalfDiffers[0] ^= 1;
    byte[] tagLowHalfDiffers = bytes(2);
    tagLowHalfDiffers[15] ^= 1;
    byte[] tagHighHalfDiffers = bytes(2);
    tagHighHalfDiffers[0] ^= 1;
    long exp = T0 + 10 * MINUTE;

    assertThat(store.check(customer, idLowHalfDiffers, bytes(2), exp, T0, POLICY).outcome())
        .isEqualTo(CheckResult.Outcome.NOT_FOUND);
    assertThat(store.check(customer, idHighHalfDiffers, bytes(2), exp, T0, POLICY).outcome())
        .isEqualTo(CheckResult.Outcome.NOT_FOUND);
    assertThat(store.check(customer, bytes(1), tagLowHalfDiffers, exp, T0, POLICY).outcome())
        .isEqualTo(CheckResult.Outcome.INCORRECT_CODE);
    assertThat(store.check(customer, bytes(1), tagHighHalfDiffers, exp, T0, POLICY).outcome())
        .isEqualTo(CheckResult.Outcome.INCORRECT_CODE);
  }

  @Test
  void check_unknownOrExpiredChallenge_keepsTheFailureCount() {
    // An attacker must not reset a customer's failures by replaying an old verification token.
    OtpStore store = store();
    String customer = freshCustomer();
    long now = fail(store, customer, 2, T0);
    assertThat(check(store, customer, 42, 7, now).outcome())
        .isEqualTo(CheckResult.Outcome.NOT_FOUND);
    assertThat(store.check(customer, bytes(43), bytes(7), now, now, POLICY).outcome())
        .isEqualTo(CheckResult.Outcome.EXPIRED);

    now = fail(store, customer, 1, now);

    assertThat(check(store, customer, 9, 9, now).outcome())
        .isEqualTo(CheckResult.Outcome.CUSTOMER_LOCKED);
  }

  @Test
  void check_permanentLockout_reportsTheWaitUntilTheFailuresAreForgotten() {
    OtpStore store = store();
    String customer = freshCustomer();
    long now = T0;
    for (int round = 0; round < 3; round++) {
      now = fail(store, customer, 3, now) + Duration.ofDays(1).toMillis();
    }

    CheckResult locked = check(store, customer, 9, 9, now);

    assertThat(locked.outcome()).isEqualTo(CheckResult.Outcome.CUSTOMER_LOCKED);
    assertThat(locked.retryAfterMillis())
        .isBetween(Duration.ofDays(300).toMillis(), Duration.ofDays(366).toMillis());
  }

  private long fail(OtpStore store, String customer, int n, long now) {
    for (int i = 0; i < n; i++) {
      store.putChallenge(
          customer, ChallengeRecord.of(bytes(100 + i), bytes(200 + i), now + 10 * MINUTE, 5), now);
      assertThat(check(store, customer, 100 + i, 7, now).outcome())
          .isEqualTo(CheckResult.Outcome.INCORRECT_CODE);
    }
    return now;
  }

  private static <T> List<T> race(int threads, java.util.concurrent.Callable<T> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.call();
                }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
