package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpStoreException;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationChallenge;
import dev.custos.otp.VerificationOutcome;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.testing.FakeClock;
import dev.custos.testing.RedisServer;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis killed mid-run: typed failures within the timeout, nothing approved; back when it is. */
class OutageTest {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private final FakeClock clock = FakeClock.create();
  private final RecordingSender sender = new RecordingSender();
  private final CustosRedis redis =
      CustosRedis.builder(REDIS.uri())
          .timeout(Duration.ofMillis(300))
          .revocationPollInterval(Duration.ofMillis(50))
          .clock(clock)
          .connect();
  private final AtomicReference<CountDownLatch> pollEvents =
      new AtomicReference<>(new CountDownLatch(1));

  {
    redis.revocationStore().onRevocation(() -> pollEvents.get().countDown());
  }

  private final OtpEngine otp =
      OtpEngine.builder().brand("Unit").sender(sender).clock(clock).store(redis.otpStore()).build();

  @AfterEach
  void restartAndClose() throws Exception {
    REDIS.start();
    redis.close();
  }

  @Test
  void redisKilled_verifyFailsTypedAndApprovesNothing_thenRecovers() throws Exception {
    String customer = "outage-" + System.nanoTime();
    VerificationChallenge challenge =
        otp.start(ChallengeRequest.sms(customer, Phone.of("1", "5550001111")));
    String code = sender.lastCode();

    REDIS.stop();
    long start = System.nanoTime();
    assertThatExceptionOfType(OtpStoreException.class)
        .isThrownBy(() -> otp.verify(customer, challenge.verificationToken(), code))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(OtpStoreException.Reason.UNAVAILABLE));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThatExceptionOfType(OtpStoreException.class)
        .isThrownBy(() -> otp.start(ChallengeRequest.sms(customer, Phone.of("1", "5550001112"))));

    REDIS.start();
    // The restarted server is empty: the old challenge is gone, and the engine works again
    // (scripts are loaded anew on NOSCRIPT, the connection re-established by itself).
    VerificationOutcome after = awaitRecovery(customer, challenge.verificationToken(), code);
    assertThat(after).isEqualTo(VerificationOutcome.NOT_FOUND);
    VerificationChallenge again =
        otp.start(ChallengeRequest.sms(customer, Phone.of("1", "5550001113")));
    assertThat(otp.verify(customer, again.verificationToken(), sender.lastCode()).approved())
        .isTrue();
  }

  @Test
  void redisKilled_authenticationFailsClosed() throws Exception {
    KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
    TokenMinter minter = TokenMinter.builder().keyRing(keys).issuer("i").clock(clock).build();
    TokenVerifier verifier = TokenVerifier.builder().keyRing(keys).issuer("i").clock(clock).build();
    RequestAuthorizer authorizer =
        RequestAuthorizer.builder()
            .verifier(verifier)
            .clock(clock)
            .revocationStore(redis.revocationStore())
            .build();
    String header =
        "Bearer "
            + minter
                .mint(TokenRequest.customer("100001", ScopeCatalog.unit().parse("cards")))
                .token();
    authorizer.authenticate(header);

    REDIS.stop();
    ApiException refused = awaitRefusal(authorizer, header);

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.error().code()).isEqualTo(ApiErrorCode.STATE_UNAVAILABLE);
    REDIS.start();
    assertThat(awaitAcceptance(authorizer, header)).isTrue();
  }

  /**
   * Waits for the store's next revocation-poll event: the poll fires on every poll that cannot
   * reach Redis and once when it reaches it again. Tests step on these events instead of sleeping.
   */
  private void awaitPollEvent() throws InterruptedException {
    CountDownLatch next = new CountDownLatch(1);
    pollEvents.set(next);
    assertThat(next.await(10, TimeUnit.SECONDS)).as("a revocation-poll event").isTrue();
  }

  /** Checks again after each poll event until Redis answers (reconnection takes a moment). */
  private VerificationOutcome awaitRecovery(String customer, String token, String code)
      throws InterruptedException {
    for (int polls = 0; ; polls++) {
      try {
        return otp.verify(customer, token, code).outcome();
      } catch (OtpStoreException e) {
        if (polls == 100) {
          throw e;
        }
        awaitPollEvent();
      }
    }
  }

  /**
   * The cached token is refused from the first poll that finds Redis gone. Two events: this test's
   * listener runs before the authorizer's, and the poll thread's second event comes only after it
   * ran every listener of the first.
   */
  private ApiException awaitRefusal(RequestAuthorizer authorizer, String header)
      throws InterruptedException {
    awaitPollEvent();
    awaitPollEvent();
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> authorizer.authenticate(header))
        .actual();
  }

  private boolean awaitAcceptance(RequestAuthorizer authorizer, String header)
      throws InterruptedException {
    for (int polls = 0; polls < 100; polls++) {
      try {
        authorizer.authenticate(header);
        return true;
      } catch (ApiException e) {
        awaitPollEvent();
      }
    }
    return false;
  }
}
