package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.customer.JwtReplayStore;
import dev.custos.customer.testing.JwtReplayStoreContract;
import dev.custos.testing.RedisServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis store of used JWT ids meets the contract every store meets, on a real redis-server. */
class RedisJwtReplayStoreTest extends JwtReplayStoreContract {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private CustosRedis redis;
  private CustosRedis other;

  @Override
  protected JwtReplayStore store() {
    if (redis == null) {
      redis = CustosRedis.builder(REDIS.uri()).clock(clock).connect();
    }
    return redis.jwtReplayStore();
  }

  @AfterEach
  void close() {
    if (redis != null) {
      redis.close();
    }
    if (other != null) {
      other.close();
    }
  }

  @Test
  void firstUse_onTwoInstances_onlyTheFirstIsFirst() {
    other = CustosRedis.builder(REDIS.uri()).clock(clock).connect();
    String id = freshId();
    long deadline = clock.millis() + 300_000;

    assertThat(store().firstUse("https://idp/", id, deadline)).isTrue();
    assertThat(other.jwtReplayStore().firstUse("https://idp/", id, deadline)).isFalse();
  }

  @Test
  void usedId_keptUntilItsDeadline_underADigestNotTheIdOrIssuer() throws Exception {
    String id = freshId();
    store()
        .firstUse(
            "https://idp.example.com/", id, clock.millis() + Duration.ofMinutes(6).toMillis());

    List<String> keys = RedisOtpStoreTest.bulk(REDIS.command("KEYS", "custos:jwt:*"));
    assertThat(keys).isNotEmpty();
    assertThat(String.join(" ", keys)).doesNotContain(id).doesNotContain("idp.example.com");
    long longest = 0;
    for (String key : keys) {
      longest = Math.max(longest, Long.parseLong(REDIS.command("PTTL", key).trim().substring(1)));
    }
    assertThat(longest)
        .isBetween(Duration.ofMinutes(6).toMillis() - 5_000, Duration.ofMinutes(6).toMillis());
  }
}
