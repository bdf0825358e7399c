package dev.custos.redis;

import dev.custos.customer.JwtReplayStore;
import dev.custos.customer.testing.JwtReplayStoreContract;
import dev.custos.testing.RedisClusterDeployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis JwtReplayStore meets the contract on a Sentinel deployment too (master, two replicas,
 * three sentinels), each write waiting for a replica.
 */
class ClusterJwtReplayStoreTest extends JwtReplayStoreContract {
  @RegisterExtension static final RedisClusterDeployment HA = new RedisClusterDeployment();

  private CustosRedis redis;

  @Override
  protected JwtReplayStore store() {
    if (redis == null) {
      redis = CustosRedis.clusterBuilder(HA.seeds()).clock(clock).connect();
    }
    return redis.jwtReplayStore();
  }

  @AfterEach
  void close() {
    if (redis != null) {
      redis.close();
      redis = null;
    }
  }
}
