package dev.custos.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.authz.testing.RevocationStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-process revocation store: the contract every store meets, and its bound. */
class CaffeineRevocationStoreTest extends RevocationStoreContract {
  private final CaffeineRevocationStore store = new CaffeineRevocationStore(2, clock);

  @Override
  protected RevocationStore store() {
    return new CaffeineRevocationStore(1_000, clock);
  }

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
