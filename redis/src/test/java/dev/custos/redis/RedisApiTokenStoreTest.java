package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.org.ApiToken;
import dev.custos.org.ApiTokenStore;
import dev.custos.org.testing.ApiTokenStoreContract;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.testing.RedisServer;
import dev.custos.token.Resources;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis API token store meets the contract every store meets, on a real redis-server. */
class RedisApiTokenStoreTest extends ApiTokenStoreContract {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private CustosRedis redis;

  @Override
  protected ApiTokenStore store() {
    if (redis == null) {
      redis = CustosRedis.builder(REDIS.uri()).clock(clock).connect();
    }
    return redis.apiTokenStore();
  }

  @AfterEach
  void close() {
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void records_expireInRedisWithTheirTokens_andShareTheUsersSlot() throws Exception {
    ApiTokenStore store = store();
    ApiToken token =
        new ApiToken(
            "apitok_ttl",
            "user-ttl",
            "ttl",
            ScopeCatalog.unit().parse("customers"),
            clock.instant(),
            clock.instant().plus(Duration.ofHours(2)),
            null,
            Resources.unlimited());
    store.put(token);

    Keys keys = new Keys("custos");
    long ttl =
        Long.parseLong(
            REDIS.command("PTTL", keys.apiToken("user-ttl", "apitok_ttl")).trim().substring(1));
    assertThat(ttl)
        .isBetween(Duration.ofHours(2).toMillis() - 10_000, Duration.ofHours(2).toMillis());
    assertThat(io.lettuce.core.cluster.SlotHash.getSlot(keys.apiToken("user-ttl", "apitok_ttl")))
        .isEqualTo(io.lettuce.core.cluster.SlotHash.getSlot(keys.apiTokens("user-ttl")));
  }

  @Test
  void damagedRecord_typedFailureNotAnAbsence() throws Exception {
    ApiTokenStore store = store();
    Keys keys = new Keys("custos");
    REDIS.command("SET", keys.apiToken("user-bad", "apitok_bad"), "{not-json");
    REDIS.command("SADD", keys.apiTokens("user-bad"), "apitok_bad");

    for (Runnable read :
        new Runnable[] {() -> store.find("user-bad", "apitok_bad"), () -> store.list("user-bad")}) {
      org.assertj.core.api.Assertions.assertThatExceptionOfType(
              dev.custos.org.ApiTokenStoreException.class)
          .isThrownBy(read::run)
          .withMessageStartingWith("a stored API token record does not parse");
    }
    assertThat(store.delete("user-bad", "apitok_bad")).isTrue();
    assertThat(store.list("user-bad")).isEmpty();
  }

  @Test
  void closedConnection_typedFailure() {
    ApiTokenStore store = store();
    redis.close();
    redis = null;

    org.assertj.core.api.Assertions.assertThatExceptionOfType(
            dev.custos.org.ApiTokenStoreException.class)
        .isThrownBy(() -> store.list("anyone"))
        .withMessageStartingWith("Redis failed: ");
  }
}
