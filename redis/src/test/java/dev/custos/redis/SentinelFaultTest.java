package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationChallenge;
import dev.custos.otp.VerificationOutcome;
import dev.custos.testing.RedisSentinelDeployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault test on a real Sentinel deployment: four threads verify codes and revoke tokens
 * without pause while replication is cut and the master killed. Afterwards no approved code
 * approves again and no acknowledged revocation is lost, and work resumed without a restart.
 */
class SentinelFaultTest {
  private static final byte[] MASTER_KEY = new byte[32];

  private final Map<String, String> codes = new ConcurrentHashMap<>();
  private RedisSentinelDeployment ha;
  private CustosRedis redis;

  /** One approved verification: the customer, its verification token and the code. */
  private record Approved(String customer, String token, String code) {}

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
    OtpEngine otp =
        OtpEngine.builder()
            .brand("Unit")
            .sender(message -> codes.put(message.customerId(), message.code()))
            .masterKey(MASTER_KEY)
            .store(redis.otpStore())
            .maxSendsPerMinute(0)
            .build();
    List<Approved> approved = new CopyOnWriteArrayList<>();
    List<String> revoked = new CopyOnWriteArrayList<>();
    AtomicInteger operations = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger approvedAfterFailover = new AtomicInteger();
    AtomicBoolean failedOver = new AtomicBoolean();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger next = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(4);
    for (int w = 0; w < 4; w++) {
      workers.submit(
          () -> {
            while (running.get()) {
              int n = next.incrementAndGet();
              String customer = "f" + n;
              try {
                VerificationChallenge challenge =
                    otp.start(
                        ChallengeRequest.sms(
                            customer, Phone.of("1", Long.toString(5_550_000_000L + n))));
                operations.incrementAndGet();
                String code = codes.get(customer);
                if (otp.verify(customer, challenge.verificationToken(), code).outcome()
                    == VerificationOutcome.APPROVED) {
                  approved.add(new Approved(customer, challenge.verificationToken(), code));
                  if (failedOver.get()) {
                    approvedAfterFailover.incrementAndGet();
                  }
                }
                operations.incrementAndGet();
                redis
                    .revocationStore()
                    .revokeToken("jti-" + n, System.currentTimeMillis() + 600_000);
                revoked.add("jti-" + n);
                operations.incrementAndGet();
              } catch (Exception failedClosed) {
                refused.incrementAndGet();
                sleep(5);
              }
            }
            return null;
          });
    }
    // The phases end on counts of what the workers did, not on time.
    awaitAtLeast(operations, 300);
    ha.cutReplication();
    awaitAtLeast(refused, refused.get() + 50); // writes the master took that no replica has
    int old = ha.killMaster();
    ha.resumeReplicas();
    ha.awaitFailover(old, Duration.ofSeconds(30));
    failedOver.set(true);
    awaitAtLeast(approvedAfterFailover, 20);
    running.set(false);
    workers.shutdown();
    assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    int doubleSpends = 0;
    for (Approved a : approved) {
      if (otp.verify(a.customer(), a.token(), a.code()).outcome() == VerificationOutcome.APPROVED) {
        doubleSpends++;
      }
    }
    int lost = 0;
    for (String jti : revoked) {
      if (!redis.revocationStore().isRevoked(jti, "any", System.currentTimeMillis())) {
        lost++;
      }
    }
    System.out.printf(
        "Sentinel fault run: %d operations acknowledged, %d failed closed, %d approvals (%d after"
            + " the failover), %d revocations; double-spends %d, revocations lost %d%n",
        operations.get(),
        refused.get(),
        approved.size(),
        approvedAfterFailover.get(),
        revoked.size(),
        doubleSpends,
        lost);
    assertThat(approvedAfterFailover.get())
        .as("work resumed without a restart")
        .isGreaterThanOrEqualTo(20);
    assertThat(doubleSpends).as("codes approved twice").isZero();
    assertThat(lost).as("acknowledged revocations lost").isZero();
    assertThat(refused.get()).as("operations refused during the cut and the failover").isPositive();
  }

  /** Waits until the workers have counted {@code target}, for at most 30 s. */
  private static void awaitAtLeast(AtomicInteger counter, int target) throws Exception {
    Failover.eventually(
        () -> {
          if (counter.get() < target) {
            throw new IllegalStateException("at " + counter.get() + " of " + target);
          }
          return counter.get();
        });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
