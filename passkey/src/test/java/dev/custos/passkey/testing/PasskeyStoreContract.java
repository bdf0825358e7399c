package dev.custos.passkey.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.passkey.PasskeyCredential;
import dev.custos.passkey.PasskeyStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PasskeyStore} does, run against each implementation: passkeys found only under
 * their own customer, unique per customer, bounded per customer, deleted once, and a signature
 * counter that only moves forward, atomically.
 */
public abstract class PasskeyStoreContract {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** For subclasses. */
  protected PasskeyStoreContract() {}

  /**
   * Returns the store under test.
   *
   * @return the store
   */
  protected abstract PasskeyStore store();

  private static String customer() {
    return "pk-" + System.nanoTime() + "-" + NEXT.incrementAndGet();
  }

  private static PasskeyCredential passkey(String customerId, long counter, String name) {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    byte[] key = new byte[77];
    RANDOM.nextBytes(key);
    return PasskeyCredential.of(
        customerId,
        id,
        key,
        -7,
        counter,
        true,
        false,
        Set.of("internal", "hybrid"),
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        name);
  }

  @Test
  void add_thenFindAndList_sameCredentialBack() {
    String customer = customer();
    PasskeyCredential p = passkey(customer, 3, "Phone, \"work\" ✓");

    assertThat(store().add(p, 10)).isTrue();

    assertThat(store().find(customer, p.credentialId())).contains(p);
    assertThat(store().list(customer)).containsExactly(p);
  }

  @Test
  void find_underAnotherCustomer_empty() {
    String customer = customer();
    PasskeyCredential p = passkey(customer, 0, "");
    store().add(p, 10);

    assertThat(store().find(customer(), p.credentialId())).isEmpty();
    assertThat(store().list(customer())).isEmpty();
    assertThat(store().delete(customer(), p.credentialId())).isFalse();
    assertThat(store().advanceCounter(customer(), p.credentialId(), 9, false)).isFalse();
  }

  @Test
  void add_sameIdTwiceForACustomer_secondRefused() {
    String customer = customer();
    PasskeyCredential p = passkey(customer, 0, "");

    assertThat(store().add(p, 10)).isTrue();
    assertThat(store().add(p, 10)).isFalse();
    assertThat(store().list(customer)).hasSize(1);
  }

  @Test
  void add_beyondThePerCustomerBound_refused() {
    String customer = customer();
    assertThat(store().add(passkey(customer, 0, "a"), 2)).isTrue();
    assertThat(store().add(passkey(customer, 0, "b"), 2)).isTrue();

    assertThat(store().add(passkey(customer, 0, "c"), 2)).isFalse();
    assertThat(store().list(customer)).extracting(PasskeyCredential::name).containsOnly("a", "b");
  }

  @Test
  void delete_once_thenGone() {
    String customer = customer();
    PasskeyCredential p = passkey(customer, 0, "");
    store().add(p, 10);

    assertThat(store().delete(customer, p.credentialId())).isTrue();
    assertThat(store().delete(customer, p.credentialId())).isFalse();
    assertThat(store().find(customer, p.credentialId())).isEmpty();
    assertThat(store().add(p, 10)).isTrue();
  }

  @Test
  void advanceCounter_forwardOnly_andReadBackWithTheBackupState() {
    String customer = customer();
    PasskeyCredential p = passkey(customer, 5, "");
    store().add(p, 10);

    assertThat(store().advanceCounter(customer, p.credentialId(), 5, true)).isFalse();
    assertThat(store().advanceCounter(customer, p.credentialId(), 4, true)).isFalse();
    assertThat(store().advanceCounter(customer, p.credentialId(), 6, true)).isTrue();
    assertThat(store().advanceCounter(customer, p.credentialId(), 0, true)).isFalse();

    PasskeyCredential now = store().find(customer, p.credentialId()).orElseThrow();
    assertThat(now.signCount()).isEqualTo(6);
    assertThat(now.backedUp()).isTrue();
    assertThat(store().list(customer)).singleElement().isEqualTo(now);
  }

  @Test
  void advanceCounter_passkeyThatNeverCounts_zeroAgainPasses() {
    String customer = customer();
    PasskeyCredential p = passkey(customer, 0, "");
    store().add(p, 10);

    assertThat(store().advanceCounter(customer, p.credentialId(), 0, false)).isTrue();
    assertThat(store().advanceCounter(customer, p.credentialId(), 0, false)).isTrue();
  }

  @Test
  void advanceCounter_deletedPasskey_refused() {
    String customer = customer();
    PasskeyCredential p = passkey(customer, 0, "");
    store().add(p, 10);
    store().delete(customer, p.credentialId());

    assertThat(store().advanceCounter(customer, p.credentialId(), 1, false)).isFalse();
    assertThat(store().find(customer, p.credentialId())).isEmpty();
  }

  @Test
  void advanceCounter_sameCounterFromManyThreads_exactlyOneRecorded() throws Exception {
    String customer = customer();
    PasskeyCredential p = passkey(customer, 1, "");
    store().add(p, 10);
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return store().advanceCounter(customer, p.credentialId(), 2, false);
                }));
      }
      go.countDown();
      int recorded = 0;
      for (Future<Boolean> r : results) {
        recorded += r.get() ? 1 : 0;
      }
      assertThat(recorded).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
