package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpStoreException;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationChallenge;
import dev.custos.otp.VerificationOutcome;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.FakeClock;
import dev.custos.testing.RedisClusterDeployment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Custos on a real Redis Cluster (3 masters, 3 replicas, started per test): every operation on the
 * master of its slot, a shard's failover followed without a restart, and, waiting for a replica, no
 * code approved twice when replication is cut before the master dies; without the wait it is.
 */
class ClusterTest {
  private static final byte[] MASTER_KEY = new byte[32];
  private static final Duration FAILOVER = Failover.TIMEOUT;

  private final FakeClock clock = FakeClock.create();
  private final RecordingSender sender = new RecordingSender();
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

  private OtpEngine engine() {
    return OtpEngine.builder()
        .brand("Unit")
        .sender(sender)
        .clock(clock)
        .masterKey(MASTER_KEY)
        .store(redis.otpStore())
        .build();
  }

  /** A 3+3 cluster, and a client whose security writes wait for this many replicas. */
  private void startCluster(int replicas, Duration replicaTimeout) throws Exception {
    cluster = new RedisClusterDeployment();
    cluster.start();
    redis =
        CustosRedis.clusterBuilder(cluster.seeds())
            .timeout(Duration.ofSeconds(5))
            .replicaAcknowledgements(replicas, replicaTimeout)
            .connect();
  }

  @Test
  void securityWrites_whileTheClientRefreshesItsTopology_neverFailClosed() throws Exception {
    startCluster(1, Duration.ofSeconds(2));
    // Each refresh (every second) opens a connection to every node and closes it again: the
    // writes run until a node has seen three of them, each write waiting for its replica.
    int node = cluster.ports().get(0);
    long before = connectionsReceived(node);
    int writes = 0;
    // Each look at the node's statistics is a connection of its own (redis-cli's): not counted.
    for (int looks = 1; connectionsReceived(node) - looks - before < 3; looks++) {
      for (int i = 0; i < 50; i++, writes++) {
        redis
            .revocationStore()
            .revokeToken("refresh-" + writes, System.currentTimeMillis() + 60_000);
      }
      assertThat(writes).as("writes before three refreshes").isLessThan(200_000);
    }
    assertThat(redis.revocationStore().isRevoked("refresh-0", null, 0)).isTrue();
  }

  private long connectionsReceived(int port) throws Exception {
    for (String line : cluster.command(port, "INFO", "stats").split("\r?\n")) {
      if (line.startsWith("total_connections_received:")) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    throw new IllegalStateException("no total_connections_received");
  }

  @Test
  void cluster_everyStoreWorks_acrossSlots_andAShardFailsOverWithoutARestart() throws Exception {
    startCluster(1, Duration.ofSeconds(2));
    OtpEngine otp = engine();
    for (int i = 0; i < 30; i++) {
      String customer = "10010" + i;
      VerificationChallenge c =
          otp.start(ChallengeRequest.sms(customer, Phone.of("1", "55501" + (10 + i))));
      assertThat(otp.verify(customer, c.verificationToken(), sender.lastCode()).outcome())
          .isEqualTo(VerificationOutcome.APPROVED);
      redis.revocationStore().revokeToken("jti-" + i, System.currentTimeMillis() + 60_000);
    }

    String challengeKey = new Keys("custos").challenge("100200");
    VerificationChallenge pending =
        otp.start(ChallengeRequest.sms("100200", Phone.of("1", "5550200")));
    String code = sender.lastCode();
    int old = cluster.masterOf(challengeKey);
    cluster.awaitReplicaInSync(challengeKey); // a start does not wait for a replica
    cluster.kill(old);
    cluster.awaitFailover(challengeKey, old, FAILOVER);
    // The promoted replica has no replica of its own until the old master is back: until then
    // every security write on its slots fails closed (WAIT 1 cannot succeed).
    cluster.restart(old);
    cluster.awaitReplica(old, FAILOVER);

    java.util.concurrent.atomic.AtomicInteger attempts =
        new java.util.concurrent.atomic.AtomicInteger();
    // A new verification on the failed-over slot goes through end to end (each attempt starts
    // afresh: an attempt that fails closed after its script ran leaves its challenge spent).
    assertThat(
            Failover.eventually(
                () -> {
                  String customer = "1003" + attempts.incrementAndGet();
                  VerificationChallenge again =
                      otp.start(
                          ChallengeRequest.sms(
                              customer, Phone.of("1", "5553" + (1000 + attempts.get()))));
                  return otp.verify(customer, again.verificationToken(), sender.lastCode());
                }))
        .extracting(r -> r.outcome())
        .isEqualTo(VerificationOutcome.APPROVED);
    assertThat(
            Failover.eventually(() -> otp.verify("100200", pending.verificationToken(), code))
                .outcome())
        .as("the pending challenge, replicated before the kill")
        .isIn(VerificationOutcome.APPROVED, VerificationOutcome.NOT_FOUND);
    for (int i = 0; i < 30; i++) {
      assertThat(redis.revocationStore().isRevoked("jti-" + i, "x", System.currentTimeMillis()))
          .isTrue();
    }
  }

  @Test
  void replicationCut_thenMasterKilled_theCodeNeverApprovedTwice() throws Exception {
    // At most once: the check during the cut fails closed; after the failover the code approves,
    // unless an attempt failed closed after its script ran (its WAIT not acknowledged in time),
    // which leaves the challenge spent: refused, never approved a second time.
    assertThat(approvalsAcrossACutAndAFailover(true)).isLessThanOrEqualTo(1);
  }

  @Test
  void withoutWaitingForAReplica_theSameCodeIsApprovedTwice() throws Exception {
    assertThat(approvalsAcrossACutAndAFailover(false)).isEqualTo(2);
  }

  private int approvalsAcrossACutAndAFailover(boolean waitForReplica) throws Exception {
    startCluster(waitForReplica ? 1 : 0, Duration.ofMillis(100));
    OtpEngine otp = engine();
    VerificationChallenge challenge =
        otp.start(ChallengeRequest.sms("100300", Phone.of("1", "5550300")));
    String code = sender.lastCode();
    String challengeKey = new Keys("custos").challenge("100300");
    int master = cluster.masterOf(challengeKey);
    cluster.awaitReplicaInSync(challengeKey); // a start does not wait for a replica

    int approvals = 0;
    cluster.cutReplicationOf(master);
    try {
      if (otp.verify("100300", challenge.verificationToken(), code).outcome()
          == VerificationOutcome.APPROVED) {
        approvals++;
      }
    } catch (OtpStoreException notReplicated) {
      assertThat(waitForReplica).as("only a waiting store refuses here").isTrue();
    }
    cluster.kill(master);
    cluster.resumeAll();
    cluster.awaitFailover(challengeKey, master, FAILOVER);
    cluster.restart(master);
    cluster.awaitReplica(master, FAILOVER);
    if (Failover.eventually(() -> otp.verify("100300", challenge.verificationToken(), code))
            .outcome()
        == VerificationOutcome.APPROVED) {
      approvals++;
    }
    return approvals;
  }
}
