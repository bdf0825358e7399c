package dev.custos.otp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.custos.otp.spi.ChallengeRecord;
import dev.custos.otp.spi.CheckResult;
import dev.custos.otp.spi.LockoutPolicy;
import dev.custos.otp.spi.OtpStore;
import dev.custos.otp.spi.SendDecision;
import dev.custos.otp.spi.SendLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process store, the default: three Caffeine caches whose entries expire at the deadline
 * their value carries, removed promptly by the scheduler. No entry is ever evicted for size: each
 * cache has a bound past which new work is refused ({@link RateLimit#CAPACITY}, {@link
 * OtpStoreException.Reason#FULL}) while the state already held is kept to its deadline. A bound may
 * be overshot by the number of starts racing for the last places.
 *
 * <p>A customer's verification runs inside one atomic {@code compute} on the customer's failure
 * record, so no two checks of one customer interleave: no guess slips past a lockout.
 */
final class CaffeineOtpStore implements OtpStore {
  private static final Logger log = LoggerFactory.getLogger(OtpEngine.class);

  private final Cache<String, PendingChallenge> challenges;
  private final Cache<String, SendWindow> sendWindows;
  private final Cache<String, FailureCount> failures;
  private final long maxChallenges;
  private final long maxCounters;

  /**
   * @param clock the engine's clock: values' deadlines are read on it, so Caffeine expires entries
   *     on the same time line
   */
  CaffeineOtpStore(long maxChallenges, long maxCounters, Clock clock) {
    Ticker ticker = () -> clock.millis() * 1_000_000L;
    this.challenges = cache(ticker, clock);
    this.sendWindows = cache(ticker, clock);
    this.failures = cache(ticker, clock);
    this.maxChallenges = maxChallenges;
    this.maxCounters = maxCounters;
  }

  private static <V extends Expiring> Cache<String, V> cache(Ticker ticker, Clock clock) {
    return Caffeine.newBuilder()
        .expireAfter(Expiry.<String, V>writing((key, value) -> remaining(value, clock)))
        .ticker(ticker)
        .scheduler(Scheduler.systemScheduler())
        .build();
  }

  /** Time until the value's deadline; computing it here keeps replaced values from inheriting. */
  private static Duration remaining(Expiring value, Clock clock) {
    return Duration.ofMillis(Math.max(0, value.deadlineMillis() - clock.millis()));
  }

  @Override
  public SendDecision acquireSend(Scope scope, String id, SendLimit limit, long nowMillis) {
    if (scope == Scope.CUSTOMER) {
      FailureCount f = failures.getIfPresent(id);
      if (f != null && f.lockRemaining(nowMillis) > 0) {
        return SendDecision.refused(RateLimit.CUSTOMER_LOCKED, f.lockRemaining(nowMillis));
      }
      if (!hasRoom(challenges, maxChallenges)) {
        return SendDecision.refused(RateLimit.CAPACITY, Duration.ofMinutes(1).toMillis());
      }
    }
    String key = scope.name() + ":" + id;
    if (sendWindows.getIfPresent(key) == null && !hasRoom(sendWindows, maxCounters)) {
      return SendDecision.refused(RateLimit.CAPACITY, Duration.ofMinutes(1).toMillis());
    }
    SendDecision[] decision = new SendDecision[1];
    sendWindows
        .asMap()
        .compute(
            key,
            (k, current) -> {
              decision[0] = SendWindow.decide(current, nowMillis, limit);
              return decision[0].isAcquired() ? SendWindow.add(current, nowMillis, limit) : current;
            });
    return decision[0];
  }

  /** Sends of one window and one instant are indistinguishable here: any of them is the one. */
  @Override
  public void releaseSend(Scope scope, String id, long sentAtMillis, String sendId) {
    sendWindows
        .asMap()
        .computeIfPresent(
            scope.name() + ":" + id, (k, current) -> SendWindow.release(current, sentAtMillis));
  }

  @Override
  public void putChallenge(String customerId, ChallengeRecord challenge, long nowMillis) {
    challenges.put(
        customerId,
        PendingChallenge.of(
            challenge.challengeId(),
            challenge.codeTag(),
            challenge.expiresAtMillis(),
            challenge.attempts()));
  }

  @Override
  public CheckResult check(
      String customerId,
      byte[] challengeId,
      byte[] codeTag,
      long tokenExpiresAtMillis,
      long nowMillis,
      LockoutPolicy policy) {
    if (failures.getIfPresent(customerId) == null && !hasRoom(failures, maxCounters)) {
      throw new OtpStoreException(
          OtpStoreException.Reason.FULL, "no room to count this customer's failures", null);
    }
    ConcurrentMap<String, PendingChallenge> pending = challenges.asMap();
    CheckResult[] result = new CheckResult[1];
    failures
        .asMap()
        .compute(
            customerId,
            (key, f) -> {
              if (f != null && f.lockRemaining(nowMillis) > 0) {
                result[0] = CheckResult.customerLocked(f.lockRemaining(nowMillis));
                return f;
              }
              boolean expired = nowMillis >= tokenExpiresAtMillis;
              // The challenge is decided inside its own atomic step, nested in the customer's:
              // nothing else nests the two maps, so the order cannot deadlock.
              pending.compute(
                  customerId,
                  (k, c) -> {
                    if (c == null || !c.hasId(challengeId)) {
                      result[0] = expired ? CheckResult.expired() : CheckResult.notFound();
                      return c;
                    }
                    if (expired || nowMillis >= c.expiresAtMillis) {
                      result[0] = CheckResult.expired();
                      return null;
                    }
                    if (c.codeMatches(codeTag)) {
                      result[0] = CheckResult.approved();
                      return null;
                    }
                    int left = c.attemptsLeft - 1;
                    result[0] =
                        left <= 0
                            ? CheckResult.maxAttemptsReached()
                            : CheckResult.incorrectCode(left);
                    return left <= 0 ? null : c.withAttemptsLeft(left);
                  });
              switch (result[0].outcome()) {
                case APPROVED:
                  return null;
                case INCORRECT_CODE:
                case MAX_ATTEMPTS_REACHED:
                  break;
                default:
                  return f;
              }
              FailureCount counted = countFailure(customerId, f, nowMillis, policy);
              // The lockout this failure started, as the count records it (0 for none).
              long until = counted.lockedUntilMillis;
              if (until > nowMillis) {
                result[0] =
                    result[0].withLockout(until == Long.MAX_VALUE ? until : until - nowMillis);
              }
              return counted;
            });
    return result[0];
  }

  private static FailureCount countFailure(
      String customerId, FailureCount f, long nowMillis, LockoutPolicy policy) {
    int count = (f == null ? 0 : f.failures) + 1;
    long lock = policy.lockoutAfter(count);
    // No lockout (0) ends at once: now + 0 locks nobody.
    long lockedUntil = lock == Long.MAX_VALUE ? Long.MAX_VALUE : nowMillis + lock;
    if (lock != 0) {
      log.warn(
          "OTP customer locked out after {} consecutive wrong codes{}: customer={}",
          count,
          lock == Long.MAX_VALUE ? " until unlocked" : " for " + Duration.ofMillis(lock),
          customerId);
    }
    return new FailureCount(count, lockedUntil, nowMillis + policy.memoryMillis());
  }

  @Override
  public void unlock(String customerId) {
    failures.invalidate(customerId);
  }

  @Override
  public long pendingChallenges() {
    challenges.cleanUp();
    return challenges.estimatedSize();
  }

  /** Whether a cache may take one more key; drops what has expired before saying no. */
  private static boolean hasRoom(Cache<String, ?> cache, long max) {
    if (cache.estimatedSize() < max) {
      return true;
    }
    cache.cleanUp();
    return cache.estimatedSize() < max;
  }
}
