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

  /** Generous: these check what the store does, not how fast a loaded machine replicates. */
  private static final java.time.Duration SLOW = java.time.Duration.ofSeconds(5);

  private CustosRedis redis;

  @Override
  protected ApiTokenStore store() {
    if (redis == null) {
      redis =
          CustosRedis.builder(HA.uri())
              .clock(clock)
              .timeout(SLOW)
              .replicaAcknowledgements(1, SLOW)
              .connect();
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
