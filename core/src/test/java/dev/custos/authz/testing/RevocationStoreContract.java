package dev.custos.authz.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.authz.RevocationStore;
import dev.custos.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RevocationStore} does, run against each implementation: a revoked token is
 * refused and no other; a customer's cutoff reaches its tokens issued before it, never an org
 * token's; a later cutoff or a longer keep wins, never an earlier or shorter one; a revocation is
 * kept to its deadline; listeners hear of revocations.
 */
public abstract class RevocationStoreContract {
  private static final AtomicInteger NEXT = new AtomicInteger();

  /** The clock every store under test reckons deadlines by: now, as a network store's is. */
  protected final FakeClock clock = FakeClock.at(Instant.now());

  /** For subclasses. */
  protected RevocationStoreContract() {}

  /**
   * Returns the store under test, reading time from {@link #clock}.
   *
   * @return the store
   */
  protected abstract RevocationStore store();

  private static String fresh(String what) {
    return what + "-" + System.nanoTime() + "-" + NEXT.incrementAndGet();
  }

  private long in(Duration d) {
    return clock.millis() + d.toMillis();
  }

  @Test
  void revokeToken_thatTokenRefusedNoOther() {
    RevocationStore store = store();
    String jti = fresh("jti");

    store.revokeToken(jti, in(Duration.ofHours(1)));

    assertThat(store.isRevoked(jti, null, clock.millis())).isTrue();
    assertThat(store.isRevoked(jti, fresh("customer"), clock.millis())).isTrue();
    assertThat(store.isRevoked(fresh("jti"), null, clock.millis())).isFalse();
  }

  @Test
  void revokeTokenOnce_firstCallOnly_andARevokedTokenIsNoFirst() {
    RevocationStore store = store();
    String jti = fresh("jti");
    String revoked = fresh("jti");
    store.revokeToken(revoked, in(Duration.ofHours(1)));

    assertThat(store.revokeTokenOnce(jti, in(Duration.ofMinutes(5)))).isTrue();
    assertThat(store.revokeTokenOnce(jti, in(Duration.ofMinutes(5)))).isFalse();
    assertThat(store.isRevoked(jti, null, clock.millis())).isTrue();
    assertThat(store.revokeTokenOnce(revoked, in(Duration.ofMinutes(5)))).isFalse();
  }

  /** A single-use token used from many threads at once: one use. */
  @Test
  void revokeTokenOnce_fromManyThreads_exactlyOneFirst() throws Exception {
    RevocationStore store = store();
    String jti = fresh("jti");
    int threads = 16;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> uses = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        uses.add(
            pool.submit(
                () -> {
                  go.await();
                  return store.revokeTokenOnce(jti, in(Duration.ofMinutes(5)));
                }));
      }
      go.countDown();
      int first = 0;
      for (java.util.concurrent.Future<Boolean> use : uses) {
        first += use.get() ? 1 : 0;
      }
      assertThat(first).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void revokeToken_justBeforeItsDeadline_stillRevoked() {
    RevocationStore store = store();
    String jti = fresh("jti");
    store.revokeToken(jti, in(Duration.ofMinutes(10)));

    clock.advance(Duration.ofMinutes(10).minusMillis(1));

    assertThat(store.isRevoked(jti, null, clock.millis())).isTrue();
  }

  @Test
  void revokeToken_againWithAnEarlierDeadline_keepsTheLaterOne() {
    RevocationStore store = store();
    String jti = fresh("jti");
    store.revokeToken(jti, in(Duration.ofHours(2)));
    store.revokeToken(jti, in(Duration.ofMinutes(1)));

    clock.advance(Duration.ofMinutes(30));

    assertThat(store.isRevoked(jti, null, clock.millis())).isTrue();
  }

  @Test
  void revokeCustomerTokens_earlierTokensOnly_neverAnOrgTokens() {
    RevocationStore store = store();
    String customer = fresh("customer");
    long cutoff = clock.millis();

    store.revokeCustomerTokens(customer, cutoff, in(Duration.ofHours(24)));

    assertThat(store.isRevoked(fresh("jti"), customer, cutoff - 1)).isTrue();
    assertThat(store.isRevoked(fresh("jti"), customer, cutoff))
        .as("issued at the cutoff")
        .isFalse();
    assertThat(store.isRevoked(fresh("jti"), fresh("customer"), cutoff - 1)).isFalse();
    assertThat(store.isRevoked(fresh("jti"), null, cutoff - 1)).as("an org token").isFalse();
  }

  @Test
  void revokeCustomerTokens_laterCutoffReplacesEarlierNeverTheReverse() {
    RevocationStore store = store();
    String customer = fresh("customer");
    long first = clock.millis();
    long later = first + 60_000;

    store.revokeCustomerTokens(customer, later, in(Duration.ofHours(24)));
    store.revokeCustomerTokens(customer, first, in(Duration.ofHours(24)));

    assertThat(store.isRevoked(fresh("jti"), customer, later - 1))
        .as("the earlier cutoff did not undo the later one")
        .isTrue();
  }

  @Test
  void revokeCustomerTokens_shorterKeep_doesNotShortenTheLongerOne() {
    RevocationStore store = store();
    String customer = fresh("customer");
    long cutoff = clock.millis();
    store.revokeCustomerTokens(customer, cutoff, in(Duration.ofHours(24)));
    store.revokeCustomerTokens(customer, cutoff, in(Duration.ofMinutes(1)));

    clock.advance(Duration.ofHours(1));

    assertThat(store.isRevoked(fresh("jti"), customer, cutoff - 1)).isTrue();
  }

  @Test
  void revocations_heardByTheListeners() {
    RevocationStore store = store();
    AtomicInteger heard = new AtomicInteger();
    store.onRevocation(heard::incrementAndGet);

    store.revokeToken(fresh("jti"), in(Duration.ofHours(1)));
    store.revokeCustomerTokens(fresh("customer"), clock.millis(), in(Duration.ofHours(1)));

    assertThat(heard.get()).isGreaterThanOrEqualTo(2);
  }
}
