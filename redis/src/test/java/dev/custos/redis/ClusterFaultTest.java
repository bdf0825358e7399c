package dev.custos.redis;

import dev.custos.testing.RedisClusterDeployment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault test on a real Redis Cluster (three masters with a replica each): one shard's
 * replication is cut while the workers run, then its master is killed and its replica promoted; the
 * old master comes back as the new one's replica (until then, that shard's security writes fail
 * closed: the promoted replica has no replica of its own). See {@link FaultRun}.
 */
class ClusterFaultTest {
  private static final Duration FAILOVER = Duration.ofSeconds(30);

  private RedisClusterDeployment cluster;
  private CustosRedis redis;

  @AfterEach
  void stop() {
    if (redis != null) {
      redis.close();
    }
    if (cluster != null) {
      cluster.stop();
    }
  }

  @Test
  void verificationsAndRevocations_shardCutMasterKilled_noDoubleSpendNoLostRevocation()
      throws Exception {
    cluster = new RedisClusterDeployment();
    cluster.start();
    redis =
        CustosRedis.clusterBuilder(cluster.seeds())
            .timeout(Duration.ofSeconds(2))
            .replicaAcknowledgements(1, Duration.ofMillis(500))
            .connect();
    // A key of the shard to disrupt: the first worker customer's challenge.
    String key = new Keys("custos").challenge("f1");
    FaultRun.run(
        "Cluster",
        redis,
        run -> {
          run.awaitOperations(300);
          int master = cluster.masterOf(key);
          cluster.cutReplicationOf(master);
          run.awaitRefusals(20); // writes the master took that its replica does not have
          cluster.kill(master);
          cluster.resumeAll();
          cluster.awaitFailover(key, master, FAILOVER);
          cluster.restart(master);
          cluster.awaitReplica(master, FAILOVER);
          run.failedOver();
          run.awaitApprovalsAfterFailover(20);
        });
  }
}
