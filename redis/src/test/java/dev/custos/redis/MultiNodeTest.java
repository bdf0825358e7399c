package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.DeviceChallenge;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.otp.RateLimit;
import dev.custos.otp.RateLimitedException;
import dev.custos.otp.VerificationChallenge;
import dev.custos.otp.VerificationOutcome;
import dev.custos.otp.VerificationResult;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.FakeClock;
import dev.custos.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three engines, each with its own connection, on one real Redis: they act as one engine. A code
 * started on one is checked on another; racing checks approve once; limits and the brute-force cap
 * are those of a single engine.
 */
class MultiNodeTest {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static final byte[] MASTER_KEY = new byte[32];
  private static final java.util.concurrent.atomic.AtomicInteger PHONES =
      new java.util.concurrent.atomic.AtomicInteger();

  private final FakeClock clock = FakeClock.create();
  private final RecordingSender sender = new RecordingSender();
  private final List<CustosRedis> connections = new ArrayList<>();
  private final List<OtpEngine> nodes = new ArrayList<>();

  MultiNodeTest() {
    for (int i = 0; i < 3; i++) {
      CustosRedis redis = CustosRedis.connect(REDIS.uri());
      connections.add(redis);
      nodes.add(
          OtpEngine.builder()
              .brand("Unit")
              .sender(sender)
              .clock(clock)
              .masterKey(MASTER_KEY)
              .store(redis.otpStore())
              .maxSendsPerCustomer(100)
              .resendCooldown(Duration.ZERO)
              .maxSendsPerPhone(100)
              .build());
    }
  }

  @AfterEach
  void close() {
    connections.forEach(CustosRedis::close);
  }

  /** A phone no other start in this Redis used, so that windows of other tests do not count. */
  private static Phone phone() {
    return Phone.of("1", Long.toString(5_550_000_000L + PHONES.incrementAndGet()));
  }

  private static String customer(String name) {
    return name + "-" + System.nanoTime();
  }

  @Test
  void verification_startedOnOneNode_completesOnAnother() throws Exception {
    String customer = customer("c");
    VerificationChallenge challenge = nodes.get(0).start(ChallengeRequest.sms(customer, phone()));

    VerificationResult result =
        nodes.get(2).verify(customer, challenge.verificationToken(), sender.lastCode());

    assertThat(result.outcome()).isEqualTo(VerificationOutcome.APPROVED);
    assertThat(
            nodes
                .get(1)
                .verify(customer, challenge.verificationToken(), sender.lastCode())
                .outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
  }

  /** A passkey's challenge (a device challenge) is one challenge across nodes, as a code's is. */
  @Test
  void deviceChallenge_racingProofsAcrossNodes_exactlyOneApprovalEveryRound() throws Exception {
    for (int round = 0; round < 50; round++) {
      String customer = customer("device");
      DeviceChallenge challenge = nodes.get(round % 3).startDeviceChallenge(customer);
      byte[] expected = challenge.challenge();
      assertThat(
              approvals(
                  16,
                  node ->
                      node.verifyDevice(
                          customer,
                          challenge.verificationToken(),
                          c -> java.util.Arrays.equals(c, expected))))
          .as("approvals in round %d", round)
          .isEqualTo(1);
    }
  }

  /** A payment's single-use token, used from every node at once: one use. */
  @Test
  void revokeTokenOnce_racingAcrossNodes_exactlyOneFirst() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      for (int round = 0; round < 20; round++) {
        String jti = customer("jti");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> uses = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
          dev.custos.authz.RevocationStore store = connections.get(t % 3).revocationStore();
          uses.add(
              pool.submit(
                  () -> {
                    go.await();
                    return store.revokeTokenOnce(jti, System.currentTimeMillis() + 300_000);
                  }));
        }
        go.countDown();
        int first = 0;
        for (Future<Boolean> use : uses) {
          first += use.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(first).as("uses in round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void racingChecksAcrossNodes_exactlyOneApprovalEveryRound() throws Exception {
    for (int round = 0; round < 200; round++) {
      String customer = customer("race");
      VerificationChallenge challenge =
          nodes.get(round % 3).start(ChallengeRequest.sms(customer, phone()));
      String code = sender.lastCode();
      assertThat(approvals(32, node -> node.verify(customer, challenge.verificationToken(), code)))
          .as("approvals in round %d", round)
          .isEqualTo(1);
    }
  }

  /**
   * Sends one check from each of {@code threads} threads at once, spread over the nodes; returns
   * how many were approved, every other one having found no challenge.
   */
  private int approvals(
      int threads, java.util.function.Function<OtpEngine, VerificationResult> check)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<VerificationOutcome>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        OtpEngine node = nodes.get(t % 3);
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return check.apply(node).outcome();
                }));
      }
      go.countDown();
      int approvals = 0;
      for (Future<VerificationOutcome> f : futures) {
        VerificationOutcome outcome = f.get(30, TimeUnit.SECONDS);
        if (outcome == VerificationOutcome.APPROVED) {
          approvals++;
        } else {
          assertThat(outcome).isEqualTo(VerificationOutcome.NOT_FOUND);
        }
      }
      return approvals;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void bruteForceCap_acrossThreeNodes_equalsTheSingleNodeCap() throws Exception {
    assertThat(guessesUntilPermanentLock(List.of(nodes.get(0)))).isEqualTo(100);
    assertThat(guessesUntilPermanentLock(nodes)).isEqualTo(100);
  }

  /** Wrong codes, round-robin over the nodes, waiting out each lockout, until none is compared. */
  private int guessesUntilPermanentLock(List<OtpEngine> engines) throws Exception {
    String customer = customer("brute");
    int compared = 0;
    for (int attempt = 0; attempt < 1_000; attempt++) {
      OtpEngine node = engines.get(attempt % engines.size());
      VerificationChallenge challenge;
      try {
        challenge = node.start(ChallengeRequest.sms(customer, phone()));
      } catch (RateLimitedException e) {
        if (e.limit() != RateLimit.CUSTOMER_LOCKED) {
          throw e;
        }
        if (e.retryAfter().compareTo(Duration.ofDays(1)) > 0) {
          return compared;
        }
        clock.advance(e.retryAfter());
        continue;
      }
      String wrong = sender.lastCode().equals("000000") ? "000001" : "000000";
      VerificationOutcome outcome =
          engines
              .get((attempt + 1) % engines.size())
              .verify(customer, challenge.verificationToken(), wrong)
              .outcome();
      if (outcome == VerificationOutcome.INCORRECT_CODE) {
        compared++;
      }
      clock.advance(Duration.ofSeconds(1));
    }
    throw new AssertionError("never locked for good after " + compared + " guesses");
  }

  @Test
  void start_deliveryFails_earlierCodeStillApprovesOnAnotherNode() throws Exception {
    String customer = customer("d");
    Phone phone = phone();
    VerificationChallenge first = nodes.get(0).start(ChallengeRequest.sms(customer, phone));
    String code = sender.lastCode();
    sender.failWith(new IllegalStateException("provider down"));

    assertThatExceptionOfType(dev.custos.otp.DeliveryFailedException.class)
        .isThrownBy(() -> nodes.get(1).start(ChallengeRequest.sms(customer, phone)));

    assertThat(nodes.get(2).verify(customer, first.verificationToken(), code).outcome())
        .isEqualTo(VerificationOutcome.APPROVED);
  }

  @Test
  void start_refusedByThePhoneWindow_earlierCodeStillApproves() throws Exception {
    OtpEngine cooling =
        OtpEngine.builder()
            .brand("Unit")
            .sender(sender)
            .clock(clock)
            .masterKey(MASTER_KEY)
            .store(connections.get(0).otpStore())
            .build();
    String customer = customer("r");
    Phone phone = phone();
    VerificationChallenge first = cooling.start(ChallengeRequest.sms(customer, phone));
    String code = sender.lastCode();

    assertThatExceptionOfType(RateLimitedException.class)
        .isThrownBy(() -> cooling.start(ChallengeRequest.sms(customer, phone)))
        .satisfies(e -> assertThat(e.limit()).isEqualTo(RateLimit.PHONE_COOLDOWN));

    assertThat(nodes.get(1).verify(customer, first.verificationToken(), code).outcome())
        .isEqualTo(VerificationOutcome.APPROVED);
  }

  @Test
  void sendLimits_holdAcrossNodes() throws Exception {
    List<OtpEngine> strict = new ArrayList<>();
    for (CustosRedis redis : connections) {
      strict.add(
          OtpEngine.builder()
              .brand("Unit")
              .sender(sender)
              .clock(clock)
              .masterKey(MASTER_KEY)
              .store(redis.otpStore())
              .build());
    }
    Phone phone = Phone.of("1", "55500" + (System.nanoTime() % 100_000));
    for (int i = 0; i < 5; i++) {
      strict.get(i % 3).start(ChallengeRequest.sms(customer("s"), phone));
      clock.advance(Duration.ofSeconds(31));
    }

    assertThatExceptionOfType(RateLimitedException.class)
        .isThrownBy(() -> strict.get(2).start(ChallengeRequest.sms(customer("s"), phone)))
        .satisfies(e -> assertThat(e.limit()).isEqualTo(RateLimit.PHONE_SENDS));
    assertThatExceptionOfType(RateLimitedException.class)
        .isThrownBy(() -> strict.get(0).start(ChallengeRequest.sms(customer("s"), phone)))
        .satisfies(e -> assertThat(e.limit()).isEqualTo(RateLimit.PHONE_SENDS));
  }
}
