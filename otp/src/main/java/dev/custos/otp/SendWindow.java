package dev.custos.otp;

import java.util.Arrays;

/**
 * The recent sends counted against one limit (one phone, one customer, or the whole engine): their
 * time-line readings, oldest first, at most the limit's maximum. Immutable.
 */
final class SendWindow implements Expiring {
  private final long[] times;
  private final long deadlineNanos;

  private SendWindow(long[] times, long deadlineNanos) {
    this.times = times;
    this.deadlineNanos = deadlineNanos;
  }

  /** The outcome of trying to count one more send. */
  static final class Attempt {
    RateLimit refusedBy;
    long retryAfterNanos;
  }

  /**
   * Counts a send at {@code now} if {@code max} sends within {@code window} and the cooldown allow
   * it; otherwise records in {@code attempt} which limit refused it and for how long.
   */
  static SendWindow acquire(
      SendWindow current,
      long now,
      int max,
      long windowNanos,
      long cooldownNanos,
      RateLimit windowLimit,
      Attempt attempt) {
    long[] recent = current == null ? new long[0] : current.since(now - windowNanos);
    attempt.refusedBy = null;
    if (cooldownNanos > 0 && recent.length > 0) {
      long wait = recent[recent.length - 1] + cooldownNanos - now;
      if (wait > 0) {
        attempt.refusedBy = RateLimit.PHONE_COOLDOWN;
        attempt.retryAfterNanos = wait;
        return current;
      }
    }
    if (recent.length >= max) {
      attempt.refusedBy = windowLimit;
      attempt.retryAfterNanos = Math.max(1, recent[recent.length - max] + windowNanos - now);
      return current;
    }
    long[] times = Arrays.copyOf(recent, recent.length + 1);
    times[recent.length] = now;
    return new SendWindow(times, now + windowNanos);
  }

  /** Takes back one send counted at {@code time}, after a later limit refused the request. */
  static SendWindow release(SendWindow current, long time) {
    if (current == null) {
      return null;
    }
    for (int i = current.times.length - 1; i >= 0; i--) {
      if (current.times[i] == time) {
        long[] times = new long[current.times.length - 1];
        System.arraycopy(current.times, 0, times, 0, i);
        System.arraycopy(current.times, i + 1, times, i, times.length - i);
        return times.length == 0 ? null : new SendWindow(times, current.deadlineNanos);
      }
    }
    return current;
  }

  private long[] since(long start) {
    int first = 0;
    while (first < times.length && times[first] - start <= 0) {
      first++;
    }
    return first == 0 ? times : Arrays.copyOfRange(times, first, times.length);
  }

  @Override
  public long deadlineNanos() {
    return deadlineNanos;
  }
}
