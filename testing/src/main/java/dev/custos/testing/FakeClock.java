package dev.custos.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UTC clock that stands still until a test moves it, at millisecond resolution. Every Custos
 * component takes one {@link Clock}; giving it this one makes expiry, windows and lockouts testable
 * without sleeping.
 *
 * <p>Thread-safe: concurrent readers see each {@link #advance} whole.
 */
public final class FakeClock extends Clock {
  /** Where every fake clock starts unless told otherwise: 2026-11-29T10:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2026-11-29T10:00:00Z");

  private final AtomicLong millis;

  private FakeClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  /**
   * Returns a clock standing at {@link #DEFAULT_START}.
   *
   * @return a new clock
   */
  public static FakeClock create() {
    return new FakeClock(DEFAULT_START);
  }

  /**
   * Returns a clock standing at the given instant (its milliseconds; finer parts are dropped).
   *
   * @param start where the clock stands
   * @return a new clock
   * @throws NullPointerException if {@code start} is null
   */
  public static FakeClock at(Instant start) {
    return new FakeClock(Objects.requireNonNull(start, "start"));
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far; its milliseconds count
   * @throws IllegalArgumentException if {@code duration} is negative
   * @throws NullPointerException if {@code duration} is null
   */
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a fake clock moves forward only; use set to go back");
    }
    millis.addAndGet(duration.toMillis());
  }

  /**
   * Puts the clock at an instant, earlier or later: how a test steps time the way NTP or an
   * operator might.
   *
   * @param instant where the clock stands from now on
   * @throws NullPointerException if {@code instant} is null
   */
  public void set(Instant instant) {
    millis.set(Objects.requireNonNull(instant, "instant").toEpochMilli());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /**
   * Not supported: a fake clock is UTC only, so that two views of it cannot drift apart.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a FakeClock is UTC only");
  }

  @Override
  public String toString() {
    return "FakeClock[" + instant() + "]";
  }
}
