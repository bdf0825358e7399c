package dev.custos.redis;

import dev.custos.testing.RedisSentinelDeployment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault test on a real Sentinel deployment (a master, two replicas, three sentinels): the
 * replicas' link is cut while the workers run, then the master is killed and Sentinel promotes a
 * replica (see {@link FaultRun}).
 */
class SentinelFaultTest {
  private RedisSentinelDeployment ha;
  private CustosRedis redis;

  @AfterEach
  void stop() {
    if (redis != null) {
      redis.close();
    }
    if (ha != null) {
      ha.stop();
    }
  }

  @Test
  void verificationsAndRevocations_replicationCutMasterKilled_noDoubleSpendNoLostRevocation()
      throws Exception {
    ha = new RedisSentinelDeployment();
    ha.start();
    redis = CustosRedis.connect(ha.uri());
    FaultRun.run(
        "Sentinel",
        redis,
        run -> {
          run.awaitOperations(300);
          ha.cutReplication();
          run.awaitRefusals(50); // writes the master took that no replica has
          int old = ha.killMaster();
          ha.resumeReplicas();
          ha.awaitFailover(old, Duration.ofSeconds(30));
          run.failedOver();
          run.awaitApprovalsAfterFailover(20);
        });
  }
}
