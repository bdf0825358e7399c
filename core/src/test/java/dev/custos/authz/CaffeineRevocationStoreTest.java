package dev.custos.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CaffeineRevocationStoreTest {
  private final FakeClock clock = FakeClock.create();
  private final CaffeineRevocationStore store = new CaffeineRevocationStore(2, clock);

  private long in(Duration d) {
    return clock.millis() + d.toMillis();
  }

  @Test
  void revokeCustomerTokens_full_refusesANewCustomerButUpdatesAKnownOne() {
    store.revokeCustomerTokens("a", clock.millis(), in(Duration.ofHours(1)));
    store.revokeCustomerTokens("b", clock.millis(), in(Duration.ofHours(1)));

    assertThatExceptionOfType(RevocationStoreException.class)
        .isThrownBy(() -> store.revokeCustomerTokens("c", clock.millis(), in(Duration.ofHours(1))))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(RevocationStoreException.Reason.FULL));
    store.revokeCustomerTokens("a", in(Duration.ofMinutes(1)), in(Duration.ofHours(2)));
    assertThat(store.isRevoked("t", "a", in(Duration.ofSeconds(30)))).isTrue();
  }

  @Test
  void revokeToken_fullOfExpiredEntries_makesRoomAtOnce() {
    store.revokeToken("t1", in(Duration.ofMinutes(1)));
    store.revokeToken("t2", in(Duration.ofMinutes(1)));
    clock.advance(Duration.ofMinutes(2));

    store.revokeToken("t3", in(Duration.ofMinutes(1)));

    assertThat(store.isRevoked("t3", null, clock.millis())).isTrue();
    assertThat(store.isRevoked("t1", null, clock.millis())).isFalse();
  }
}
