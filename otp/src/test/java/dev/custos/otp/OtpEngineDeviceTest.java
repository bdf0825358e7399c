package dev.custos.otp;

import static dev.custos.otp.TestEngines.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Device challenges: a passkey's challenge under the same single use, expiry and limits. */
class OtpEngineDeviceTest {
  private static final String CUSTOMER = "100042";

  private final FakeClock time = FakeClock.create();
  private final RecordingSender sender = new RecordingSender();
  private final OtpEngine engine = TestEngines.unlimited(time, sender).build();

  @Test
  void startDeviceChallenge_always_sendsNothingAndGivesThirtyTwoBytes() throws Exception {
    DeviceChallenge challenge = engine.startDeviceChallenge(CUSTOMER);

    assertThat(sender.messages()).isEmpty();
    assertThat(challenge.challenge()).hasSize(DeviceChallenge.CHALLENGE_LENGTH);
    assertThat(engine.startDeviceChallenge(CUSTOMER).challenge())
        .isNotEqualTo(challenge.challenge());
    assertThat(challenge.toString())
        .doesNotContain(challenge.verificationToken())
        .startsWith("DeviceChallenge[expiresAt=");
  }

  @Test
  void verifyDevice_proofOfTheChallenge_approvedOnceAndSeesTheSameBytes() throws Exception {
    DeviceChallenge challenge = engine.startDeviceChallenge(CUSTOMER);
    List<byte[]> seen = new ArrayList<>();

    VerificationResult first =
        engine.verifyDevice(CUSTOMER, challenge.verificationToken(), c -> seen.add(c));
    VerificationResult replay =
        engine.verifyDevice(CUSTOMER, challenge.verificationToken(), c -> true);

    assertThat(first.outcome()).isEqualTo(VerificationOutcome.APPROVED);
    assertThat(seen).singleElement().isEqualTo(challenge.challenge());
    assertThat(replay.outcome()).isEqualTo(VerificationOutcome.NOT_FOUND);
  }

  @Test
  void verifyDevice_failingProofs_countAsWrongCodesUntilTheAttemptsRunOut() throws Exception {
    DeviceChallenge challenge = engine.startDeviceChallenge(CUSTOMER);

    List<VerificationOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      outcomes.add(
          engine.verifyDevice(CUSTOMER, challenge.verificationToken(), c -> false).outcome());
    }
    VerificationResult after =
        engine.verifyDevice(CUSTOMER, challenge.verificationToken(), c -> true);

    assertThat(outcomes)
        .containsExactly(
            VerificationOutcome.INCORRECT_CODE,
            VerificationOutcome.INCORRECT_CODE,
            VerificationOutcome.INCORRECT_CODE,
            VerificationOutcome.INCORRECT_CODE,
            VerificationOutcome.MAX_ATTEMPTS_REACHED);
    assertThat(after.outcome()).isEqualTo(VerificationOutcome.NOT_FOUND);
  }

  @Test
  void verifyDevice_failuresAcrossChallenges_lockTheCustomerOutOfCodesToo() throws Exception {
    OtpEngine locking =
        TestEngines.unlimited(time, sender)
            .maxConsecutiveFailures(3)
            .lockout(Duration.ofMinutes(15))
            .build();
    for (int i = 0; i < 3; i++) {
      DeviceChallenge challenge = locking.startDeviceChallenge(CUSTOMER);
      locking.verifyDevice(CUSTOMER, challenge.verificationToken(), c -> false);
    }

    assertThatThrownBy(() -> locking.start(ChallengeRequest.sms(CUSTOMER, PHONE)))
        .isInstanceOf(RateLimitedException.class);
    assertThatThrownBy(() -> locking.startDeviceChallenge(CUSTOMER))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void verifyDevice_expiredChallenge_expiredWithoutAskingTheProof() throws Exception {
    DeviceChallenge challenge = engine.startDeviceChallenge(CUSTOMER);
    time.advance(Duration.ofMinutes(10));
    AtomicInteger asked = new AtomicInteger();

    VerificationResult result =
        engine.verifyDevice(
            CUSTOMER, challenge.verificationToken(), c -> asked.incrementAndGet() > 0);

    assertThat(result.outcome()).isEqualTo(VerificationOutcome.EXPIRED);
    assertThat(asked).hasValue(0);
  }

  @Test
  void verifyDevice_anotherCustomersOrForgedToken_notFoundWithoutAskingTheProof() throws Exception {
    DeviceChallenge challenge = engine.startDeviceChallenge(CUSTOMER);
    AtomicInteger asked = new AtomicInteger();
    DeviceProof counting = c -> asked.incrementAndGet() > 0;
    String token = challenge.verificationToken();
    String forged =
        token.substring(0, 20) + (token.charAt(20) == 'A' ? "B" : "A") + token.substring(21);

    assertThat(engine.verifyDevice("100043", token, counting).outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
    assertThat(engine.verifyDevice(CUSTOMER, forged, counting).outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
    assertThat(asked).hasValue(0);
    assertThat(engine.verifyDevice(CUSTOMER, token, counting).outcome())
        .isEqualTo(VerificationOutcome.APPROVED);
  }

  @Test
  void verify_codeAgainstADeviceChallenge_notFoundAndTheChallengeStaysUsable() throws Exception {
    DeviceChallenge challenge = engine.startDeviceChallenge(CUSTOMER);

    for (int i = 0; i < 10; i++) {
      assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), "123456").outcome())
          .isEqualTo(VerificationOutcome.NOT_FOUND);
    }
    assertThat(engine.verifyDevice(CUSTOMER, challenge.verificationToken(), c -> true).outcome())
        .isEqualTo(VerificationOutcome.APPROVED);
  }

  @Test
  void verifyDevice_codeChallengesToken_notFoundWithoutAskingTheProof() throws Exception {
    VerificationChallenge sms = engine.start(ChallengeRequest.sms(CUSTOMER, PHONE));
    AtomicInteger asked = new AtomicInteger();

    VerificationResult result =
        engine.verifyDevice(CUSTOMER, sms.verificationToken(), c -> asked.incrementAndGet() > 0);

    assertThat(result.outcome()).isEqualTo(VerificationOutcome.NOT_FOUND);
    assertThat(asked).hasValue(0);
    assertThat(engine.verify(CUSTOMER, sms.verificationToken(), sender.lastCode()).outcome())
        .isEqualTo(VerificationOutcome.APPROVED);
  }

  @Test
  void verifyDevice_passingProofFromManyThreads_exactlyOneApproved() throws Exception {
    DeviceChallenge challenge = engine.startDeviceChallenge(CUSTOMER);
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<VerificationOutcome>> futures = new ArrayList<>();
      Callable<VerificationOutcome> call =
          () -> {
            go.await();
            return engine
                .verifyDevice(CUSTOMER, challenge.verificationToken(), c -> true)
                .outcome();
          };
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(call));
      }
      go.countDown();
      int approved = 0;
      for (Future<VerificationOutcome> f : futures) {
        VerificationOutcome outcome = f.get();
        if (outcome == VerificationOutcome.APPROVED) {
          approved++;
        } else {
          assertThat(outcome).isEqualTo(VerificationOutcome.NOT_FOUND);
        }
      }
      assertThat(approved).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void startDeviceChallenge_customerWindowFull_refusedLikeASend() throws Exception {
    OtpEngine limited =
        TestEngines.builder(time, sender).maxSendsPerCustomer(2).maxSendsPerPhone(100).build();
    limited.startDeviceChallenge(CUSTOMER);
    limited.startDeviceChallenge(CUSTOMER);

    assertThatThrownBy(() -> limited.startDeviceChallenge(CUSTOMER))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.limit()).isEqualTo(RateLimit.CUSTOMER_SENDS));
  }

  @Test
  void verifyDevice_proofThatThrows_throwsAndSpendsNoAttempt() throws Exception {
    DeviceChallenge challenge = engine.startDeviceChallenge(CUSTOMER);
    IllegalStateException down = new IllegalStateException("credential store down");

    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(
              () ->
                  engine.verifyDevice(
                      CUSTOMER,
                      challenge.verificationToken(),
                      c -> {
                        throw down;
                      }))
          .isSameAs(down);
    }
    assertThat(engine.verifyDevice(CUSTOMER, challenge.verificationToken(), c -> false))
        .satisfies(r -> assertThat(r.attemptsLeft()).isEqualTo(4));
  }

  @Test
  void verifyDevice_nullArguments_typedErrors() throws Exception {
    DeviceChallenge challenge = engine.startDeviceChallenge(CUSTOMER);

    assertThatThrownBy(() -> engine.verifyDevice(CUSTOMER, null, c -> true))
        .isInstanceOf(InvalidOtpRequestException.class);
    assertThatThrownBy(() -> engine.verifyDevice(null, challenge.verificationToken(), c -> true))
        .isInstanceOf(InvalidOtpRequestException.class);
    assertThatThrownBy(() -> engine.verifyDevice(CUSTOMER, challenge.verificationToken(), null))
        .isInstanceOf(NullPointerException.class);
  }
}
