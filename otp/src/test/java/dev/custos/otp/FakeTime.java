package dev.custos.otp;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A wall clock and a ticker that move only when told, together. */
final class FakeTime extends Clock implements Ticker {
  static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final AtomicLong millis = new AtomicLong(START.toEpochMilli());

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
    millis.addAndGet(duration.toMillis());
  }

  @Override
  public long read() {
    return nanos.get();
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
