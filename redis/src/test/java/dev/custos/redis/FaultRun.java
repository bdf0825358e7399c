package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationChallenge;
import dev.custos.otp.VerificationOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault test, whatever the deployment: four threads start and verify codes and revoke
 * tokens without pause while the test disrupts Redis (cuts replication, kills a master). Afterwards
 * no approved code approves again, no acknowledged revocation is lost, and work resumed without a
 * restart. The disruption's phases end on counts of what the workers did, never on time.
 */
final class FaultRun {
  private static final byte[] MASTER_KEY = new byte[32];

  /** What the test does to the deployment while the workers run. */
  interface Disruption {
    void disrupt(FaultRun run) throws Exception;
  }

  /** One approved verification: the customer, its verification token and the code. */
  private record Approved(String customer, String token, String code) {}

  private final Map<String, String> codes = new ConcurrentHashMap<>();
  private final List<Approved> approved = new CopyOnWriteArrayList<>();
  private final List<String> revoked = new CopyOnWriteArrayList<>();
  private final AtomicInteger operations = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger approvedAfterFailover = new AtomicInteger();
  private final AtomicBoolean failedOver = new AtomicBoolean();

  private FaultRun() {}

  /**
   * Runs the workers on {@code redis} through {@code disruption}, which must end with {@link
   * #failedOver()} and {@link #awaitApprovalsAfterFailover}; then audits every approval and every
   * revocation.
   */
  static void run(String deployment, CustosRedis redis, Disruption disruption) throws Exception {
    new FaultRun().runOn(deployment, redis, disruption);
  }

  private void runOn(String deployment, CustosRedis redis, Disruption disruption) throws Exception {
    OtpEngine otp =
        OtpEngine.builder()
            .brand("Unit")
            .sender(message -> codes.put(message.customerId(), message.code()))
            .masterKey(MASTER_KEY)
            .store(redis.otpStore())
            .maxSendsPerMinute(0)
            .build();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger next = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(4);
    for (int w = 0; w < 4; w++) {
      workers.submit(
          () -> {
            while (running.get()) {
              work(otp, redis, next.incrementAndGet());
            }
            return null;
          });
    }
    try {
      disruption.disrupt(this);
    } finally {
      running.set(false);
      workers.shutdown();
      assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    audit(deployment, otp, redis);
  }

  private void work(OtpEngine otp, CustosRedis redis, int n) {
    String customer = "f" + n;
    try {
      VerificationChallenge challenge =
          otp.start(
              ChallengeRequest.sms(customer, Phone.of("1", Long.toString(5_550_000_000L + n))));
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
      redis.revocationStore().revokeToken("jti-" + n, System.currentTimeMillis() + 600_000);
      revoked.add("jti-" + n);
      operations.incrementAndGet();
    } catch (Exception failedClosed) {
      refused.incrementAndGet();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void audit(String deployment, OtpEngine otp, CustosRedis redis) throws Exception {
    int doubleSpends = 0;
    for (Approved a : approved) {
      VerificationOutcome again =
          Failover.eventually(() -> otp.verify(a.customer(), a.token(), a.code())).outcome();
      if (again == VerificationOutcome.APPROVED) {
        doubleSpends++;
      }
    }
    int lost = 0;
    for (String jti : revoked) {
      if (!Failover.eventually(
          () -> redis.revocationStore().isRevoked(jti, "any", System.currentTimeMillis()))) {
        lost++;
      }
    }
    System.out.printf(
        "%s fault run: %d operations acknowledged, %d failed closed, %d approvals (%d after"
            + " the failover), %d revocations; double-spends %d, revocations lost %d%n",
        deployment,
        operations.get(),
        refused.get(),
        approved.size(),
        approvedAfterFailover.get(),
        revoked.size(),
        doubleSpends,
        lost);
    assertThat(doubleSpends).as("codes approved twice").isZero();
    assertThat(lost).as("acknowledged revocations lost").isZero();
    assertThat(refused.get()).as("operations refused during the cut and the failover").isPositive();
  }

  /** Waits until the workers have had {@code n} more operations acknowledged. */
  void awaitOperations(int n) throws Exception {
    awaitAtLeast(operations, operations.get() + n);
  }

  /** Waits until {@code n} more operations failed closed. */
  void awaitRefusals(int n) throws Exception {
    awaitAtLeast(refused, refused.get() + n);
  }

  /** From now on, approvals count as made after the failover. */
  void failedOver() {
    failedOver.set(true);
  }

  /** Waits until {@code n} approvals were made after the failover: work resumed, no restart. */
  void awaitApprovalsAfterFailover(int n) throws Exception {
    awaitAtLeast(approvedAfterFailover, n);
  }

  /** Waits until {@code counter} reaches {@code target}, for at most {@link Failover#TIMEOUT}. */
  private static void awaitAtLeast(AtomicInteger counter, int target) throws Exception {
    Failover.eventually(
        () -> {
          if (counter.get() < target) {
            throw new IllegalStateException("at " + counter.get() + " of " + target);
          }
          return counter.get();
        });
  }
}
