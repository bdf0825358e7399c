package dev.custos.customer;

import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.otp.Channel;
import dev.custos.otp.Transaction;
import dev.custos.token.MintedToken;
import dev.custos.token.VerifiedToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A token bound to one payment (PSD2's dynamic linking): minted on a verification of that payment,
 * one payment scope, five minutes, and used up by its payment.
 */
class PaymentTokenTest {
  private static final Transaction PAYMENT = Transaction.of("12.50", "EUR", "Acme Ltd");

  private final TestPlatform platform = new TestPlatform();
  private final dev.custos.authz.RequestAuthorizer authorizer = platform.authorizer;
  private final VerifiedToken org;

  PaymentTokenTest() throws Exception {
    org = platform.authorizer.authenticate(platform.orgHeader());
  }

  private String verify(Transaction payment) throws ApiException {
    return platform
        .service
        .createVerification(
            org, INDIVIDUAL, VerificationAttributes.of(Channel.SMS).withTransaction(payment))
        .verificationToken();
  }

  private CustomerTokenAttributes attributes(String token, Transaction payment) {
    return CustomerTokenAttributes.of("payments-write")
        .withVerificationToken(token)
        .withVerificationCode(platform.sender.lastCode())
        .withTransaction(payment);
  }

  private VerifiedToken mint(Transaction payment) throws Exception {
    return platform.verifier.verify(minted(payment).token());
  }

  private MintedToken minted(Transaction payment) throws Exception {
    String token = verify(payment);
    return platform.service.createToken(org, INDIVIDUAL, attributes(token, payment));
  }

  private ApiException refused(CustomerTokenAttributes attributes) {
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> platform.service.createToken(org, INDIVIDUAL, attributes))
        .actual();
  }

  @Test
  void createToken_verifiedPayment_boundShortLivedTwoFactorToken() throws Exception {
    VerifiedToken token = mint(PAYMENT);

    assertThat(platform.sender.last().body()).contains("12.50 EUR", "Acme Ltd");
    assertThat(token.transactionDigest())
        .hasValueSatisfying(d -> assertThat(d).isEqualTo(PAYMENT.digest()));
    assertThat(token.scopes().toString()).isEqualTo("payments-write");
    assertThat(Duration.between(token.issuedAt(), token.expiresAt()))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(token.twoFactorVerified()).isTrue();
  }

  @Test
  void createToken_anotherPaymentThanVerified_aWrongCode() throws Exception {
    String token = verify(PAYMENT);

    ApiException e = refused(attributes(token, Transaction.of("12.50", "EUR", "Acme Ltd.")));

    assertThat(e.error().code()).isEqualTo(ApiErrorCode.INCORRECT_VERIFICATION_CODE);
    assertThat(e.error().meta()).containsEntry("attemptsLeft", 4);
  }

  @Test
  void createToken_paymentTokenRules_refusedAtTheAttribute() throws Exception {
    String token = verify(PAYMENT);
    Map<String, CustomerTokenAttributes> cases =
        Map.of(
            "scope",
            CustomerTokenAttributes.of("payments-write accounts")
                .withVerificationToken(token)
                .withVerificationCode("000000")
                .withTransaction(PAYMENT),
            "upgradableScope",
            attributes(token, PAYMENT).withUpgradableScope("payments-write"),
            "expiresIn",
            attributes(token, PAYMENT).withExpiresIn(301),
            "jwtToken",
            CustomerTokenAttributes.of("payments-write")
                .withJwtToken("a.b.c")
                .withTransaction(PAYMENT),
            "verificationToken",
            CustomerTokenAttributes.of("payments-write").withTransaction(PAYMENT));
    for (Map.Entry<String, CustomerTokenAttributes> c : cases.entrySet()) {
      assertThat(refused(c.getValue()).error().pointer())
          .as(c.getKey())
          .contains("/data/attributes/" + c.getKey());
    }
    assertThat(
            platform
                .service
                .createToken(org, INDIVIDUAL, attributes(token, PAYMENT).withExpiresIn(60))
                .expiresIn())
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void payments_theBoundPayment_onceThenUsedAndTheTokenRevoked() throws Exception {
    String bearer = "Bearer " + minted(PAYMENT).token();
    VerifiedToken token = platform.authorizer.authenticate(bearer);

    platform.authorizer.payments().authorize(token, Transaction.of("12.5", "EUR", " Acme Ltd"));
    ApiException again =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> platform.authorizer.payments().authorize(token, PAYMENT))
            .actual();

    assertThat(again.error().code()).isEqualTo(ApiErrorCode.BOUND_TOKEN_USED);
    assertThat(again.error().status()).isEqualTo(403);
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> platform.authorizer.authenticate(bearer))
        .satisfies(e -> assertThat(e.error().status()).isEqualTo(401));
  }

  @Test
  void cardholderTokens_aPaymentOrAPasskey_refusedNotIgnored() throws Exception {
    CardholderTokenService cardholders = platform.service.cardholderTokens();
    VerifiedToken org =
        platform.authorizer.authenticate(
            platform.orgHeader("customers customer-token-write cards-write"));

    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(
            () ->
                cardholders.createVerification(
                    org,
                    TestPlatform.INDIVIDUAL_CARD,
                    VerificationAttributes.of(Channel.SMS).withTransaction(PAYMENT)))
        .satisfies(e -> assertThat(e.error().pointer()).contains("/data/attributes/transaction"));
    for (CustomerTokenAttributes attributes :
        List.of(
            CustomerTokenAttributes.of("cards").withTransaction(PAYMENT),
            CustomerTokenAttributes.of("cards").withPasskeyAssertion("{}"))) {
      assertThatExceptionOfType(ApiException.class)
          .isThrownBy(() -> cardholders.createToken(org, TestPlatform.INDIVIDUAL_CARD, attributes))
          .satisfies(e -> assertThat(e.error().status()).isEqualTo(400));
    }
  }

  /** The README's payment check, as a host's payment endpoint would make it. */
  @Test
  void readme_paymentCheck_asShownAndItPaysOnce() throws Exception {
    String header = "Bearer " + minted(PAYMENT).token();

    assertThat(pay(header, "12.50", "EUR", "Acme Ltd")).isEqualTo("paid");
    assertThat(
            dev.custos.testing.ReadmeText.section(
                java.nio.file.Path.of("..", "README.md"),
                "## Payments in the EU and UK (PSD2 dynamic linking)"))
        .contains(
            "```java\n"
                + dev.custos.testing.ReadmeText.marked(
                    java.nio.file.Path.of(
                        "src/test/java/dev/custos/customer/PaymentTokenTest.java"),
                    "payments")
                + "```");
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> pay(header, "12.50", "EUR", "Acme Ltd"));
  }

  // README:payments
  String pay(String authorization, String amount, String currency, String payee)
      throws ApiException {
    VerifiedToken caller = authorizer.authenticate(authorization);
    // The payment as this request states it; a token bound to any other is refused (403), and
    // this one is used up on every instance: a second request with it gets 401.
    authorizer.payments().authorize(caller, Transaction.of(amount, currency, payee));
    return "paid"; // make the payment, with exactly these elements
  }

  // README:end

  @Test
  void payments_anotherPaymentOrAnUnboundToken_refusedAndNothingUsed() throws Exception {
    VerifiedToken token = mint(PAYMENT);
    VerifiedToken unbound =
        platform.authorizer.authenticate(
            "Bearer "
                + platform
                    .service
                    .createToken(org, INDIVIDUAL, CustomerTokenAttributes.of("accounts"))
                    .token());

    for (Transaction other :
        List.of(
            Transaction.of("12.51", "EUR", "Acme Ltd"),
            Transaction.of("12.50", "USD", "Acme Ltd"),
            Transaction.of("12.50", "EUR", "\u0410cme Ltd"))) {
      assertThatExceptionOfType(ApiException.class)
          .isThrownBy(() -> platform.authorizer.payments().authorize(token, other))
          .satisfies(
              e -> assertThat(e.error().code()).isEqualTo(ApiErrorCode.TRANSACTION_MISMATCH));
    }
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> platform.authorizer.payments().authorize(unbound, PAYMENT))
        .satisfies(e -> assertThat(e.error().code()).isEqualTo(ApiErrorCode.TRANSACTION_NOT_BOUND));
    platform.authorizer.payments().authorize(token, PAYMENT);
  }

  @Test
  void payments_oneTokenFromManyThreads_onePayment() throws Exception {
    VerifiedToken token = mint(PAYMENT);
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Boolean>> paid = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        paid.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    platform.authorizer.payments().authorize(token, PAYMENT);
                    return true;
                  } catch (ApiException e) {
                    assertThat(e.error().code()).isEqualTo(ApiErrorCode.BOUND_TOKEN_USED);
                    return false;
                  }
                }));
      }
      go.countDown();
      int payments = 0;
      for (Future<Boolean> p : paid) {
        payments += p.get() ? 1 : 0;
      }
      assertThat(payments).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void endpoints_transactionMembers_refusedAtTheirPointers() throws Exception {
    Map<String, Object> bad =
        Map.of(
            "amount", Map.of("amount", "12.345", "currency", "EUR", "payee", "Acme"),
            "currency", Map.of("amount", "1", "currency", "eur", "payee", "Acme"),
            "payee", Map.of("amount", "1", "currency", "EUR", "payee", "Ac\u200bme"),
            "extra", Map.of("amount", "1", "currency", "EUR", "payee", "Acme", "extra", "x"));
    for (Map.Entry<String, Object> c : bad.entrySet()) {
      JsonApiResponse response =
          platform.createVerification(
              platform.orgHeader(),
              INDIVIDUAL,
              TestPlatform.verificationRequest(
                  Map.of("channel", "sms", "transaction", c.getValue())));
      assertThat(response.status()).as(c.getKey()).isEqualTo(400);
      assertThat(TestPlatform.read(response, "errors", "0", "source", "pointer"))
          .isEqualTo("/data/attributes/transaction/" + c.getKey());
    }
    JsonApiResponse started =
        platform.createVerification(
            platform.orgHeader(),
            INDIVIDUAL,
            TestPlatform.verificationRequest(
                Map.of(
                    "channel",
                    "sms",
                    "transaction",
                    Map.of("amount", "12.5", "currency", "EUR", "payee", "Acme Ltd"))));
    JsonApiResponse minted =
        platform.createToken(
            platform.orgHeader(),
            INDIVIDUAL,
            TestPlatform.tokenRequest(
                Map.of(
                    "scope",
                    "payments-write",
                    "verificationToken",
                    TestPlatform.read(started, "data", "attributes", "verificationToken"),
                    "verificationCode",
                    platform.sender.lastCode(),
                    "transaction",
                    Map.of("amount", "12.50", "currency", "EUR", "payee", "Acme Ltd"))));
    assertThat(minted.status()).as(minted.body()).isEqualTo(201);
  }
}
