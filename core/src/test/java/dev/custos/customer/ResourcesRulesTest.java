package dev.custos.customer;

import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiException;
import dev.custos.scopes.Scope;
import dev.custos.token.Resources;
import dev.custos.token.VerifiedToken;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens limited to accounts and cards: minted, inherited by upgrades, never widened, enforced. */
class ResourcesRulesTest {
  private final TestPlatform platform = new TestPlatform();
  private final Resources account10001 = Resources.of(List.of("10001"), List.of());

  private VerifiedToken mint(VerifiedToken caller, CustomerTokenAttributes attributes)
      throws Exception {
    return platform.verifier.verify(
        platform.service.createToken(caller, INDIVIDUAL, attributes).token());
  }

  private VerifiedToken org() throws Exception {
    return platform.authorizer.authenticate(platform.orgHeader());
  }

  @Test
  void orgMint_resources_recordedInTheToken() throws Exception {
    VerifiedToken token =
        mint(org(), CustomerTokenAttributes.of("accounts cards").withResources(account10001));

    assertThat(token.resources()).isEqualTo(account10001);
  }

  @Test
  void upgrade_inheritsNarrowsButNeverWidens() throws Exception {
    VerifiedToken limited =
        mint(
            org(),
            CustomerTokenAttributes.of("accounts cards customer-token-write")
                .withResources(Resources.of(List.of("10001"), List.of("7001"))));

    assertThat(mint(limited, CustomerTokenAttributes.of("accounts")).resources())
        .as("inherited")
        .isEqualTo(limited.resources());
    assertThat(
            mint(limited, CustomerTokenAttributes.of("accounts").withResources(account10001))
                .resources())
        .as("narrowed")
        .isEqualTo(account10001);
    ApiException widened =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () ->
                    platform.service.createToken(
                        limited,
                        INDIVIDUAL,
                        CustomerTokenAttributes.of("accounts")
                            .withResources(Resources.of(List.of("10002"), List.of()))))
            .actual();
    assertThat(widened.status()).isEqualTo(403);
    assertThat(widened.error().pointer()).contains("/data/attributes/resources");
  }

  /** An org API token limited to account 10001, as a verified caller. */
  private VerifiedToken limitedOrg() throws Exception {
    return platform.authorizer.authenticate(
        "Bearer "
            + platform
                .minter
                .mint(
                    dev.custos.token.TokenRequest.org(
                            platform.catalog.parse("customers customer-token-write"))
                        .limitedTo(account10001))
                .token());
  }

  @Test
  void limitedOrgMint_noResourcesAsked_theTokenGetsTheOrgTokensLimit() throws Exception {
    VerifiedToken token =
        platform.verifier.verify(
            platform
                .service
                .createToken(
                    limitedOrg(), TestPlatform.BUSINESS, CustomerTokenAttributes.of("accounts"))
                .token());

    assertThat(token.resources()).isEqualTo(account10001);
    assertThat(token.resources().allowsAccount("10002")).isFalse();
  }

  @Test
  void limitedOrgMint_resourcesBeyondItsLimit_403BeforeTheVerificationIsSpent() throws Exception {
    String verification =
        platform
            .service
            .createVerification(
                org(), INDIVIDUAL, VerificationAttributes.of(dev.custos.otp.Channel.SMS))
            .verificationToken();
    String code = platform.sender.lastCode();
    CustomerTokenAttributes wider =
        CustomerTokenAttributes.of("accounts payments-write")
            .withResources(Resources.of(List.of("10001", "10002"), List.of()))
            .withVerificationToken(verification)
            .withVerificationCode(code);

    ApiException refused =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> platform.service.createToken(limitedOrg(), INDIVIDUAL, wider))
            .actual();

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.error().pointer()).contains("/data/attributes/resources");
    assertThat(
            platform.service.createToken(
                limitedOrg(),
                INDIVIDUAL,
                CustomerTokenAttributes.of("accounts payments-write")
                    .withVerificationToken(verification)
                    .withVerificationCode(code)))
        .as("the verification was not spent by the refused request")
        .isNotNull();
  }

  @Test
  void authorizeAccountAndCard_outsideTheResources_answeredAsMissing() throws Exception {
    List<dev.custos.authz.AuthorizationListener.Denial> heard = new java.util.ArrayList<>();
    dev.custos.authz.RequestAuthorizer authorizer =
        dev.custos.authz.RequestAuthorizer.builder()
            .verifier(platform.verifier)
            .clock(platform.time)
            .listener(heard::add)
            .build();
    VerifiedToken token =
        mint(org(), CustomerTokenAttributes.of("accounts cards").withResources(account10001));
    Scope accounts = platform.catalog.find("accounts").orElseThrow();
    Scope cards = platform.catalog.find("cards").orElseThrow();

    authorizer.authorizeAccount(token, accounts, INDIVIDUAL, "10001");
    authorizer.authorizeCard(token, cards, INDIVIDUAL, "7001", "10001");
    ApiException account =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> authorizer.authorizeAccount(token, accounts, INDIVIDUAL, "10009"))
            .actual();
    ApiException card =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> authorizer.authorizeCard(token, cards, INDIVIDUAL, "7009", "10009"))
            .actual();

    assertThat(account.status()).isEqualTo(404);
    assertThat(card.error().detail()).isEqualTo("no such resource");
    assertThat(heard)
        .containsExactly(
            dev.custos.authz.AuthorizationListener.Denial.OUTSIDE_RESOURCES,
            dev.custos.authz.AuthorizationListener.Denial.OUTSIDE_RESOURCES);
  }

  @Test
  void authorizeAccountAndCard_scopeAndCustomerCheckedFirst() throws Exception {
    VerifiedToken token =
        mint(org(), CustomerTokenAttributes.of("accounts").withResources(account10001));
    Scope cards = platform.catalog.find("cards").orElseThrow();
    Scope accounts = platform.catalog.find("accounts").orElseThrow();

    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(
            () -> platform.authorizer.authorizeCard(token, cards, INDIVIDUAL, "7001", "10001"))
        .satisfies(e -> assertThat(e.status()).isEqualTo(403));
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> platform.authorizer.authorizeAccount(token, accounts, "100002", "10001"))
        .satisfies(e -> assertThat(e.status()).isEqualTo(404));
  }
}
