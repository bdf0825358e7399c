package dev.custos.customer;

import static dev.custos.core.testing.TestPlatform.BUSINESS;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.Channel;
import dev.custos.otp.VerificationChallenge;
import dev.custos.token.MintedToken;
import dev.custos.token.VerifiedToken;
import org.junit.jupiter.api.Test;

/**
 * A customer token upgrading itself through the same two operations (Unit's upgradableScope): only
 * for its own customer, only with customer-token-write, only within its scope and upgradable scope,
 * added two-factor scopes only after a verification, never outliving itself.
 */
class UpgradeTest {
  private static final String UNIT_SCOPE =
      "customers accounts payments counterparties customer-token-write";
  private static final String UNIT_UPGRADABLE = "payments-write counterparties-write";

  private final TestPlatform platform = new TestPlatform();
  private final CustomerTokenService service = platform.service;

  private VerifiedToken org() throws Exception {
    return platform.authorizer.authenticate(platform.orgHeader());
  }

  private VerifiedToken verify(MintedToken minted) throws Exception {
    return platform.verifier.verify(minted.token());
  }

  /** Unit's example token: read scopes with customer-token-write, two write scopes upgradable. */
  private VerifiedToken unitToken(String customer) throws Exception {
    return verify(
        service.createToken(
            org(),
            customer,
            CustomerTokenAttributes.of(UNIT_SCOPE).withUpgradableScope(UNIT_UPGRADABLE)));
  }

  /** A token of ten minutes that may create tokens. */
  private VerifiedToken tenMinuteCaller() throws Exception {
    return verify(
        service.createToken(
            org(),
            INDIVIDUAL,
            CustomerTokenAttributes.of("accounts customer-token-write").withExpiresIn(600)));
  }

  private ApiException refused(VerifiedToken caller, String customer, CustomerTokenAttributes a) {
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> service.createToken(caller, customer, a))
        .actual();
  }

  @Test
  void unitExample_verificationWithTheTokenItself_mintsTheUpgradedToken() throws Exception {
    VerifiedToken caller = unitToken(INDIVIDUAL);
    assertThat(caller.upgradableScopes()).hasToString(UNIT_UPGRADABLE);

    VerificationChallenge challenge =
        service.createVerification(caller, INDIVIDUAL, VerificationAttributes.of(Channel.SMS));
    VerifiedToken upgraded =
        verify(
            service.createToken(
                caller,
                INDIVIDUAL,
                CustomerTokenAttributes.of("customers accounts payments-write")
                    .withVerificationToken(challenge.verificationToken())
                    .withVerificationCode(platform.sender.lastCode())));

    assertThat(upgraded.scopes()).hasToString("customers accounts payments-write");
    assertThat(upgraded.twoFactorVerified()).isTrue();
    assertThat(upgraded.customerId()).contains(INDIVIDUAL);
    assertThat(upgraded.expiresAt()).isBeforeOrEqualTo(caller.expiresAt());
  }

  @Test
  void upgrade_anotherCustomer_forbiddenForBothOperations() throws Exception {
    VerifiedToken caller = unitToken(INDIVIDUAL);

    assertThat(refused(caller, BUSINESS, CustomerTokenAttributes.of("accounts")).error().detail())
        .isEqualTo("a customer token acts for its own customer only");
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(
            () ->
                service.createVerification(
                    caller, BUSINESS, VerificationAttributes.of(Channel.SMS)))
        .satisfies(e -> assertThat(e.status()).isEqualTo(403));
    assertThat(platform.sender.messages()).isEmpty();
  }

  @Test
  void upgrade_withoutCustomerTokenWrite_forbidden() throws Exception {
    VerifiedToken caller =
        verify(service.createToken(org(), INDIVIDUAL, CustomerTokenAttributes.of("accounts")));

    ApiException e = refused(caller, INDIVIDUAL, CustomerTokenAttributes.of("accounts"));

    assertThat(e.status()).isEqualTo(403);
    assertThat(e.error().detail()).isEqualTo("the token lacks scope customer-token-write");
  }

  @Test
  void upgrade_scopeOutsideScopeAndUpgradableScope_forbiddenAtScope() throws Exception {
    ApiException e =
        refused(
            unitToken(INDIVIDUAL), INDIVIDUAL, CustomerTokenAttributes.of("accounts cards-write"));

    assertThat(e.status()).isEqualTo(403);
    assertThat(e.error().pointer()).contains("/data/attributes/scope");
    assertThat(e.error().detail()).contains("cards-write");
  }

  @Test
  void upgrade_widerUpgradableScope_forbiddenAtUpgradableScope() throws Exception {
    ApiException e =
        refused(
            unitToken(INDIVIDUAL),
            INDIVIDUAL,
            CustomerTokenAttributes.of("accounts customer-token-write")
                .withUpgradableScope("cards-write"));

    assertThat(e.status()).isEqualTo(403);
    assertThat(e.error().pointer()).contains("/data/attributes/upgradableScope");
  }

  @Test
  void upgrade_addedTwoFactorScopeWithoutVerification_refusedNamingIt() throws Exception {
    ApiException e =
        refused(unitToken(INDIVIDUAL), INDIVIDUAL, CustomerTokenAttributes.of("payments-write"));

    assertThat(e.error().code()).isEqualTo(ApiErrorCode.INVALID_VALUE);
    assertThat(e.error().pointer()).contains("/data/attributes/verificationToken");
    assertThat(e.error().detail()).contains("payments-write");
  }

  @Test
  void upgrade_narrowerReadScope_needsNoVerification() throws Exception {
    VerifiedToken narrowed =
        verify(
            service.createToken(
                unitToken(INDIVIDUAL), INDIVIDUAL, CustomerTokenAttributes.of("accounts")));

    assertThat(narrowed.scopes()).hasToString("accounts");
    assertThat(narrowed.twoFactorVerified()).isFalse();
  }

  @Test
  void upgrade_keepsTwoFactorScopesItsCallerWasVerifiedFor() throws Exception {
    VerificationChallenge challenge =
        service.createVerification(org(), INDIVIDUAL, VerificationAttributes.of(Channel.SMS));
    VerifiedToken verified =
        verify(
            service.createToken(
                org(),
                INDIVIDUAL,
                CustomerTokenAttributes.of("payments-write customer-token-write")
                    .withVerificationToken(challenge.verificationToken())
                    .withVerificationCode(platform.sender.lastCode())));

    VerifiedToken kept =
        verify(
            service.createToken(
                verified, INDIVIDUAL, CustomerTokenAttributes.of("payments-write")));

    assertThat(kept.twoFactorVerified()).isTrue();
    assertThat(kept.scopes()).hasToString("payments-write");
  }

  @Test
  void upgrade_neverOutlivesItsCaller() throws Exception {
    VerifiedToken caller = tenMinuteCaller();

    ApiException e =
        refused(caller, INDIVIDUAL, CustomerTokenAttributes.of("accounts").withExpiresIn(601));
    VerifiedToken defaulted =
        verify(service.createToken(caller, INDIVIDUAL, CustomerTokenAttributes.of("accounts")));

    assertThat(e.error().pointer()).contains("/data/attributes/expiresIn");
    assertThat(e.error().detail()).contains("at most 600 seconds");
    assertThat(defaulted.expiresAt()).isEqualTo(caller.expiresAt());
  }

  @Test
  void orgRequest_upgradableScopeWithoutCustomerTokenWriteOrOfOrgScopes_invalid() throws Exception {
    ApiException missing =
        refused(
            org(), INDIVIDUAL, CustomerTokenAttributes.of("accounts").withUpgradableScope("cards"));
    ApiException orgOnly =
        refused(
            org(),
            INDIVIDUAL,
            CustomerTokenAttributes.of("accounts customer-token-write")
                .withUpgradableScope("applications"));

    assertThat(missing.error().pointer()).contains("/data/attributes/upgradableScope");
    assertThat(missing.error().detail())
        .isEqualTo("upgradableScope needs customer-token-write in the scope");
    assertThat(orgOnly.error().pointer()).contains("/data/attributes/upgradableScope");
  }

  @Test
  void upgrade_atTheEdgesOfItsCallersLife() throws Exception {
    VerifiedToken caller = tenMinuteCaller();

    assertThat(
            verify(
                    service.createToken(
                        caller,
                        INDIVIDUAL,
                        CustomerTokenAttributes.of("accounts").withExpiresIn(600)))
                .expiresAt())
        .as("exactly its caller's life")
        .isEqualTo(caller.expiresAt());
    platform.time.advance(java.time.Duration.ofSeconds(599));
    assertThat(
            verify(service.createToken(caller, INDIVIDUAL, CustomerTokenAttributes.of("accounts")))
                .expiresAt())
        .as("one second left")
        .isEqualTo(caller.expiresAt());
    platform.time.advance(java.time.Duration.ofMillis(500));
    assertThat(refused(caller, INDIVIDUAL, CustomerTokenAttributes.of("accounts")).error().detail())
        .isEqualTo("the calling token expires within a second");
  }
}
