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

  /** Retries a check until Redis answers again (reconnection takes a moment), at most 10 s. */
  private VerificationOutcome awaitRecovery(String customer, String token, String code)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return otp.verify(customer, token, code).outcome();
      } catch (OtpStoreException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  /** The cached token is refused once the poll has seen Redis gone, within a few polls. */
  private static ApiException awaitRefusal(RequestAuthorizer authorizer, String header)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        authorizer.authenticate(header);
      } catch (ApiException e) {
        return e;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("a cached token was still accepted 5 s after Redis went down");
  }

  private static boolean awaitAcceptance(RequestAuthorizer authorizer, String header)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        authorizer.authenticate(header);
        return true;
      } catch (ApiException e) {
        Thread.sleep(50);
      }
    }
    return false;
  }
}
