package dev.custos.otp.spi;

import dev.custos.otp.RateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * How many sends a window allows, over how long, with which least gap between two, and the limit to
 * report when it refuses. Immutable.
 */
public final class SendLimit {
  private final RateLimit limit;
  private final int max;
  private final long windowMillis;
  private final long cooldownMillis;

  private SendLimit(RateLimit limit, int max, long windowMillis, long cooldownMillis) {
    this.limit = limit;
    this.max = max;
    this.windowMillis = windowMillis;
    this.cooldownMillis = cooldownMillis;
  }

  /**
   * Returns a limit.
   *
   * @param limit what to report when the window is full ({@link RateLimit#PHONE_SENDS}, {@link
   *     RateLimit#CUSTOMER_SENDS} or {@link RateLimit#GLOBAL_SENDS})
   * @param max sends allowed within the window, 1 to 1,000,000
   * @param window the sliding window, 1 second to 24 hours
   * @param cooldown least time between two sends, zero to the window (reported as {@link
   *     RateLimit#PHONE_COOLDOWN})
   * @return the limit
   * @throws IllegalArgumentException if a value is out of range
   * @throws NullPointerException if an argument is null
   */
  public static SendLimit of(RateLimit limit, int max, Duration window, Duration cooldown) {
    Objects.requireNonNull(limit, "limit");
    if (max < 1 || max > 1_000_000) {
      throw new IllegalArgumentException("max must be 1 to 1000000");
    }
    long windowMillis = window.toMillis();
    long cooldownMillis = cooldown.toMillis();
    if (windowMillis < 1_000 || windowMillis > Duration.ofHours(24).toMillis()) {
      throw new IllegalArgumentException("window must be 1 s to 24 h");
    }
    if (cooldownMillis < 0 || cooldownMillis > windowMillis) {
      throw new IllegalArgumentException("cooldown must be zero to the window");
    }
    return new SendLimit(limit, max, windowMillis, cooldownMillis);
  }

  /**
   * Returns the limit reported when the window is full.
   *
   * @return the limit
   */
  public RateLimit limit() {
    return limit;
  }

  /**
   * Returns the sends allowed within the window.
   *
   * @return at least 1
   */
  public int max() {
    return max;
  }

  /**
   * Returns the window's length.
   *
   * @return milliseconds
   */
  public long windowMillis() {
    return windowMillis;
  }

  /**
   * Returns the least time between two sends.
   *
   * @return milliseconds, 0 for none
   */
  public long cooldownMillis() {
    return cooldownMillis;
  }

  @Override
  public String toString() {
    return "SendLimit[" + limit + ", " + max + " per " + windowMillis + " ms]";
  }
}
