package dev.custos.customer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.customer.JwtReplayStore;
import dev.custos.testing.FakeClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JwtReplayStore} does, run against each implementation: a JWT id is first once
 * per issuer, also when uses race, and is kept until its deadline.
 */
public abstract class JwtReplayStoreContract {
  private static final AtomicInteger NEXT = new AtomicInteger();

  /** The clock every store under test reckons deadlines by. */
  protected final FakeClock clock = FakeClock.at(Instant.now());

  /** For subclasses. */
  protected JwtReplayStoreContract() {}

  /**
   * Returns the store under test, reading time from {@link #clock}.
   *
   * @return the store
   */
  protected abstract JwtReplayStore store();

  /**
   * Returns an id no other test used.
   *
   * @return the id
   */
  protected static String freshId() {
    return "jti-" + System.nanoTime() + "-" + NEXT.incrementAndGet();
  }

  private long inMinutes(int minutes) {
    return clock.millis() + minutes * 60_000L;
  }

  @Test
  void firstUse_sameIdAgain_onlyTheFirstIsFirst() {
    JwtReplayStore store = store();
    String id = freshId();

    assertThat(store.firstUse("https://idp/", id, inMinutes(5))).isTrue();
    assertThat(store.firstUse("https://idp/", id, inMinutes(5))).isFalse();
    assertThat(store.firstUse("https://idp/", id, inMinutes(10))).isFalse();
  }

  @Test
  void firstUse_sameIdOfAnotherIssuer_firstToo() {
    JwtReplayStore store = store();
    String id = freshId();

    assertThat(store.firstUse("https://idp/", id, inMinutes(5))).isTrue();
    assertThat(store.firstUse("https://other-idp/", id, inMinutes(5))).isTrue();
    assertThat(store.firstUse("x", "1" + id, inMinutes(5))).isTrue();
    assertThat(store.firstUse("x1", id, inMinutes(5))).as("no two pairs share a key").isTrue();
  }

  @Test
  void firstUse_justBeforeItsDeadline_stillRemembered() {
    JwtReplayStore store = store();
    String id = freshId();
    store.firstUse("https://idp/", id, inMinutes(6));

    clock.advance(java.time.Duration.ofMinutes(6).minusMillis(1));

    assertThat(store.firstUse("https://idp/", id, inMinutes(6))).isFalse();
  }

  @Test
  void firstUse_racedFromEightThreads_exactlyOneFirst() throws Exception {
    JwtReplayStore store = store();
    String id = freshId();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> uses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      uses.add(
          pool.submit(
              () -> {
                go.await();
                return store.firstUse("https://idp/", id, inMinutes(5));
              }));
    }
    go.countDown();
    int first = 0;
    for (Future<Boolean> use : uses) {
      first += use.get() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(first).isEqualTo(1);
  }
}
