package dev.custos.otp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The in-process store: three Caffeine caches whose entries expire at the deadline their value
 * carries, removed promptly by the scheduler rather than only when touched.
 */
final class CaffeineOtpStore implements OtpStore {
  private final Cache<String, PendingChallenge> challenges;
  private final Cache<String, SendWindow> sendWindows;
  private final Cache<String, FailureCount> failures;

  /**
   * @param ticker the engine's time line (its clock in nanoseconds): values' deadlines are read on
   *     it, so Caffeine must expire entries on the same one
   */
  CaffeineOtpStore(long maxChallenges, long maxCounters, Ticker ticker) {
    this.challenges = cache(maxChallenges, ticker);
    this.sendWindows = cache(maxCounters, ticker);
    this.failures = cache(maxCounters, ticker);
  }

  private static <V extends Expiring> Cache<String, V> cache(long maximumSize, Ticker ticker) {
    return Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .expireAfter(Expiry.<String, V>writing((key, value) -> remaining(value, ticker)))
        .ticker(ticker)
        .scheduler(Scheduler.systemScheduler())
        .build();
  }

  /** Time until the value's deadline; computing it here keeps replaced values from inheriting. */
  private static Duration remaining(Expiring value, Ticker ticker) {
    return Duration.ofNanos(Math.max(0, value.deadlineNanos() - ticker.read()));
  }

  @Override
  public void putChallenge(String customerId, PendingChallenge challenge) {
    challenges.put(customerId, challenge);
  }

  @Override
  public PendingChallenge computeChallenge(
      String customerId, UnaryOperator<PendingChallenge> update) {
    return challenges.asMap().compute(customerId, (key, current) -> update.apply(current));
  }

  @Override
  public SendWindow computeSendWindow(String key, UnaryOperator<SendWindow> update) {
    return sendWindows.asMap().compute(key, (k, current) -> update.apply(current));
  }

  @Override
  public FailureCount failures(String customerId) {
    return failures.getIfPresent(customerId);
  }

  @Override
  public FailureCount computeFailures(String customerId, UnaryOperator<FailureCount> update) {
    return failures.asMap().compute(customerId, (key, current) -> update.apply(current));
  }

  @Override
  public long pendingChallenges() {
    return challenges.estimatedSize();
  }

  @Override
  public void cleanUp() {
    challenges.cleanUp();
    sendWindows.cleanUp();
    failures.cleanUp();
  }
}
