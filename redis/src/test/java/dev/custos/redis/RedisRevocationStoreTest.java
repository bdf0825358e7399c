package dev.custos.redis;

import dev.custos.authz.RevocationStore;
import dev.custos.authz.testing.RevocationStoreContract;
import dev.custos.testing.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis revocation store meets the contract every store meets, on a real redis-server. */
class RedisRevocationStoreTest extends RevocationStoreContract {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private CustosRedis redis;

  @Override
  protected RevocationStore store() {
    if (redis == null) {
      redis = CustosRedis.builder(REDIS.uri()).clock(clock).connect();
    }
    return redis.revocationStore();
  }

  @AfterEach
  void close() {
    if (redis != null) {
      redis.close();
    }
  }
}
