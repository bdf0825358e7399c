package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpStoreException;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationChallenge;
import dev.custos.otp.VerificationOutcome;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.FakeClock;
import dev.custos.testing.RedisSentinelDeployment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Custos on a real Sentinel deployment (1 master, 2 replicas, 3 sentinels, started per test): it
 * follows the master through a failover without a restart, and, waiting for a replica on every
 * security write, loses no consumed code, failure or revocation when replication is cut before the
 * master dies; without the wait, the same code is approved twice.
 */
class SentinelTest {
  private static final byte[] MASTER_KEY = new byte[32];
  private static final Duration FAILOVER = Failover.TIMEOUT;

  private final FakeClock clock = FakeClock.create();
  private final RecordingSender sender = new RecordingSender();
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

  private OtpEngine engine(CustosRedis redis) {
    return OtpEngine.builder()
        .brand("Unit")
        .sender(sender)
        .clock(clock)
        .masterKey(MASTER_KEY)
        .store(redis.otpStore())
        .build();
  }

  @Test
  void sentinelUri_followsTheMasterThroughAFailover_stateKept_noRestart() throws Exception {
    ha = new RedisSentinelDeployment();
    ha.start();
    redis =
        CustosRedis.builder(ha.uri())
            .timeout(Duration.ofSeconds(5))
            .replicaAcknowledgements(1, Duration.ofSeconds(2))
            .connect();
    OtpEngine otp = engine(redis);
    VerificationChallenge used =
        otp.start(ChallengeRequest.sms("100001", Phone.of("1", "5550100")));
    assertThat(otp.verify("100001", used.verificationToken(), sender.lastCode()).outcome())
        .isEqualTo(VerificationOutcome.APPROVED);
    VerificationChallenge pending =
        otp.start(ChallengeRequest.sms("100002", Phone.of("1", "5550101")));
    String pendingCode = sender.lastCode();
    redis.revocationStore().revokeToken("jti-1", System.currentTimeMillis() + 60_000);

    int old = ha.killMaster();
    ha.awaitFailover(old, FAILOVER);
    long back = System.nanoTime();
    VerificationChallenge after =
        Failover.eventually(
            () -> otp.start(ChallengeRequest.sms("100003", Phone.of("1", "5550102"))));
    long recoveryMillis = (System.nanoTime() - back) / 1_000_000;
    System.out.printf(
        "Sentinel failover: a start succeeded %d ms after the new master took writes%n",
        recoveryMillis);

    assertThat(after.verificationToken()).isNotBlank();
    assertThat(recoveryMillis).as("back after the new master took writes").isLessThan(5_000);
    assertThat(otp.verify("100001", used.verificationToken(), sender.lastCode()).outcome())
        .as("a consumed challenge stays consumed")
        .isEqualTo(VerificationOutcome.NOT_FOUND);
    assertThat(otp.verify("100002", pending.verificationToken(), pendingCode).outcome())
        .isEqualTo(VerificationOutcome.APPROVED);
    assertThat(redis.revocationStore().isRevoked("jti-1", "100001", clock.millis())).isTrue();
  }

  @Test
  void replicationCut_thenMasterKilled_theCodeApprovedOnceAndTheRevocationKept() throws Exception {
    assertThat(approvalsAcrossACutAndAFailover(true)).isEqualTo(1);
  }

  @Test
  void withoutWaitingForAReplica_theSameCodeIsApprovedTwice() throws Exception {
    // What the wait prevents: the master approved and consumed the code, no replica heard of it,
    // and the promoted replica approves it again.
    assertThat(approvalsAcrossACutAndAFailover(false)).isEqualTo(2);
  }

  /** Verifies one code during a replication cut, kills the master, verifies it again after. */
  private int approvalsAcrossACutAndAFailover(boolean waitForReplica) throws Exception {
    ha = new RedisSentinelDeployment();
    ha.start();
    redis =
        CustosRedis.builder(ha.uri())
            .timeout(Duration.ofSeconds(5))
            .replicaAcknowledgements(waitForReplica ? 1 : 0, Duration.ofMillis(100))
            .connect();
    OtpEngine otp = engine(redis);
    VerificationChallenge challenge =
        otp.start(ChallengeRequest.sms("100009", Phone.of("1", "5550109")));
    String code = sender.lastCode();
    redis.revocationStore().revokeToken("jti-kept", System.currentTimeMillis() + 60_000);
    ha.awaitReplicasInSync();

    int approvals = 0;
    ha.cutReplication();
    try {
      if (otp.verify("100009", challenge.verificationToken(), code).outcome()
          == VerificationOutcome.APPROVED) {
        approvals++;
      }
    } catch (OtpStoreException notReplicated) {
      assertThat(waitForReplica).as("only a waiting store refuses here").isTrue();
      assertThat(notReplicated.reason()).isEqualTo(OtpStoreException.Reason.UNAVAILABLE);
    }
    int old = ha.killMaster();
    ha.resumeReplicas();
    ha.awaitFailover(old, FAILOVER);

    if (Failover.eventually(() -> otp.verify("100009", challenge.verificationToken(), code))
            .outcome()
        == VerificationOutcome.APPROVED) {
      approvals++;
    }
    assertThat(redis.revocationStore().isRevoked("jti-kept", "100009", clock.millis()))
        .as("a revocation acknowledged before the cut")
        .isTrue();
    return approvals;
  }

  @Test
  void aReplicaThatEvicts_refusedAtConnect_namingIt() throws Exception {
    ha = new RedisSentinelDeployment("allkeys-lru");
    ha.start();

    assertThatIllegalStateException()
        .isThrownBy(() -> CustosRedis.connect(ha.uri()))
        .withMessageContaining("replica 127.0.0.1:")
        .withMessageContaining("maxmemory-policy allkeys-lru");
  }

  @Test
  void aReplicaThatEvicts_promotedAfterConnect_namedWithoutAHealthCheck() throws Exception {
    ha = new RedisSentinelDeployment();
    ha.start();
    redis = CustosRedis.connect(ha.uri());
    for (int port : ha.dataPorts()) {
      if (port != ha.masterPort()) {
        ha.command(port, "CONFIG", "SET", "maxmemory-policy", "allkeys-lru");
      }
    }
    assertThat(redis.nodeProblem()).isNull();

    int old = ha.killMaster();
    ha.awaitFailover(old, FAILOVER);

    String problem =
        Failover.eventually(
            () -> {
              redis.revocationStore().revokeToken("after-failover", clock.millis() + 60_000);
              return java.util.Objects.requireNonNull(redis.nodeProblem(), "not checked yet");
            });
    assertThat(problem).contains("maxmemory-policy allkeys-lru");
  }
}
