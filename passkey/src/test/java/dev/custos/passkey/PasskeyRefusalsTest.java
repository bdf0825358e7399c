package dev.custos.passkey;

import static dev.custos.passkey.PasskeyPlatform.BUSINESS;
import static dev.custos.passkey.PasskeyPlatform.INDIVIDUAL;
import static dev.custos.passkey.PasskeyPlatform.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.customer.PasskeyVerification;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.passkey.testing.SoftwareAuthenticator;
import dev.custos.passkey.testing.SoftwareAuthenticator.Bend;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of a passkey, each with its own code and pointer, at verification (a token mint)
 * and at enrolment; each refused attempt counts towards the verification's attempts.
 */
class PasskeyRefusalsTest {
  private static final String ASSERTION = "/data/attributes/passkeyAssertion";
  private static final String CREDENTIAL = "/data/attributes/credential";

  private final PasskeyPlatform platform = new PasskeyPlatform();
  private final SoftwareAuthenticator phone = SoftwareAuthenticator.es256();

  PasskeyRefusalsTest() throws Exception {
    platform.enrol(phone, INDIVIDUAL);
  }

  private ApiException mintRefused(UnaryOperator<Map<String, Object>> edit, Bend bend)
      throws Exception {
    PasskeyVerification v = platform.service.createPasskeyVerification(platform.org(), INDIVIDUAL);
    Map<String, Object> assertion = edit.apply(phone.assertion(v.requestOptions(), ORIGIN, bend));
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> platform.mint(INDIVIDUAL, v, assertion))
        .actual();
  }

  /** A mint for the individual on another authenticator's honest assertion. */
  private ApiException mintRefusedBy(SoftwareAuthenticator other) throws Exception {
    PasskeyVerification v = platform.service.createPasskeyVerification(platform.org(), INDIVIDUAL);
    Map<String, Object> assertion = other.assertion(v.requestOptions(), ORIGIN);
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> platform.mint(INDIVIDUAL, v, assertion))
        .actual();
  }

  private static void is(ApiException e, ApiErrorCode code, String pointer) {
    assertThat(e.error().code()).as(e.error().detail()).isEqualTo(code);
    assertThat(e.error().pointer()).contains(pointer);
  }

  @Test
  void mint_wrongOrigin_originMismatchAtClientData() throws Exception {
    ApiException e = mintRefused(a -> a, Bend.none().origin("https://bank.example.evil"));

    is(e, ApiErrorCode.PASSKEY_ORIGIN_MISMATCH, ASSERTION + "/response/clientDataJSON");
    assertThat(e.error().meta()).containsEntry("attemptsLeft", 4);
  }

  @Test
  void mint_wrongRpId_rpIdMismatchAtAuthenticatorData() throws Exception {
    is(
        mintRefused(a -> a, Bend.none().rpId("evil.example")),
        ApiErrorCode.PASSKEY_RP_ID_MISMATCH,
        ASSERTION + "/response/authenticatorData");
  }

  @Test
  void mint_userNotVerified_refusedAtAuthenticatorData() throws Exception {
    is(
        mintRefused(a -> a, Bend.none().withoutUserVerification()),
        ApiErrorCode.PASSKEY_USER_NOT_VERIFIED,
        ASSERTION + "/response/authenticatorData");
  }

  @Test
  void mint_anotherChallengeOrCeremony_challengeMismatchAtClientData() throws Exception {
    is(
        mintRefused(a -> a, Bend.none().challenge(new byte[32])),
        ApiErrorCode.PASSKEY_CHALLENGE_MISMATCH,
        ASSERTION + "/response/clientDataJSON");
    is(
        mintRefused(a -> a, Bend.none().type("webauthn.create")),
        ApiErrorCode.PASSKEY_CHALLENGE_MISMATCH,
        ASSERTION + "/response/clientDataJSON");
  }

  @Test
  void mint_unknownCredential_refusedAtId() throws Exception {
    is(
        mintRefusedBy(SoftwareAuthenticator.es256()),
        ApiErrorCode.PASSKEY_UNKNOWN_CREDENTIAL,
        ASSERTION + "/id");
  }

  @Test
  void mint_anotherCustomersPasskey_unknownCredential() throws Exception {
    SoftwareAuthenticator theirs = SoftwareAuthenticator.es256();
    platform.enrol(theirs, BUSINESS);

    is(mintRefusedBy(theirs), ApiErrorCode.PASSKEY_UNKNOWN_CREDENTIAL, ASSERTION + "/id");
  }

  @Test
  void mint_userHandleOfAnotherCustomer_unknownCredentialAtUserHandle() throws Exception {
    is(
        mintRefused(
            a -> withResponse(a, "userHandle", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
            Bend.none()),
        ApiErrorCode.PASSKEY_UNKNOWN_CREDENTIAL,
        ASSERTION + "/response/userHandle");
  }

  @Test
  void mint_replayedAssertion_challengeUsed() throws Exception {
    PasskeyVerification v = platform.service.createPasskeyVerification(platform.org(), INDIVIDUAL);
    Map<String, Object> assertion = phone.assertion(v.requestOptions(), ORIGIN);
    platform.mint(INDIVIDUAL, v, assertion);

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> platform.mint(INDIVIDUAL, v, assertion))
            .actual();

    is(e, ApiErrorCode.PASSKEY_CHALLENGE_USED, "/data/attributes/verificationToken");
  }

  @Test
  void mint_counterGoingBack_refusedAndReportedAsAPossibleClone() throws Exception {
    platform.mintWith(phone, INDIVIDUAL);
    platform.mintWith(phone, INDIVIDUAL);

    ApiException e = mintRefused(a -> a, Bend.none().counter(1));

    is(e, ApiErrorCode.PASSKEY_COUNTER_REGRESSED, ASSERTION + "/response/authenticatorData");
    assertThat(platform.events).containsExactly("counterRegressed " + INDIVIDUAL);
  }

  @Test
  void mint_badSignature_signatureInvalidAtSignature() throws Exception {
    SoftwareAuthenticator other = SoftwareAuthenticator.es256();
    PasskeyVerification v = platform.service.createPasskeyVerification(platform.org(), INDIVIDUAL);
    Map<String, Object> honest = phone.assertion(v.requestOptions(), ORIGIN);
    @SuppressWarnings("unchecked")
    Map<String, Object> response = (Map<String, Object>) honest.get("response");
    byte[] forged =
        other.sign(
            java.util.Base64.getUrlDecoder().decode((String) response.get("authenticatorData")),
            java.util.Base64.getUrlDecoder().decode((String) response.get("clientDataJSON")));
    Map<String, Object> bent =
        withResponse(
            honest,
            "signature",
            java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged));

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> platform.mint(INDIVIDUAL, v, bent))
            .actual();

    is(e, ApiErrorCode.PASSKEY_SIGNATURE_INVALID, ASSERTION + "/response/signature");
  }

  @Test
  void mint_malformedCbor_malformedAuthenticatorData() throws Exception {
    is(
        mintRefused(a -> withResponse(a, "authenticatorData", "oWFhAQ"), Bend.none()),
        ApiErrorCode.PASSKEY_MALFORMED_AUTHENTICATOR_DATA,
        ASSERTION + "/response/authenticatorData");
  }

  @Test
  void mint_malformedClientData_malformedClientData() throws Exception {
    for (String clientData : new String[] {"bm90IGpzb24", "e30", "W10"}) {
      is(
          mintRefused(a -> withResponse(a, "clientDataJSON", clientData), Bend.none()),
          ApiErrorCode.PASSKEY_MALFORMED_CLIENT_DATA,
          ASSERTION + "/response/clientDataJSON");
    }
  }

  @Test
  void mint_malformedBase64url_refusedAtTheMember() throws Exception {
    for (String bad : new String[] {"abc=", "ab+c", "ab/c", "a", "ab c"}) {
      ApiException e = mintRefused(a -> withResponse(a, "signature", bad), Bend.none());
      is(e, ApiErrorCode.PASSKEY_MALFORMED_BASE64URL, ASSERTION + "/response/signature");
    }
    ApiException id = mintRefused(a -> with(a, "id", "not*base64"), Bend.none());
    is(id, ApiErrorCode.PASSKEY_MALFORMED_BASE64URL, ASSERTION + "/id");
  }

  @Test
  void mint_wrongShape_invalidValueAtTheMember() throws Exception {
    is(
        mintRefused(a -> with(a, "type", "password"), Bend.none()),
        ApiErrorCode.INVALID_VALUE,
        ASSERTION + "/type");
    is(
        mintRefused(a -> with(a, "response", "x"), Bend.none()),
        ApiErrorCode.INVALID_VALUE,
        ASSERTION + "/response");
    is(
        mintRefused(a -> with(a, "rawId", "AAAA"), Bend.none()),
        ApiErrorCode.INVALID_VALUE,
        ASSERTION + "/rawId");
    is(
        mintRefused(a -> withResponse(a, "signature", 7), Bend.none()),
        ApiErrorCode.INVALID_VALUE,
        ASSERTION + "/response/signature");
  }

  @Test
  void mint_fiveRefusals_burnTheVerificationWithTheLastReason() throws Exception {
    PasskeyVerification v = platform.service.createPasskeyVerification(platform.org(), INDIVIDUAL);
    ApiException last = null;
    for (int i = 0; i < 5; i++) {
      Map<String, Object> bent =
          phone.assertion(v.requestOptions(), ORIGIN, Bend.none().withoutUserVerification());
      last =
          assertThatExceptionOfType(ApiException.class)
              .isThrownBy(() -> platform.mint(INDIVIDUAL, v, bent))
              .actual();
    }
    Map<String, Object> honest = phone.assertion(v.requestOptions(), ORIGIN);

    is(last, ApiErrorCode.VERIFICATION_ATTEMPTS_EXCEEDED, ASSERTION);
    assertThat(last.error().meta()).containsEntry("reason", "passkey_user_not_verified");
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> platform.mint(INDIVIDUAL, v, honest))
        .satisfies(
            e -> is(e, ApiErrorCode.PASSKEY_CHALLENGE_USED, "/data/attributes/verificationToken"));
  }

  @Test
  void register_refusals_ownCodeAndPointerAndNothingStored() throws Exception {
    Map<Bend, ApiErrorCode> cases = new LinkedHashMap<>();
    cases.put(Bend.none().origin("https://evil.example"), ApiErrorCode.PASSKEY_ORIGIN_MISMATCH);
    cases.put(Bend.none().rpId("evil.example"), ApiErrorCode.PASSKEY_RP_ID_MISMATCH);
    cases.put(Bend.none().withoutUserVerification(), ApiErrorCode.PASSKEY_USER_NOT_VERIFIED);
    cases.put(Bend.none().challenge(new byte[32]), ApiErrorCode.PASSKEY_CHALLENGE_MISMATCH);
    cases.put(Bend.none().type("webauthn.get"), ApiErrorCode.PASSKEY_CHALLENGE_MISMATCH);
    for (Map.Entry<Bend, ApiErrorCode> c : cases.entrySet()) {
      PasskeyRegistration started = platform.passkeys.startRegistration(platform.org(), BUSINESS);
      Map<String, Object> credential =
          SoftwareAuthenticator.es256().register(started.creationOptions(), ORIGIN, c.getKey());
      ApiException e =
          assertThatExceptionOfType(ApiException.class)
              .isThrownBy(
                  () ->
                      platform.passkeys.register(
                          platform.org(), BUSINESS, started.verificationToken(), credential, ""))
              .actual();
      assertThat(e.error().code()).isEqualTo(c.getValue());
      assertThat(e.error().pointer().orElseThrow()).startsWith(CREDENTIAL + "/");
    }
    assertThat(platform.passkeys.list(platform.org(), BUSINESS)).isEmpty();
  }

  @Test
  void register_algorithmNotAllowed_refused() throws Exception {
    PasskeyRelyingParty es256Only =
        PasskeyRelyingParty.builder()
            .id("bank.example")
            .name("Example Bank")
            .origins(ORIGIN)
            .userHandleKey(new byte[32])
            .algorithms(PasskeyRelyingParty.ES256)
            .build();
    Passkeys strict =
        Passkeys.builder()
            .relyingParty(es256Only)
            .otpEngine(platform.otp)
            .authorizer(platform.authorizer)
            .directory(platform.directory)
            .clock(platform.time)
            .build();
    PasskeyRegistration started = strict.startRegistration(platform.org(), BUSINESS);
    Map<String, Object> credential =
        SoftwareAuthenticator.eddsa().register(started.creationOptions(), ORIGIN);

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () ->
                    strict.register(
                        platform.org(), BUSINESS, started.verificationToken(), credential, ""))
            .actual();

    is(e, ApiErrorCode.PASSKEY_ALGORITHM_NOT_ALLOWED, CREDENTIAL + "/response/attestationObject");
  }

  @Test
  void register_malformedAttestationObject_malformedAuthenticatorData() throws Exception {
    PasskeyRegistration started = platform.passkeys.startRegistration(platform.org(), BUSINESS);
    Map<String, Object> credential =
        withResponse(
            SoftwareAuthenticator.es256().register(started.creationOptions(), ORIGIN),
            "attestationObject",
            "oWFhAQ");

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () ->
                    platform.passkeys.register(
                        platform.org(), BUSINESS, started.verificationToken(), credential, ""))
            .actual();

    is(
        e,
        ApiErrorCode.PASSKEY_MALFORMED_AUTHENTICATOR_DATA,
        CREDENTIAL + "/response/attestationObject");
  }

  private static Map<String, Object> with(Map<String, Object> json, String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(json);
    copy.put(name, value);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withResponse(
      Map<String, Object> json, String name, Object value) {
    return with(json, "response", with((Map<String, Object>) json.get("response"), name, value));
  }
}
