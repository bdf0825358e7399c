package dev.custos.customer;

import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.otp.Channel;
import dev.custos.token.MintedToken;
import dev.custos.token.TwoFactorMethod;
import dev.custos.token.VerifiedToken;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code channel: "passkey"} through the service and its endpoint, with a verifier that stands in
 * for WebAuthn (the real one, on webauthn4j, is custos-passkey's and tested there): the challenge,
 * its single use, attempts and lockout are the service's and the engine's, tested here.
 */
class PasskeyVerificationTest {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final TestPlatform platform = new TestPlatform();
  private final AtomicInteger verified = new AtomicInteger();

  /** Passes an assertion {"challenge": the challenge} unless it says {"refuse": true}. */
  private final PasskeyVerifier fake =
      new PasskeyVerifier() {
        @Override
        public Map<String, Object> requestOptions(String customerId, byte[] challenge) {
          return Map.of("challenge", B64.encodeToString(challenge), "userVerification", "required");
        }

        @Override
        public void verify(String customerId, byte[] challenge, Map<String, Object> assertion)
            throws ApiException {
          verified.incrementAndGet();
          if (Boolean.TRUE.equals(assertion.get("refuse"))) {
            throw new ApiException(
                ApiError.of(ApiErrorCode.PASSKEY_SIGNATURE_INVALID, "bad signature")
                    .atAttribute("passkeyAssertion", "response", "signature"));
          }
          if (!B64.encodeToString(challenge).equals(assertion.get("challenge"))) {
            throw new ApiException(
                ApiError.of(ApiErrorCode.PASSKEY_CHALLENGE_MISMATCH, "another challenge")
                    .atAttribute("passkeyAssertion", "response", "clientDataJSON"));
          }
        }
      };

  private final CustomerTokenService service =
      CustomerTokenService.builder()
          .directory(platform.directory)
          .otpEngine(platform.otp)
          .minter(platform.minter)
          .authorizer(platform.authorizer)
          .passkeys(fake)
          .build();
  private final VerifiedToken org;

  PasskeyVerificationTest() throws Exception {
    org = platform.authorizer.authenticate(platform.orgHeader());
  }

  private static String answer(PasskeyVerification v) {
    return "{\"challenge\":\"" + v.requestOptions().get("challenge") + "\"}";
  }

  private MintedToken mint(PasskeyVerification v, String assertion) throws ApiException {
    return service.createToken(
        org,
        INDIVIDUAL,
        CustomerTokenAttributes.of("payments-write")
            .withVerificationToken(v.verificationToken())
            .withPasskeyAssertion(assertion));
  }

  private ApiException refusal(PasskeyVerification v, String assertion) {
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> mint(v, assertion))
        .actual();
  }

  private ApiException refused(CustomerTokenAttributes attributes) {
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> service.createToken(org, INDIVIDUAL, attributes))
        .actual();
  }

  @Test
  void createToken_assertionOfTheChallenge_twoFactorTokenRecordingPasskeyAndTime()
      throws Exception {
    PasskeyVerification v = service.createPasskeyVerification(org, INDIVIDUAL);
    platform.time.advance(Duration.ofSeconds(42));

    VerifiedToken token = platform.verifier.verify(mint(v, answer(v)).token());

    assertThat(token.twoFactorVerified()).isTrue();
    assertThat(token.twoFactorMethod()).contains(TwoFactorMethod.PASSKEY);
    assertThat(token.twoFactorVerifiedAt()).contains(platform.time.instant());
    assertThat(platform.sender.messages()).isEmpty();
  }

  @Test
  void createToken_sameAssertionTwice_secondIsAReplay() throws Exception {
    PasskeyVerification v = service.createPasskeyVerification(org, INDIVIDUAL);
    mint(v, answer(v));

    ApiException replay = refusal(v, answer(v));

    assertThat(replay.error().code()).isEqualTo(ApiErrorCode.PASSKEY_CHALLENGE_USED);
    assertThat(replay.error().pointer()).contains("/data/attributes/verificationToken");
  }

  @Test
  void createToken_refusedAssertion_verifiersErrorWithAttemptsLeftThenExhausted() throws Exception {
    PasskeyVerification v = service.createPasskeyVerification(org, INDIVIDUAL);

    ApiException first = refusal(v, "{\"refuse\":true}");
    for (int i = 0; i < 3; i++) {
      refusal(v, "{\"refuse\":true}");
    }
    ApiException last = refusal(v, "{\"refuse\":true}");
    ApiException after = refusal(v, answer(v));

    assertThat(first.error().code()).isEqualTo(ApiErrorCode.PASSKEY_SIGNATURE_INVALID);
    assertThat(first.error().pointer())
        .contains("/data/attributes/passkeyAssertion/response/signature");
    assertThat(first.error().meta()).containsEntry("attemptsLeft", 4);
    assertThat(last.error().code()).isEqualTo(ApiErrorCode.VERIFICATION_ATTEMPTS_EXCEEDED);
    assertThat(last.error().meta()).containsEntry("reason", "passkey_signature_invalid");
    assertThat(after.error().code()).isEqualTo(ApiErrorCode.PASSKEY_CHALLENGE_USED);
  }

  @Test
  void createToken_assertionOfAnEarlierChallenge_refusedAsAnotherChallenge() throws Exception {
    PasskeyVerification earlier = service.createPasskeyVerification(org, INDIVIDUAL);
    PasskeyVerification later = service.createPasskeyVerification(org, INDIVIDUAL);

    ApiException e = refusal(later, answer(earlier));

    assertThat(e.error().code()).isEqualTo(ApiErrorCode.PASSKEY_CHALLENGE_MISMATCH);
    assertThat(refusal(earlier, answer(earlier)).error().code())
        .isEqualTo(ApiErrorCode.PASSKEY_CHALLENGE_USED);
  }

  @Test
  void createToken_codeVerificationTokenWithAnAssertion_notFoundAndNeverVerified()
      throws Exception {
    String smsToken =
        service
            .createVerification(org, INDIVIDUAL, VerificationAttributes.of(Channel.SMS))
            .verificationToken();

    ApiException e =
        refused(
            CustomerTokenAttributes.of("payments-write")
                .withVerificationToken(smsToken)
                .withPasskeyAssertion("{}"));

    assertThat(e.error().code()).isEqualTo(ApiErrorCode.VERIFICATION_NOT_FOUND);
    assertThat(verified).hasValue(0);
  }

  @Test
  void createToken_passkeyVerificationTokenWithACode_notFound() throws Exception {
    PasskeyVerification v = service.createPasskeyVerification(org, INDIVIDUAL);

    ApiException e =
        refused(
            CustomerTokenAttributes.of("payments-write")
                .withVerificationToken(v.verificationToken())
                .withVerificationCode("123456"));

    assertThat(e.error().code()).isEqualTo(ApiErrorCode.VERIFICATION_NOT_FOUND);
    assertThat(mint(v, answer(v)).token()).isNotEmpty();
  }

  @Test
  void createToken_expiredPasskeyVerification_expiredWithoutVerifying() throws Exception {
    PasskeyVerification v = service.createPasskeyVerification(org, INDIVIDUAL);
    platform.time.advance(Duration.ofMinutes(10));

    assertThat(refusal(v, answer(v)).error().code()).isEqualTo(ApiErrorCode.VERIFICATION_EXPIRED);
    assertThat(verified).hasValue(0);
  }

  @Test
  void createToken_assertionWithACodeOrAJwtOrWithoutToken_refusedAtTheAttribute() {
    for (CustomerTokenAttributes attributes :
        List.of(
            CustomerTokenAttributes.of("payments-write")
                .withVerificationToken("t")
                .withVerificationCode("123456")
                .withPasskeyAssertion("{}"),
            CustomerTokenAttributes.of("payments-write").withPasskeyAssertion("{}"),
            CustomerTokenAttributes.of("payments-write")
                .withVerificationToken("t")
                .withPasskeyAssertion("[1]"))) {
      ApiException e = refused(attributes);
      assertThat(e.error().code()).isEqualTo(ApiErrorCode.INVALID_VALUE);
      assertThat(e.error().pointer().orElseThrow()).startsWith("/data/attributes/");
    }
    ApiException jwt =
        refused(
            CustomerTokenAttributes.of("payments-write")
                .withJwtToken("a.b.c")
                .withPasskeyAssertion("{}"));
    assertThat(jwt.error().pointer()).contains("/data/attributes/jwtToken");
    assertThat(verified).hasValue(0);
  }

  @Test
  void createPasskeyVerification_withoutPasskeysConfigured_refusedAtChannel() throws Exception {
    JsonApiResponse response =
        platform.createVerification(
            platform.orgHeader(),
            INDIVIDUAL,
            TestPlatform.verificationRequest(Map.of("channel", "passkey")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(TestPlatform.read(response, "errors", "0", "source", "pointer"))
        .isEqualTo("/data/attributes/channel");
  }

  @Test
  void endpoints_passkeyVerificationThenAssertion_mintAndAnswerTheOptions() throws Exception {
    RequestAuthorizer authorizer = platform.authorizer;
    JsonApiEndpoints api =
        JsonApiEndpoints.builder().authorizer(authorizer).customerTokens(service).build();
    JsonApiResponse started =
        api.customerTokens()
            .createVerification(
                INDIVIDUAL,
                TestPlatform.request(
                    platform.orgHeader(),
                    TestPlatform.verificationRequest(Map.of("channel", "passkey"))));
    String token = (String) TestPlatform.read(started, "data", "attributes", "verificationToken");
    String challenge =
        (String) TestPlatform.read(started, "data", "attributes", "publicKey", "challenge");

    JsonApiResponse minted =
        api.customerTokens()
            .createToken(
                INDIVIDUAL,
                TestPlatform.request(
                    platform.orgHeader(),
                    TestPlatform.tokenRequest(
                        Map.of(
                            "scope",
                            "payments-write",
                            "verificationToken",
                            token,
                            "passkeyAssertion",
                            Map.of("challenge", challenge)))));

    assertThat(started.status()).isEqualTo(201);
    assertThat(TestPlatform.read(started, "data", "attributes", "channel")).isEqualTo("passkey");
    assertThat(minted.status()).isEqualTo(201);
  }

  @Test
  void endpoints_passkeyChannelWithAPhoneOrLanguage_refusedAtThatAttribute() throws Exception {
    JsonApiEndpoints api =
        JsonApiEndpoints.builder().authorizer(platform.authorizer).customerTokens(service).build();
    JsonApiResponse response =
        api.customerTokens()
            .createVerification(
                INDIVIDUAL,
                TestPlatform.request(
                    platform.orgHeader(),
                    TestPlatform.verificationRequest(
                        Map.of("channel", "passkey", "language", "es"))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(TestPlatform.read(response, "errors", "0", "source", "pointer"))
        .isEqualTo("/data/attributes/language");
  }

  @Test
  void createToken_upgradeKeepingItsCallersVerification_keepsTheCallersTime() throws Exception {
    PasskeyVerification v = service.createPasskeyVerification(org, INDIVIDUAL);
    MintedToken first =
        service.createToken(
            org,
            INDIVIDUAL,
            CustomerTokenAttributes.of("payments-write customer-token-write")
                .withVerificationToken(v.verificationToken())
                .withPasskeyAssertion(answer(v)));
    VerifiedToken caller = platform.verifier.verify(first.token());
    platform.time.advance(Duration.ofMinutes(20));

    VerifiedToken upgraded =
        platform.verifier.verify(
            service
                .createToken(caller, INDIVIDUAL, CustomerTokenAttributes.of("payments-write"))
                .token());

    assertThat(upgraded.twoFactorMethod()).contains(TwoFactorMethod.PASSKEY);
    assertThat(upgraded.twoFactorVerifiedAt()).isEqualTo(caller.twoFactorVerifiedAt());
  }
}
