package dev.custos.redis;

import dev.custos.authz.RevocationStore;
import dev.custos.authz.testing.RevocationStoreContract;
import dev.custos.testing.RedisClusterDeployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis RevocationStore meets the contract on a Sentinel deployment too (master, two replicas,
 * three sentinels), each write waiting for a replica.
 */
class ClusterRevocationStoreTest extends RevocationStoreContract {
  @RegisterExtension static final RedisClusterDeployment HA = new RedisClusterDeployment();

  /** Generous: these check what the store does, not how fast a loaded machine replicates. */
  private static final java.time.Duration SLOW = java.time.Duration.ofSeconds(5);

  private CustosRedis redis;

  @Override
  protected RevocationStore store() {
    if (redis == null) {
      redis =
          CustosRedis.clusterBuilder(HA.seeds())
              .clock(clock)
              .timeout(SLOW)
              .replicaAcknowledgements(1, SLOW)
              .connect();
    }
    return redis.revocationStore();
  }

  @AfterEach
  void close() {
    if (redis != null) {
      redis.close();
      redis = null;
    }
  }
}
