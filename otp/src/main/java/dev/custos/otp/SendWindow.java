package dev.custos.otp;

import dev.custos.otp.spi.SendDecision;
import dev.custos.otp.spi.SendLimit;
import java.util.Arrays;

/**
 * The recent sends counted against one window (one phone, one customer, or the whole engine) in the
 * in-process store: their times in epoch milliseconds, oldest first, at most the limit's maximum.
 * Immutable.
 */
final class SendWindow implements Expiring {
  private final long[] times;
  private final long deadlineMillis;

  private SendWindow(long[] times, long deadlineMillis) {
    this.times = times;
    this.deadlineMillis = deadlineMillis;
  }

  /** The refusal, if {@code current} allows no send at {@code now} under {@code limit}. */
  static SendDecision decide(SendWindow current, long now, SendLimit limit) {
    long[] recent = current == null ? new long[0] : current.since(now - limit.windowMillis());
    if (limit.cooldownMillis() > 0 && recent.length > 0) {
      long wait = recent[recent.length - 1] + limit.cooldownMillis() - now;
      if (wait > 0) {
        return SendDecision.refused(RateLimit.PHONE_COOLDOWN, wait);
      }
    }
    if (recent.length >= limit.max()) {
      return SendDecision.refused(
          limit.limit(), recent[recent.length - limit.max()] + limit.windowMillis() - now);
    }
    return SendDecision.acquired();
  }

  /** {@code current} with one more send at {@code now}; call only after {@link #decide} allowed. */
  static SendWindow add(SendWindow current, long now, SendLimit limit) {
    long[] recent = current == null ? new long[0] : current.since(now - limit.windowMillis());
    long[] times = Arrays.copyOf(recent, recent.length + 1);
    times[recent.length] = now;
    return new SendWindow(times, now + limit.windowMillis());
  }

  /**
   * Takes back one send counted at {@code time}, after a later limit refused the request; null when
   * none is left, so the window's entry goes. {@code current} is never null (computeIfPresent).
   */
  static SendWindow release(SendWindow current, long time) {
    for (int i = current.times.length - 1; i >= 0; i--) {
      if (current.times[i] == time) {
        long[] times = new long[current.times.length - 1];
        System.arraycopy(current.times, 0, times, 0, i);
        System.arraycopy(current.times, i + 1, times, i, times.length - i);
        return times.length == 0 ? null : new SendWindow(times, current.deadlineMillis);
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
  public long deadlineMillis() {
    return deadlineMillis;
  }
}
