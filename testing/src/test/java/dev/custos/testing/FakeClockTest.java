package dev.custos.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FakeClockTest {
  @Test
  void create_standsStillUntilAdvanced() {
    FakeClock clock = FakeClock.create();

    assertThat(clock.instant()).isEqualTo(FakeClock.DEFAULT_START);
    assertThat(clock.millis()).isEqualTo(FakeClock.DEFAULT_START.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void advance_movesByTheDurationsMilliseconds() {
    FakeClock clock = FakeClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    clock.advance(Duration.ofMinutes(10).plusNanos(999_999));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:10:00Z"));
  }

  @Test
  void advance_negative_refused() {
    FakeClock clock = FakeClock.create();

    assertThatIllegalArgumentException().isThrownBy(() -> clock.advance(Duration.ofMillis(-1)));
    assertThat(clock.instant()).isEqualTo(FakeClock.DEFAULT_START);
  }

  @Test
  void set_goesBackOrForward() {
    FakeClock clock = FakeClock.create();

    clock.set(Instant.parse("2020-02-02T02:02:02.002Z"));

    assertThat(clock.millis()).isEqualTo(Instant.parse("2020-02-02T02:02:02.002Z").toEpochMilli());
  }

  @Test
  void withZone_refused() {
    assertThatThrownBy(() -> FakeClock.create().withZone(ZoneOffset.ofHours(1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
