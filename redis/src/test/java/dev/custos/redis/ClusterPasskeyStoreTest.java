package dev.custos.redis;

import dev.custos.passkey.PasskeyStore;
import dev.custos.passkey.testing.PasskeyStoreContract;
import dev.custos.testing.RedisClusterDeployment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis passkey store meets the contract on a Redis Cluster (three masters, each with a
 * replica), each write waiting for a replica.
 */
class ClusterPasskeyStoreTest extends PasskeyStoreContract {
  @RegisterExtension static final RedisClusterDeployment HA = new RedisClusterDeployment();

  /** Generous: these check what the store does, not how fast a loaded machine replicates. */
  private static final Duration SLOW = Duration.ofSeconds(5);

  private CustosRedis redis;

  @Override
  protected PasskeyStore store() {
    if (redis == null) {
      redis =
          CustosRedis.clusterBuilder(HA.seeds())
              .timeout(SLOW)
              .replicaAcknowledgements(1, SLOW)
              .connect();
    }
    return RedisPasskeys.store(redis);
  }

  @AfterEach
  void close() {
    if (redis != null) {
      redis.close();
      redis = null;
    }
  }
}
