package dev.custos.redis;

import dev.custos.org.ApiTokenStore;
import dev.custos.org.testing.ApiTokenStoreContract;
import dev.custos.testing.RedisSentinelDeployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis ApiTokenStore meets the contract on a Sentinel deployment too (master, two replicas,
 * three sentinels), each write waiting for a replica.
 */
class SentinelApiTokenStoreTest extends ApiTokenStoreContract {
  @RegisterExtension static final RedisSentinelDeployment HA = new RedisSentinelDeployment();

  private CustosRedis redis;

  @Override
  protected ApiTokenStore store() {
    if (redis == null) {
      redis = CustosRedis.builder(HA.uri()).clock(clock).connect();
    }
    return redis.apiTokenStore();
  }

  @AfterEach
  void close() {
    if (redis != null) {
      redis.close();
      redis = null;
    }
  }
}
