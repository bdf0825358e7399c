package dev.custos.passkey;

import static dev.custos.passkey.PasskeyPlatform.BUSINESS;
import static dev.custos.passkey.PasskeyPlatform.INACTIVE;
import static dev.custos.passkey.PasskeyPlatform.INDIVIDUAL;
import static dev.custos.passkey.PasskeyPlatform.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.customer.CustomerTokenAttributes;
import dev.custos.customer.PasskeyVerification;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.Channel;
import dev.custos.passkey.testing.SoftwareAuthenticator;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.TokenRequest;
import dev.custos.token.TwoFactorMethod;
import dev.custos.token.VerifiedToken;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Enrolment, listing, deletion and a two-factor token on a passkey, as a library. */
class PasskeysTest {
  private final PasskeyPlatform platform = new PasskeyPlatform();

  @Test
  void enrolThenVerify_es256_mintsPaymentsWriteRecordingThePasskey() throws Exception {
    SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
    PasskeyCredential enrolled = platform.enrol(phone, INDIVIDUAL);

    VerifiedToken token = platform.verifier.verify(platform.mintWith(phone, INDIVIDUAL).token());

    assertThat(enrolled.algorithm()).isEqualTo(PasskeyRelyingParty.ES256);
    assertThat(enrolled.credentialIdBase64Url()).isEqualTo(phone.credentialId());
    assertThat(enrolled.transports()).containsExactly("internal");
    assertThat(enrolled.backupEligible()).isTrue();
    assertThat(token.scopes().toString()).isEqualTo("payments-write");
    assertThat(token.twoFactorMethod()).contains(TwoFactorMethod.PASSKEY);
    assertThat(platform.sender.messages()).isEmpty();
  }

  @Test
  void enrolThenVerify_eddsa_mints() throws Exception {
    SoftwareAuthenticator key = SoftwareAuthenticator.eddsa();

    assertThat(platform.enrol(key, INDIVIDUAL).algorithm()).isEqualTo(PasskeyRelyingParty.EDDSA);
    assertThat(platform.mintWith(key, INDIVIDUAL).token()).startsWith("v2.public.");
  }

  @Test
  void verify_passkeyWithoutCounter_mintsEveryTime() throws Exception {
    SoftwareAuthenticator synced = SoftwareAuthenticator.es256WithoutCounter();
    platform.enrol(synced, INDIVIDUAL);

    platform.mintWith(synced, INDIVIDUAL);
    platform.mintWith(synced, INDIVIDUAL);

    assertThat(platform.passkeys.list(platform.org(), INDIVIDUAL))
        .singleElement()
        .satisfies(p -> assertThat(p.signCount()).isZero());
  }

  @Test
  void startRegistration_options_userHandleIsNoCustomerIdAndUserVerificationRequired()
      throws Exception {
    SoftwareAuthenticator first = SoftwareAuthenticator.es256();
    platform.enrol(first, INDIVIDUAL);

    Map<String, Object> options =
        platform.passkeys.startRegistration(platform.org(), INDIVIDUAL).creationOptions();

    @SuppressWarnings("unchecked")
    Map<String, Object> user = (Map<String, Object>) options.get("user");
    byte[] handle = Base64.getUrlDecoder().decode((String) user.get("id"));
    assertThat(handle).hasSize(32);
    assertThat(new String(handle, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(INDIVIDUAL);
    assertThat(options.get("rp")).isEqualTo(Map.of("id", "bank.example", "name", "Example Bank"));
    assertThat(options.get("attestation")).isEqualTo("none");
    assertThat(options.get("authenticatorSelection"))
        .isEqualTo(
            Map.of(
                "residentKey", "preferred",
                "requireResidentKey", false,
                "userVerification", "required"));
    assertThat(options.get("pubKeyCredParams"))
        .isEqualTo(
            List.of(
                Map.of("type", "public-key", "alg", -7), Map.of("type", "public-key", "alg", -8)));
    assertThat(options.get("excludeCredentials"))
        .isEqualTo(
            List.of(
                Map.of(
                    "type", "public-key",
                    "id", first.credentialId(),
                    "transports", List.of("internal"))));
  }

  @Test
  void requestOptions_listTheCustomersPasskeysOnlyAndRequireUserVerification() throws Exception {
    SoftwareAuthenticator mine = SoftwareAuthenticator.es256();
    platform.enrol(mine, INDIVIDUAL);
    platform.enrol(SoftwareAuthenticator.es256(), BUSINESS);

    PasskeyVerification v = platform.service.createPasskeyVerification(platform.org(), INDIVIDUAL);

    assertThat(v.requestOptions())
        .containsEntry("rpId", "bank.example")
        .containsEntry("userVerification", "required")
        .containsEntry(
            "allowCredentials",
            List.of(
                Map.of(
                    "type", "public-key",
                    "id", mine.credentialId(),
                    "transports", List.of("internal"))));
  }

  @Test
  void createPasskeyVerification_customerWithoutPasskeys_refusedAndThePendingCodeStillWorks()
      throws Exception {
    String smsToken =
        platform
            .service
            .createVerification(
                platform.org(),
                INDIVIDUAL,
                dev.custos.customer.VerificationAttributes.of(Channel.SMS))
            .verificationToken();
    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () -> platform.service.createPasskeyVerification(platform.org(), INDIVIDUAL))
            .actual();

    assertThat(e.error().pointer()).contains("/data/attributes/channel");
    assertThat(
            platform
                .service
                .createToken(
                    platform.org(),
                    INDIVIDUAL,
                    CustomerTokenAttributes.of("payments-write")
                        .withVerificationToken(smsToken)
                        .withVerificationCode(platform.sender.lastCode()))
                .token())
        .isNotEmpty();
  }

  @Test
  void delete_thenVerification_refusedAndListEmpty() throws Exception {
    SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
    PasskeyCredential p = platform.enrol(phone, INDIVIDUAL);
    PasskeyVerification pending =
        platform.service.createPasskeyVerification(platform.org(), INDIVIDUAL);

    platform.passkeys.delete(platform.org(), INDIVIDUAL, p.credentialIdBase64Url());

    assertThat(platform.passkeys.list(platform.org(), INDIVIDUAL)).isEmpty();
    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () ->
                    platform.mint(
                        INDIVIDUAL, pending, phone.assertion(pending.requestOptions(), ORIGIN)))
            .actual();
    assertThat(e.error().code()).isEqualTo(ApiErrorCode.PASSKEY_UNKNOWN_CREDENTIAL);
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(
            () -> platform.passkeys.delete(platform.org(), INDIVIDUAL, p.credentialIdBase64Url()))
        .satisfies(x -> assertThat(x.error().code()).isEqualTo(ApiErrorCode.NOT_FOUND));
  }

  /** One assertion sent from many threads at once: one token, every other request refused. */
  @Test
  void mint_sameAssertionFromManyThreads_exactlyOneToken() throws Exception {
    SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
    platform.enrol(phone, INDIVIDUAL);
    PasskeyVerification v = platform.service.createPasskeyVerification(platform.org(), INDIVIDUAL);
    Map<String, Object> assertion = phone.assertion(v.requestOptions(), ORIGIN);
    int threads = 16;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    try {
      List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    platform.mint(INDIVIDUAL, v, assertion);
                    return "minted";
                  } catch (ApiException e) {
                    return e.error().code().code();
                  }
                }));
      }
      go.countDown();
      List<String> outcomes = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<String> r : results) {
        outcomes.add(r.get());
      }
      assertThat(outcomes).filteredOn("minted"::equals).hasSize(1);
      assertThat(outcomes)
          .filteredOn(o -> !o.equals("minted"))
          .allMatch(
              o ->
                  o.equals("passkey_challenge_used")
                      || o.equals("passkey_counter_regressed")
                      || o.equals("verification_attempts_exceeded"));
    } finally {
      pool.shutdownNow();
    }
  }

  /** PSD2 dynamic linking: the passkey signs a challenge of that one payment. */
  @Test
  void mint_paymentOnAPasskey_approvesThatPaymentOnly() throws Exception {
    SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
    platform.enrol(phone, INDIVIDUAL);
    dev.custos.otp.Transaction payment = dev.custos.otp.Transaction.of("12.50", "EUR", "Acme Ltd");
    PasskeyVerification v =
        platform.service.createPasskeyVerification(platform.org(), INDIVIDUAL, payment);
    Map<String, Object> assertion = phone.assertion(v.requestOptions(), ORIGIN);

    ApiException other =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () ->
                    platform.service.createToken(
                        platform.org(),
                        INDIVIDUAL,
                        CustomerTokenAttributes.of("payments-write")
                            .withVerificationToken(v.verificationToken())
                            .withPasskeyAssertion(Json.write(assertion))
                            .withTransaction(
                                dev.custos.otp.Transaction.of("99.00", "EUR", "Acme Ltd"))))
            .actual();
    VerifiedToken token =
        platform.verifier.verify(
            platform
                .service
                .createToken(
                    platform.org(),
                    INDIVIDUAL,
                    CustomerTokenAttributes.of("payments-write")
                        .withVerificationToken(v.verificationToken())
                        .withPasskeyAssertion(
                            Json.write(phone.assertion(v.requestOptions(), ORIGIN)))
                        .withTransaction(payment))
                .token());

    assertThat(other.error().code()).isEqualTo(ApiErrorCode.PASSKEY_CHALLENGE_MISMATCH);
    assertThat(token.transactionDigest())
        .hasValueSatisfying(d -> assertThat(d).isEqualTo(payment.digest()));
    assertThat(token.twoFactorMethod()).contains(TwoFactorMethod.PASSKEY);
  }

  @Test
  void register_sameAuthenticatorTwice_conflict() throws Exception {
    SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
    platform.enrol(phone, INDIVIDUAL);

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> platform.enrol(phone, INDIVIDUAL))
            .actual();

    assertThat(e.error().code()).isEqualTo(ApiErrorCode.PASSKEY_ALREADY_REGISTERED);
    assertThat(e.error().status()).isEqualTo(409);
  }

  @Test
  void register_sameRegistrationTwice_secondFindsNoChallenge() throws Exception {
    PasskeyRegistration started = platform.passkeys.startRegistration(platform.org(), INDIVIDUAL);
    Map<String, Object> credential =
        SoftwareAuthenticator.es256().register(started.creationOptions(), ORIGIN);
    platform.passkeys.register(
        platform.org(), INDIVIDUAL, started.verificationToken(), credential, "");

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () ->
                    platform.passkeys.register(
                        platform.org(), INDIVIDUAL, started.verificationToken(), credential, ""))
            .actual();

    assertThat(e.error().code()).isEqualTo(ApiErrorCode.VERIFICATION_NOT_FOUND);
    assertThat(platform.passkeys.list(platform.org(), INDIVIDUAL)).hasSize(1);
  }

  /** The 5-minute rule: a customer token enrols only within 5 minutes of its verification. */
  @Test
  void startRegistration_customerTokenVerifiedFiveMinutesAgoThenSix_allowedThenRefused()
      throws Exception {
    VerifiedToken customer = customerToken(INDIVIDUAL, "customer-token-write", null);
    platform.time.advance(Duration.ofMinutes(5));
    platform.passkeys.startRegistration(customer, INDIVIDUAL);
    platform.time.advance(Duration.ofSeconds(1));

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> platform.passkeys.startRegistration(customer, INDIVIDUAL))
            .actual();

    assertThat(e.error().code()).isEqualTo(ApiErrorCode.RECENT_VERIFICATION_REQUIRED);
    assertThat(e.error().status()).isEqualTo(403);
  }

  @Test
  void startRegistration_tokensThatMayNot_refused() throws Exception {
    List<VerifiedToken> callers =
        List.of(
            customerToken(INDIVIDUAL, "customers", null),
            customerToken(BUSINESS, "customer-token-write", "au-1"),
            platform.org("customers customers-write"),
            platform.verifier.verify(
                platform
                    .minter
                    .mint(
                        TokenRequest.customer(
                                INDIVIDUAL, ScopeCatalog.unit().parse("customer-token-write"))
                            .twoFactorVerified())
                    .token()));

    for (VerifiedToken caller : callers) {
      String customer = caller.customerId().orElse(INDIVIDUAL);
      String target = caller.role() == dev.custos.scopes.TokenRole.ORG ? INDIVIDUAL : customer;
      assertThatExceptionOfType(ApiException.class)
          .as(caller.toString())
          .isThrownBy(() -> platform.passkeys.startRegistration(caller, target))
          .satisfies(e -> assertThat(e.error().status()).isEqualTo(403));
    }
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(
            () ->
                platform.passkeys.startRegistration(
                    customerToken(INDIVIDUAL, "customer-token-write", null), BUSINESS))
        .satisfies(e -> assertThat(e.error().status()).isEqualTo(403));
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> platform.passkeys.startRegistration(platform.org(), INACTIVE))
        .satisfies(e -> assertThat(e.error().code()).isEqualTo(ApiErrorCode.CUSTOMER_NOT_ACTIVE));
  }

  @Test
  void createToken_passkeyForAnAuthorizedUsersToken_refused() throws Exception {
    SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
    platform.enrol(phone, BUSINESS);
    PasskeyVerification v = platform.service.createPasskeyVerification(platform.org(), BUSINESS);

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () ->
                    platform.service.createToken(
                        platform.org(),
                        BUSINESS,
                        CustomerTokenAttributes.of("payments-write")
                            .withVerificationToken(v.verificationToken())
                            .withPasskeyAssertion(
                                Json.write(phone.assertion(v.requestOptions(), ORIGIN)))
                            .withAuthorizedUser("au-1")))
            .actual();

    assertThat(e.error().pointer()).contains("/data/attributes/passkeyAssertion");
  }

  @Test
  void createVerification_smsAfterAPasskeyVerification_supersedesIt() throws Exception {
    SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
    platform.enrol(phone, INDIVIDUAL);
    PasskeyVerification v = platform.service.createPasskeyVerification(platform.org(), INDIVIDUAL);
    platform.service.createVerification(
        platform.org(), INDIVIDUAL, dev.custos.customer.VerificationAttributes.of(Channel.SMS));

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () -> platform.mint(INDIVIDUAL, v, phone.assertion(v.requestOptions(), ORIGIN)))
            .actual();

    assertThat(e.error().code()).isEqualTo(ApiErrorCode.PASSKEY_CHALLENGE_USED);
  }

  /** A customer token of this customer with these scopes, verified now by a code. */
  private VerifiedToken customerToken(String customerId, String scopes, String user)
      throws Exception {
    TokenRequest request =
        TokenRequest.customer(customerId, ScopeCatalog.unit().parse(scopes))
            .twoFactorVerified(TwoFactorMethod.CODE, platform.time.instant());
    if (user != null) {
      request = request.forAuthorizedUser(user);
    }
    return platform.verifier.verify(platform.minter.mint(request).token());
  }
}
