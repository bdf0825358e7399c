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

  private CustosRedis redis;

  @Override
  protected RevocationStore store() {
    if (redis == null) {
      redis = CustosRedis.clusterBuilder(HA.seeds()).clock(clock).connect();
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
