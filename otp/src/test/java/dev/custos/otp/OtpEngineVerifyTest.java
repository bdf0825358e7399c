package dev.custos.otp;

import static dev.custos.otp.TestEngines.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.otp.InvalidOtpRequestException.Field;
import dev.custos.otp.spi.OtpStore;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OtpEngineVerifyTest {
  private static final String CUSTOMER = "100042";

  private final FakeClock time = FakeClock.create();
  private final RecordingSender sender = new RecordingSender();
  private final OtpEngine engine = TestEngines.unlimited(time, sender).build();

  private VerificationChallenge start(String customerId) throws OtpStartException {
    return engine.start(ChallengeRequest.sms(customerId, PHONE));
  }

  private static String wrong(String code) {
    return code.equals("000000") ? "000001" : "000000";
  }

  @Test
  void verify_rightCode_approved() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);

    VerificationResult result =
        engine.verify(CUSTOMER, challenge.verificationToken(), sender.lastCode());

    assertThat(result.outcome()).isEqualTo(VerificationOutcome.APPROVED);
    assertThat(result.approved()).isTrue();
    assertThat(result.attemptsLeft()).isZero();
  }

  @Test
  void verify_rightCodeTwice_secondNotFound() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);
    String code = sender.lastCode();
    engine.verify(CUSTOMER, challenge.verificationToken(), code);

    assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), code).outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
  }

  @Test
  void verify_wrongCodes_countDownThenBurn() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);
    String code = sender.lastCode();
    String token = challenge.verificationToken();

    for (int left = 4; left >= 1; left--) {
      VerificationResult result = engine.verify(CUSTOMER, token, wrong(code));
      assertThat(result.outcome()).isEqualTo(VerificationOutcome.INCORRECT_CODE);
      assertThat(result.attemptsLeft()).isEqualTo(left);
    }
    assertThat(engine.verify(CUSTOMER, token, wrong(code)).outcome())
        .isEqualTo(VerificationOutcome.MAX_ATTEMPTS_REACHED);
    assertThat(engine.verify(CUSTOMER, token, code).outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
  }

  @Test
  void verify_rightCodeAfterWrongOnes_approved() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);
    String code = sender.lastCode();
    for (int i = 0; i < 4; i++) {
      engine.verify(CUSTOMER, challenge.verificationToken(), wrong(code));
    }

    assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), code).approved()).isTrue();
  }

  @Test
  void verify_at9m59s_approved() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);
    time.advance(Duration.ofMinutes(9).plusSeconds(59));

    assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), sender.lastCode()).approved())
        .isTrue();
  }

  @Test
  void verify_atJust10m_expired() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);
    time.advance(Duration.ofMinutes(10));

    assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), sender.lastCode()).outcome())
        .isEqualTo(VerificationOutcome.EXPIRED);
  }

  @Test
  void verify_longAfterExpiryAndCleanUp_stillExpiredNotNotFound() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);
    time.advance(Duration.ofHours(5));

    assertThat(engine.stats().pendingChallenges()).isZero();
    assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), sender.lastCode()).outcome())
        .isEqualTo(VerificationOutcome.EXPIRED);
  }

  @Test
  void verify_wrongCodesDoNotExtendLifetime() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);
    String code = sender.lastCode();
    for (int i = 0; i < 3; i++) {
      time.advance(Duration.ofMinutes(3));
      engine.verify(CUSTOMER, challenge.verificationToken(), wrong(code));
    }
    time.advance(Duration.ofMinutes(1));

    assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), code).outcome())
        .isEqualTo(VerificationOutcome.EXPIRED);
  }

  @Test
  void start_expiresAt_isTenMinutesAfterStart() throws Exception {
    assertThat(start(CUSTOMER).expiresAt())
        .isEqualTo(FakeClock.DEFAULT_START.plus(Duration.ofMinutes(10)));
  }

  @Test
  void verify_supersededChallenge_notFound() throws Exception {
    VerificationChallenge first = start(CUSTOMER);
    String firstCode = sender.lastCode();
    VerificationChallenge second = start(CUSTOMER);

    assertThat(engine.verify(CUSTOMER, first.verificationToken(), firstCode).outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
    assertThat(engine.verify(CUSTOMER, second.verificationToken(), sender.lastCode()).approved())
        .isTrue();
  }

  @Test
  void verify_anotherCustomersToken_notFound() throws Exception {
    VerificationChallenge mine = start(CUSTOMER);
    String code = sender.lastCode();
    start("200077");

    assertThat(engine.verify("200077", mine.verificationToken(), code).outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
    assertThat(engine.verify(CUSTOMER, mine.verificationToken(), code).approved()).isTrue();
  }

  @Test
  void verify_anotherCustomersExpiredToken_notFoundNotExpired() throws Exception {
    VerificationChallenge mine = start(CUSTOMER);
    time.advance(Duration.ofMinutes(11));

    assertThat(engine.verify("200077", mine.verificationToken(), "123456").outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
  }

  @Test
  void verify_tokenFromAnotherEngine_notFound() throws Exception {
    VerificationChallenge mine = start(CUSTOMER);
    String code = sender.lastCode();
    OtpEngine other = TestEngines.unlimited(time, new RecordingSender()).build();
    other.start(ChallengeRequest.sms(CUSTOMER, PHONE));

    assertThat(other.verify(CUSTOMER, mine.verificationToken(), code).outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
  }

  @Test
  void verify_otherMasterKey_tokenAndCodeMeanNothing() throws Exception {
    // The keys must matter: a store shared by engines with different master keys approves nothing
    // across them (the token's MAC and the code's MAC are both keyed).
    OtpStore shared = new CaffeineOtpStore(100, 200, time);
    byte[] keyA = new byte[32];
    keyA[0] = 1;
    byte[] keyB = new byte[32];
    keyB[0] = 2;
    OtpEngine a = TestEngines.unlimited(time, sender).masterKey(keyA).store(shared).build();
    OtpEngine b = TestEngines.unlimited(time, sender).masterKey(keyB).store(shared).build();
    VerificationChallenge challenge = a.start(ChallengeRequest.sms(CUSTOMER, PHONE));

    assertThat(b.verify(CUSTOMER, challenge.verificationToken(), sender.lastCode()).outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
    assertThat(a.verify(CUSTOMER, challenge.verificationToken(), sender.lastCode()).approved())
        .isTrue();
  }

  @Test
  void build_withoutMasterKey_eachEngineDrawsItsOwn() throws Exception {
    OtpStore shared = new CaffeineOtpStore(100, 200, time);
    OtpEngine a = TestEngines.unlimited(time, sender).store(shared).build();
    OtpEngine b = TestEngines.unlimited(time, sender).store(shared).build();
    VerificationChallenge challenge = a.start(ChallengeRequest.sms(CUSTOMER, PHONE));

    assertThat(b.verify(CUSTOMER, challenge.verificationToken(), sender.lastCode()).outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
  }

  @Test
  void verify_expiredOldToken_leavesTheNewerChallenge() throws Exception {
    VerificationChallenge old = start(CUSTOMER);
    String oldCode = sender.lastCode();
    time.advance(Duration.ofMinutes(5));
    VerificationChallenge fresh = start(CUSTOMER);
    String freshCode = sender.lastCode();
    time.advance(Duration.ofMinutes(6));

    assertThat(engine.verify(CUSTOMER, old.verificationToken(), oldCode).outcome())
        .isEqualTo(VerificationOutcome.EXPIRED);
    assertThat(engine.verify(CUSTOMER, fresh.verificationToken(), freshCode).approved()).isTrue();
  }

  @Test
  void verify_sharedMasterKey_tokenAuthenticatesAcrossEngines() throws Exception {
    byte[] key = new byte[32];
    key[0] = 7;
    OtpEngine a = TestEngines.unlimited(time, sender).masterKey(key).build();
    OtpEngine b = TestEngines.unlimited(time, sender).masterKey(key).build();
    VerificationChallenge challenge = a.start(ChallengeRequest.sms(CUSTOMER, PHONE));
    time.advance(Duration.ofMinutes(11));

    // b has no state for it, but can authenticate the token and tell that it expired.
    assertThat(b.verify(CUSTOMER, challenge.verificationToken(), "123456").outcome())
        .isEqualTo(VerificationOutcome.EXPIRED);
  }

  @Test
  void verify_tamperedToken_notFound() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);
    String code = sender.lastCode();
    String token = challenge.verificationToken();

    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      String tampered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
      assertThat(engine.verify(CUSTOMER, tampered, code).outcome())
          .as("token changed at %d", i)
          .isEqualTo(VerificationOutcome.NOT_FOUND);
    }
    assertThat(engine.verify(CUSTOMER, token, code).approved()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "x",
        "not-a-token",
        "i8FWKLBjXEg3TdeK93G3K9PKLzhbT6CRhn/VKkTsm....",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "++++++++++++++++++++++++++++++++++++++++++++++++++++++",
      })
  void verify_malformedOrForgedToken_notFound(String token) throws Exception {
    start(CUSTOMER);

    assertThat(engine.verify(CUSTOMER, token, "123456").outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
  }

  @Test
  void verify_sentToThePhoneTheCodeWentTo_approved() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);

    assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), sender.lastCode(), PHONE))
        .extracting(VerificationResult::outcome)
        .isEqualTo(VerificationOutcome.APPROVED);
  }

  @Test
  void verify_sentToAnotherPhone_notFoundWithoutSpendingAnAttempt() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);
    String code = sender.lastCode();
    Phone other = Phone.of(PHONE.countryCode(), "5555550999");

    for (int i = 0; i < 10; i++) {
      assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), code, other).outcome())
          .isEqualTo(VerificationOutcome.NOT_FOUND);
    }
    assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), code).outcome())
        .isEqualTo(VerificationOutcome.APPROVED);
  }

  @Test
  void verify_tokenWithItsLastCharacterChanged_notFound() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);
    String token = challenge.verificationToken();
    // 57 bytes fill 76 characters exactly: any other last character is another token.
    char last = token.charAt(token.length() - 1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    String variant =
        token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);

    assertThat(engine.verify(CUSTOMER, variant, sender.lastCode()).outcome())
        .isEqualTo(VerificationOutcome.NOT_FOUND);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "12345", "1234567", "12345a", " 12345", "١٢٣٤٥٦", "12 456", "+12345"})
  void verify_codeNotSixAsciiDigits_throwsNamingTheCode(String code) throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);

    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> engine.verify(CUSTOMER, challenge.verificationToken(), code))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.VERIFICATION_CODE))
        .withMessage("verificationCode: must be exactly 6 digits");
  }

  @Test
  void verify_invalidInput_doesNotSpendAnAttempt() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);
    String code = sender.lastCode();
    for (int i = 0; i < 10; i++) {
      assertThatExceptionOfType(InvalidOtpRequestException.class)
          .isThrownBy(() -> engine.verify(CUSTOMER, challenge.verificationToken(), "abc"));
    }

    assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), wrong(code)).attemptsLeft())
        .isEqualTo(4);
  }

  @Test
  void verify_nullTokenOrBadCustomer_throws() {
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> engine.verify(CUSTOMER, null, "123456"))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.VERIFICATION_TOKEN));
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> engine.verify(null, "token", "123456"))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.CUSTOMER_ID));
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> engine.verify("a b", "token", "123456"))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.CUSTOMER_ID));
  }

  @Test
  void verify_twentyWrongCodesAcrossChallenges_locksCustomerOut() throws Exception {
    for (int i = 0; i < 20; i++) {
      VerificationChallenge challenge = start(CUSTOMER);
      VerificationResult result =
          engine.verify(CUSTOMER, challenge.verificationToken(), wrong(sender.lastCode()));
      assertThat(result.outcome()).isEqualTo(VerificationOutcome.INCORRECT_CODE);
    }

    assertThatExceptionOfType(RateLimitedException.class)
        .isThrownBy(() -> start(CUSTOMER))
        .satisfies(e -> assertThat(e.limit()).isEqualTo(RateLimit.CUSTOMER_LOCKED))
        .satisfies(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(15)));
  }

  @Test
  void verify_fourChallengesBurned_everyWrongCodeCountedAndCustomerLockedOut() throws Exception {
    for (int i = 0; i < 4; i++) {
      VerificationChallenge challenge = start(CUSTOMER);
      String wrong = wrong(sender.lastCode());
      for (int attempt = 0; attempt < 5; attempt++) {
        engine.verify(CUSTOMER, challenge.verificationToken(), wrong);
      }
    }

    assertThatExceptionOfType(RateLimitedException.class)
        .isThrownBy(() -> start(CUSTOMER))
        .satisfies(e -> assertThat(e.limit()).isEqualTo(RateLimit.CUSTOMER_LOCKED));
  }

  @Test
  void verify_lockedOut_rightCodeNotChecked() throws Exception {
    VerificationChallenge last = null;
    for (int i = 0; i < 20; i++) {
      last = start(CUSTOMER);
      if (i < 19) {
        engine.verify(CUSTOMER, last.verificationToken(), wrong(sender.lastCode()));
      }
    }
    String code = sender.lastCode();
    engine.verify(CUSTOMER, last.verificationToken(), wrong(code));
    time.advance(Duration.ofMinutes(5));

    VerificationResult result = engine.verify(CUSTOMER, last.verificationToken(), code);

    assertThat(result.outcome()).isEqualTo(VerificationOutcome.CUSTOMER_LOCKED);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void verify_failuresPastTheLockout_nextLockoutTwiceAsLong() throws Exception {
    for (int i = 0; i < 20; i++) {
      VerificationChallenge challenge = start(CUSTOMER);
      engine.verify(CUSTOMER, challenge.verificationToken(), wrong(sender.lastCode()));
    }
    time.advance(Duration.ofMinutes(15));
    for (int i = 0; i < 20; i++) {
      VerificationChallenge challenge = start(CUSTOMER);
      engine.verify(CUSTOMER, challenge.verificationToken(), wrong(sender.lastCode()));
    }

    assertThatExceptionOfType(RateLimitedException.class)
        .isThrownBy(() -> start(CUSTOMER))
        .satisfies(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(30)));
  }

  @Test
  void verify_permanentLimitReached_lockedUntilTheHostUnlocks() throws Exception {
    OtpEngine strict =
        TestEngines.unlimited(time, sender)
            .maxConsecutiveFailures(2)
            .permanentLockoutAfter(3)
            .build();
    for (int i = 0; i < 3; i++) {
      VerificationChallenge challenge = strict.start(ChallengeRequest.sms(CUSTOMER, PHONE));
      strict.verify(CUSTOMER, challenge.verificationToken(), wrong(sender.lastCode()));
      time.advance(Duration.ofHours(1));
    }
    time.advance(Duration.ofDays(30));
    assertThatExceptionOfType(RateLimitedException.class)
        .isThrownBy(() -> strict.start(ChallengeRequest.sms(CUSTOMER, PHONE)))
        .satisfies(e -> assertThat(e.limit()).isEqualTo(RateLimit.CUSTOMER_LOCKED));

    strict.unlock(CUSTOMER);

    VerificationChallenge challenge = strict.start(ChallengeRequest.sms(CUSTOMER, PHONE));
    assertThat(strict.verify(CUSTOMER, challenge.verificationToken(), sender.lastCode()).approved())
        .isTrue();
  }

  @Test
  void verify_lockoutOver_customerCanTryAgain() throws Exception {
    for (int i = 0; i < 20; i++) {
      VerificationChallenge challenge = start(CUSTOMER);
      engine.verify(CUSTOMER, challenge.verificationToken(), wrong(sender.lastCode()));
    }
    time.advance(Duration.ofMinutes(15));

    VerificationChallenge challenge = start(CUSTOMER);

    assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), sender.lastCode()).approved())
        .isTrue();
  }

  @Test
  void verify_successResetsConsecutiveFailures() throws Exception {
    for (int i = 0; i < 19; i++) {
      VerificationChallenge challenge = start(CUSTOMER);
      engine.verify(CUSTOMER, challenge.verificationToken(), wrong(sender.lastCode()));
    }
    VerificationChallenge ok = start(CUSTOMER);
    assertThat(engine.verify(CUSTOMER, ok.verificationToken(), sender.lastCode()).approved())
        .isTrue();

    for (int i = 0; i < 19; i++) {
      VerificationChallenge challenge = start(CUSTOMER);
      engine.verify(CUSTOMER, challenge.verificationToken(), wrong(sender.lastCode()));
    }

    VerificationChallenge again = start(CUSTOMER);
    assertThat(engine.verify(CUSTOMER, again.verificationToken(), sender.lastCode()).approved())
        .isTrue();
  }

  @Test
  void verify_failuresOfOneCustomer_doNotLockAnother() throws Exception {
    for (int i = 0; i < 20; i++) {
      VerificationChallenge challenge = start(CUSTOMER);
      engine.verify(CUSTOMER, challenge.verificationToken(), wrong(sender.lastCode()));
    }

    VerificationChallenge other = start("200077");
    assertThat(engine.verify("200077", other.verificationToken(), sender.lastCode()).approved())
        .isTrue();
  }

  @Test
  void stats_countEveryOutcome() throws Exception {
    VerificationChallenge a = start(CUSTOMER);
    String code = sender.lastCode();
    engine.verify(CUSTOMER, a.verificationToken(), wrong(code));
    engine.verify(CUSTOMER, a.verificationToken(), code);
    engine.verify(CUSTOMER, a.verificationToken(), code);
    VerificationChallenge b = start(CUSTOMER);
    time.advance(Duration.ofMinutes(10));
    engine.verify(CUSTOMER, b.verificationToken(), "123456");

    OtpStats stats = engine.stats();

    assertThat(stats.started()).isEqualTo(2);
    assertThat(stats.verifications(VerificationOutcome.INCORRECT_CODE)).isEqualTo(1);
    assertThat(stats.verifications(VerificationOutcome.APPROVED)).isEqualTo(1);
    assertThat(stats.verifications(VerificationOutcome.NOT_FOUND)).isEqualTo(1);
    assertThat(stats.verifications(VerificationOutcome.EXPIRED)).isEqualTo(1);
    assertThat(stats.verifications(VerificationOutcome.MAX_ATTEMPTS_REACHED)).isZero();
  }

  @Test
  void challenge_toString_hidesToken() throws Exception {
    VerificationChallenge challenge = start(CUSTOMER);

    assertThat(challenge.toString())
        .doesNotContain(challenge.verificationToken())
        .isEqualTo("VerificationChallenge[expiresAt=2026-11-29T10:10:00Z]");
  }

  @Test
  void verificationToken_isUrlSafeAndCarries128RandomBits() throws Exception {
    String a = start(CUSTOMER).verificationToken();
    String b = start(CUSTOMER).verificationToken();

    assertThat(a).matches("[A-Za-z0-9_-]{76}");
    assertThat(a).isNotEqualTo(b);
  }
}
