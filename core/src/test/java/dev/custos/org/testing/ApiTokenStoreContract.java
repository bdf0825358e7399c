package dev.custos.org.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.org.ApiToken;
import dev.custos.org.ApiTokenStore;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.testing.FakeClock;
import dev.custos.token.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ApiTokenStore} does, run against each implementation: records by user, found
 * only by their own user, deleted once, gone when their tokens expire.
 */
public abstract class ApiTokenStoreContract {
  private static final AtomicInteger NEXT = new AtomicInteger();

  /** The clock every store under test reckons expiry by. */
  protected final FakeClock clock = FakeClock.at(Instant.now());

  /** For subclasses. */
  protected ApiTokenStoreContract() {}

  /**
   * Returns the store under test, reading time from {@link #clock}.
   *
   * @return the store
   */
  protected abstract ApiTokenStore store();

  private static String fresh(String what) {
    return what + "-" + System.nanoTime() + "-" + NEXT.incrementAndGet();
  }

  private ApiToken record(String userId, Duration life, String sourceIp, Resources resources) {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    return new ApiToken(
        fresh("apitok"),
        userId,
        "description with spaces, commas and \"quotes\"",
        ScopeCatalog.unit().parse("customers customer-token-write"),
        now,
        now.plus(life),
        sourceIp,
        resources);
  }

  @Test
  void put_thenFindAndList_theSameRecord() {
    ApiTokenStore store = store();
    String user = fresh("user");
    ApiToken limited =
        record(
            user,
            Duration.ofDays(1),
            "10.0.0.0/8,::1",
            Resources.of(List.of("10001"), List.of("7002")));
    ApiToken open = record(user, Duration.ofDays(2), null, Resources.unlimited());

    store.put(limited);
    store.put(open);

    assertThat(store.find(user, limited.id())).contains(limited);
    assertThat(store.list(user)).containsExactlyInAnyOrder(limited, open);
    assertThat(store.list(fresh("other"))).isEmpty();
  }

  @Test
  void list_oldestFirstThenById_whateverTheOrderOfPuts() {
    ApiTokenStore store = store();
    String user = fresh("user");
    ApiToken oldest = record(user, Duration.ofDays(1), null, Resources.unlimited());
    ApiToken sameTime = record(user, Duration.ofDays(1), null, Resources.unlimited());
    clock.advance(Duration.ofSeconds(1));
    ApiToken middle = record(user, Duration.ofDays(1), null, Resources.unlimited());
    clock.advance(Duration.ofSeconds(1));
    ApiToken newest = record(user, Duration.ofDays(1), null, Resources.unlimited());
    List<ApiToken> first =
        oldest.id().compareTo(sameTime.id()) < 0
            ? List.of(oldest, sameTime)
            : List.of(sameTime, oldest);

    for (ApiToken token : List.of(newest, middle, first.get(1), first.get(0))) {
      store.put(token);
    }

    assertThat(store.list(user)).containsExactly(first.get(0), first.get(1), middle, newest);
  }

  @Test
  void find_anotherUsersToken_empty() {
    ApiTokenStore store = store();
    ApiToken token = record(fresh("user"), Duration.ofDays(1), null, Resources.unlimited());
    store.put(token);

    assertThat(store.find(fresh("other"), token.id())).isEmpty();
    assertThat(store.delete(fresh("other"), token.id())).isFalse();
    assertThat(store.find(token.userId(), token.id())).contains(token);
  }

  @Test
  void delete_onceThenGone() {
    ApiTokenStore store = store();
    ApiToken token = record(fresh("user"), Duration.ofDays(1), null, Resources.unlimited());
    store.put(token);

    assertThat(store.delete(token.userId(), token.id())).isTrue();
    assertThat(store.delete(token.userId(), token.id())).isFalse();
    assertThat(store.find(token.userId(), token.id())).isEmpty();
    assertThat(store.list(token.userId())).isEmpty();
  }

  @Test
  void expiredRecords_neitherFoundNorListed() {
    ApiTokenStore store = store();
    String user = fresh("user");
    ApiToken shortLived = record(user, Duration.ofHours(1), null, Resources.unlimited());
    ApiToken longLived = record(user, Duration.ofDays(1), null, Resources.unlimited());
    store.put(shortLived);
    store.put(longLived);

    clock.advance(Duration.ofHours(2));

    assertThat(store.find(user, shortLived.id())).isEmpty();
    assertThat(store.list(user)).containsExactly(longLived);
  }

  @Test
  void records_liveUntilTheMillisecondTheirTokenExpires() {
    ApiTokenStore store = store();
    String user = fresh("user");
    ApiToken token = record(user, Duration.ofHours(1), null, Resources.unlimited());
    store.put(token);

    clock.advance(Duration.ofHours(1).minusMillis(1));
    assertThat(store.find(user, token.id())).contains(token);
    assertThat(store.list(user)).containsExactly(token);

    clock.advance(Duration.ofMillis(1));
    assertThat(store.find(user, token.id())).isEmpty();
    assertThat(store.list(user)).isEmpty();
  }
}
