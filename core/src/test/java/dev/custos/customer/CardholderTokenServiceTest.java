package dev.custos.customer;

import static dev.custos.core.testing.TestPlatform.AUTHORIZED_USER_PHONE;
import static dev.custos.core.testing.TestPlatform.BUSINESS;
import static dev.custos.core.testing.TestPlatform.BUSINESS_CARD;
import static dev.custos.core.testing.TestPlatform.BUSINESS_PHONE;
import static dev.custos.core.testing.TestPlatform.CARDHOLDER_PHONE;
import static dev.custos.core.testing.TestPlatform.CLOSED_CARD;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL_CARD;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL_OTHER_CARD;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL_PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.Channel;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationChallenge;
import dev.custos.scopes.Scope;
import dev.custos.token.Resources;
import dev.custos.token.TokenRequest;
import dev.custos.token.VerifiedToken;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cardholder tokens: a code to the card's phone, a token that reaches that card and nothing else,
 * and a card's challenges that are never a customer's (nor another card's).
 */
class CardholderTokenServiceTest {
  private final TestPlatform platform = new TestPlatform();
  private final CardholderTokenService cardholders = platform.service.cardholderTokens();

  private VerifiedToken org(String scopes) throws Exception {
    return platform.authorizer.authenticate(platform.orgHeader(scopes));
  }

  private VerifiedToken org() throws Exception {
    return org("cards-write");
  }

  private Scope scope(String name) {
    return platform.catalog.find(name).orElseThrow();
  }

  private VerificationChallenge verification(VerifiedToken caller, String card) throws Exception {
    return cardholders.createVerification(caller, card, VerificationAttributes.of(Channel.SMS));
  }

  /** A cardholder token minted after the card's code. */
  private VerifiedToken cardholderToken(String card, String scope, String upgradable)
      throws Exception {
    VerificationChallenge challenge = verification(org(), card);
    CustomerTokenAttributes attributes =
        CustomerTokenAttributes.of(scope)
            .withVerificationToken(challenge.verificationToken())
            .withVerificationCode(platform.sender.lastCode());
    if (upgradable != null) {
      attributes = attributes.withUpgradableScope(upgradable);
    }
    return platform.verifier.verify(cardholders.createToken(org(), card, attributes).token());
  }

  private static ApiException refusal(ThrowingCall call) {
    return assertThatExceptionOfType(ApiException.class).isThrownBy(call::run).actual();
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void createVerification_businessCard_sendsTheCodeToTheCardsPhone() throws Exception {
    verification(org(), BUSINESS_CARD);

    assertThat(platform.sender.last().phone()).isEqualTo(CARDHOLDER_PHONE);
    assertThat(platform.sender.last().customerId()).isEqualTo("cardholder:" + BUSINESS_CARD);
  }

  @Test
  void createVerification_cardWithoutPhone_sendsTheCodeToTheCustomersPhone() throws Exception {
    verification(org(), INDIVIDUAL_CARD);

    assertThat(platform.sender.last().phone()).isEqualTo(INDIVIDUAL_PHONE);
  }

  @Test
  void createVerification_namedPhoneOfAnAuthorizedUserOrTheContact_sendsThere() throws Exception {
    for (Phone phone : new Phone[] {AUTHORIZED_USER_PHONE, BUSINESS_PHONE}) {
      cardholders.createVerification(
          org(), BUSINESS_CARD, VerificationAttributes.of(Channel.CALL).withPhone(phone));
      assertThat(platform.sender.last().phone()).isEqualTo(phone);
      platform.time.advance(Duration.ofMinutes(1)); // past the resend cooldown
    }
  }

  @Test
  void createVerification_namedPhoneOfNobody_isRefusedAtThePhone() throws Exception {
    ApiException refused =
        refusal(
            () ->
                cardholders.createVerification(
                    org(),
                    BUSINESS_CARD,
                    VerificationAttributes.of(Channel.SMS).withPhone(Phone.of("1", "5555550999"))));

    assertThat(refused.error().code()).isEqualTo(ApiErrorCode.INVALID_VALUE);
    assertThat(refused.error().pointer()).contains("/data/attributes/phone");
    assertThat(platform.sender.messages()).isEmpty();
  }

  @Test
  void createVerification_namedPhoneForAnIndividualsCard_isRefusedAtThePhone() throws Exception {
    ApiException refused =
        refusal(
            () ->
                cardholders.createVerification(
                    org(),
                    INDIVIDUAL_CARD,
                    VerificationAttributes.of(Channel.SMS).withPhone(INDIVIDUAL_PHONE)));

    assertThat(refused.error().pointer()).contains("/data/attributes/phone");
  }

  @Test
  void createToken_afterTheCardsCode_reachesThatCardOnly() throws Exception {
    VerifiedToken token = cardholderToken(BUSINESS_CARD, "cards cards-sensitive", null);

    assertThat(token.customerId()).contains(BUSINESS);
    assertThat(token.twoFactorVerified()).isTrue();
    assertThat(token.resources()).isEqualTo(Resources.of(Set.of(), Set.of(BUSINESS_CARD)));
    platform.authorizer.authorizeCard(token, scope("cards-sensitive"), BUSINESS, "7002", "10002");
    // Another card of the same customer, under the same account: as if it did not exist.
    assertThat(
            refusal(
                    () ->
                        platform.authorizer.authorizeCard(
                            token, scope("cards"), BUSINESS, CLOSED_CARD, "10002"))
                .status())
        .isEqualTo(404);
    assertThat(
            refusal(() -> platform.authorizer.authorizeAccountOwner(token, BUSINESS, "10002"))
                .status())
        .isEqualTo(404);
    // No account, customer or payment scope: every other endpoint is a 403 at the scope.
    for (String other : new String[] {"accounts", "customers", "payments", "transactions"}) {
      assertThat(refusal(() -> platform.authorizer.authorizeScope(token, scope(other))).status())
          .isEqualTo(403);
    }
  }

  @Test
  void createToken_scopeBeyondTheCardScopes_isRefusedAtTheScope() throws Exception {
    for (String scope : new String[] {"cards accounts", "customers", "payments-write"}) {
      ApiException refused =
          refusal(
              () ->
                  cardholders.createToken(org(), BUSINESS_CARD, CustomerTokenAttributes.of(scope)));
      assertThat(refused.error().code()).isEqualTo(ApiErrorCode.INVALID_VALUE);
      assertThat(refused.error().pointer()).contains("/data/attributes/scope");
    }
  }

  @Test
  void createToken_resourcesOrJwt_areRefusedAtTheirAttribute() throws Exception {
    assertThat(
            refusal(
                    () ->
                        cardholders.createToken(
                            org(),
                            BUSINESS_CARD,
                            CustomerTokenAttributes.of("cards")
                                .withResources(Resources.of(Set.of("10002"), Set.of()))))
                .error()
                .pointer())
        .contains("/data/attributes/resources");
    assertThat(
            refusal(
                    () ->
                        cardholders.createToken(
                            org(),
                            BUSINESS_CARD,
                            CustomerTokenAttributes.of("cards").withJwtToken("a.b.c")))
                .error()
                .pointer())
        .contains("/data/attributes/jwtToken");
  }

  @Test
  void createToken_twoFactorScopeWithoutCode_isRefusedAtTheVerificationToken() throws Exception {
    ApiException refused =
        refusal(
            () ->
                cardholders.createToken(
                    org(), BUSINESS_CARD, CustomerTokenAttributes.of("cards-sensitive")));

    assertThat(refused.error().pointer()).contains("/data/attributes/verificationToken");
  }

  @Test
  void createToken_anotherCardsVerification_isNotFound() throws Exception {
    VerificationChallenge challenge = verification(org(), INDIVIDUAL_CARD);
    String code = platform.sender.lastCode();

    ApiException refused =
        refusal(
            () ->
                cardholders.createToken(
                    org(),
                    INDIVIDUAL_OTHER_CARD,
                    CustomerTokenAttributes.of("cards-sensitive")
                        .withVerificationToken(challenge.verificationToken())
                        .withVerificationCode(code)));

    assertThat(refused.error().code()).isEqualTo(ApiErrorCode.VERIFICATION_NOT_FOUND);
  }

  @Test
  void customerToken_withACardholdersVerification_isNotFound() throws Exception {
    // The card's phone is not the business's: its code must never open the business's accounts.
    VerificationChallenge challenge = verification(org(), BUSINESS_CARD);
    String code = platform.sender.lastCode();

    ApiException refused =
        refusal(
            () ->
                platform.service.createToken(
                    org("customer-token-write"),
                    BUSINESS,
                    CustomerTokenAttributes.of("accounts-write")
                        .withVerificationToken(challenge.verificationToken())
                        .withVerificationCode(code)));

    assertThat(refused.error().code()).isEqualTo(ApiErrorCode.VERIFICATION_NOT_FOUND);
  }

  @Test
  void createToken_withACustomersVerification_isNotFound() throws Exception {
    VerificationChallenge challenge =
        platform.service.createVerification(
            org("customers"), INDIVIDUAL, VerificationAttributes.of(Channel.SMS));
    String code = platform.sender.lastCode();

    ApiException refused =
        refusal(
            () ->
                cardholders.createToken(
                    org(),
                    INDIVIDUAL_CARD,
                    CustomerTokenAttributes.of("cards-sensitive")
                        .withVerificationToken(challenge.verificationToken())
                        .withVerificationCode(code)));

    assertThat(refused.error().code()).isEqualTo(ApiErrorCode.VERIFICATION_NOT_FOUND);
  }

  @Test
  void callerWithoutCardsWrite_isForbiddenBeforeTheCardIsLookedUp() throws Exception {
    VerifiedToken caller = org("customers customer-token-write cards");

    assertThat(refusal(() -> verification(caller, BUSINESS_CARD)).status()).isEqualTo(403);
    assertThat(refusal(() -> verification(caller, "999999")).status()).isEqualTo(403);
  }

  @Test
  void cardTheCallerCannotReach_isAnsweredAsOneThatDoesNotExist() throws Exception {
    VerifiedToken limitedOrg =
        platform.verifier.verify(
            platform
                .minter
                .mint(
                    TokenRequest.org(platform.catalog.parse("cards-write"))
                        .limitedTo(Resources.of(Set.of(), Set.of(INDIVIDUAL_CARD))))
                .token());
    VerifiedToken otherCustomer = cardholderToken(INDIVIDUAL_CARD, "cards cards-write", null);

    ApiException unknown = refusal(() -> verification(org(), "999999"));
    ApiException outsideResources = refusal(() -> verification(limitedOrg, BUSINESS_CARD));
    ApiException anotherCustomers = refusal(() -> verification(otherCustomer, BUSINESS_CARD));

    assertThat(unknown.error().code()).isEqualTo(ApiErrorCode.NOT_FOUND);
    assertThat(outsideResources.error()).isEqualTo(unknown.error());
    assertThat(anotherCustomers.error()).isEqualTo(unknown.error());
  }

  @Test
  void closedCard_isNotActive() throws Exception {
    ApiException refused = refusal(() -> verification(org(), CLOSED_CARD));

    assertThat(refused.error().code()).isEqualTo(ApiErrorCode.CARD_NOT_ACTIVE);
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void cardholderToken_upgradingItself_staysOnItsCardAndWithinItsUpgradableScope()
      throws Exception {
    VerifiedToken token = cardholderToken(BUSINESS_CARD, "cards cards-write", "cards-sensitive");
    platform.time.advance(Duration.ofMinutes(1)); // past the phone's resend cooldown
    VerificationChallenge challenge = verification(token, BUSINESS_CARD);

    VerifiedToken upgraded =
        platform.verifier.verify(
            cardholders
                .createToken(
                    token,
                    BUSINESS_CARD,
                    CustomerTokenAttributes.of("cards cards-sensitive")
                        .withVerificationToken(challenge.verificationToken())
                        .withVerificationCode(platform.sender.lastCode()))
                .token());

    assertThat(upgraded.scopes()).hasToString("cards cards-sensitive");
    assertThat(upgraded.resources().cardIds()).containsExactly(BUSINESS_CARD);
    assertThat(upgraded.expiresAt()).isBeforeOrEqualTo(token.expiresAt());
    assertThat(
            refusal(
                    () ->
                        cardholders.createToken(
                            token,
                            BUSINESS_CARD,
                            CustomerTokenAttributes.of("cards cards-sensitive-write")))
                .error()
                .pointer())
        .contains("/data/attributes/scope");
  }

  @Test
  void upgradableScopeWithoutCardsWrite_isRefusedAtTheUpgradableScope() throws Exception {
    ApiException refused =
        refusal(
            () ->
                cardholders.createToken(
                    org(),
                    BUSINESS_CARD,
                    CustomerTokenAttributes.of("cards").withUpgradableScope("cards-sensitive")));

    assertThat(refused.error().pointer()).contains("/data/attributes/upgradableScope");
  }

  @Test
  void customerId_withTheCardholderPrefix_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Customer.individual("cardholder:7002", INDIVIDUAL_PHONE))
        .withMessageContaining("reserved");
  }
}
