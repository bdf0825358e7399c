package dev.custos.token;

import static dev.custos.token.TokenFixtures.CATALOG;
import static dev.custos.token.TokenFixtures.NOW;
import static dev.custos.token.TokenFixtures.V2_KEY;
import static dev.custos.token.TokenFixtures.minter;
import static dev.custos.token.TokenFixtures.payloadOf;
import static dev.custos.token.TokenFixtures.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.scopes.InvalidScopeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a {@link TokenRequest} accepts and how its every part reaches the token and back: ids,
 * lifetimes, upgradable scopes, source addresses, an authorized user, two-factor marks.
 */
class TokenRequestTest {
  private final TokenMinter minter = minter(V2_KEY, NOW);

  private static TokenRequest customer(String scope) {
    return TokenRequest.customer("100042", CATALOG.parse(scope));
  }

  @Test
  void mint_forAnAuthorizedUser_carriesTheUserOnCustomerTokensOnly() throws Exception {
    MintedToken minted = minter.mint(customer("accounts").forAuthorizedUser("au-7"));

    assertThat(verifier(V2_KEY.verificationKey(), NOW).verify(minted.token()).authorizedUser())
        .contains("au-7");
    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> TokenRequest.org(CATALOG.parse("customers")).forAuthorizedUser("au-7"));
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> customer("accounts").forAuthorizedUser("au 7"));
  }

  @Test
  void mint_twoFactorScopeWithoutVerification_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> minter.mint(customer("customers accounts-write")))
        .withMessageContaining("scopes accounts-write require two-factor verification")
        .withMessageContaining("twoFactorVerified()");
  }

  @Test
  void mint_twoFactorScopeAfterVerification_recordsIt() throws Exception {
    MintedToken minted = minter.mint(customer("accounts-write").twoFactorVerified());

    assertThat(verifier(V2_KEY.verificationKey(), NOW).verify(minted.token()).twoFactorVerified())
        .isTrue();
  }

  @Test
  void request_scopesNotAllowedForRole_refused() {
    assertThatExceptionOfType(InvalidScopeException.class).isThrownBy(() -> customer("webhooks"));
    assertThatExceptionOfType(InvalidScopeException.class)
        .isThrownBy(() -> TokenRequest.org(CATALOG.parse("cards-sensitive")));
  }

  @Test
  void request_invalidArguments_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TokenRequest.customer("", CATALOG.parse("cards")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TokenRequest.customer("a b", CATALOG.parse("cards")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TokenRequest.customer("1", CATALOG.emptySet()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> customer("cards").expiresIn(Duration.ZERO));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> customer("cards").expiresIn(Duration.ofSeconds(86401)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> customer("cards").expiresIn(Duration.ofMillis(1500)));
    assertThatIllegalStateException()
        .isThrownBy(() -> TokenRequest.org(CATALOG.parse("cards")).twoFactorVerified());
  }

  @Test
  void mint_orgTokenWithTwoFactorScope_needsNoVerification() throws Exception {
    MintedToken minted =
        minter.mint(
            TokenRequest.org(CATALOG.parse("payments-write")).expiresIn(Duration.ofDays(2)));

    assertThat(minted.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
    assertThat(verifier(V2_KEY.verificationKey(), NOW).verify(minted.token()).scopes())
        .hasToString("payments-write");
  }

  @Test
  void expiresIn_boundsByRole_oneSecondToTheRolesMaximum() {
    assertThat(customer("cards").expiresIn(Duration.ofSeconds(1)).lifetime())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(customer("cards").expiresIn(TokenRequest.MAX_CUSTOMER_LIFETIME).lifetime())
        .isEqualTo(TokenRequest.MAX_CUSTOMER_LIFETIME);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> customer("cards").expiresIn(TokenRequest.MAX_CUSTOMER_LIFETIME.plusSeconds(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> customer("cards").expiresIn(Duration.ofMillis(999)));
    TokenRequest org = TokenRequest.org(CATALOG.parse("cards"));
    assertThat(org.expiresIn(TokenRequest.MAX_ORG_LIFETIME).lifetime())
        .isEqualTo(TokenRequest.MAX_ORG_LIFETIME);
  }

  @Test
  void tokenRequest_toString_namesRoleScopeAndLifetime() {
    assertThat(customer("cards"))
        .hasToString("TokenRequest[customer 100042, scope=cards, lifetime=PT24H]");
    assertThat(customer("cards-write").twoFactorVerified().expiresIn(Duration.ofMinutes(5)))
        .hasToString("TokenRequest[customer 100042, scope=cards-write, lifetime=PT5M, twoFactor]");
    assertThat(TokenRequest.org(CATALOG.parse("cards")).toString()).startsWith("TokenRequest[org,");
  }

  @Test
  void mint_upgradableScopes_recordedAndRead() throws Exception {
    MintedToken minted =
        minter.mint(
            customer("customers accounts customer-token-write")
                .upgradableTo(CATALOG.parse("payments-write counterparties-write")));

    VerifiedToken verified = verifier(V2_KEY.verificationKey(), NOW).verify(minted.token());

    assertThat(verified.upgradableScopes()).hasToString("payments-write counterparties-write");
    assertThat(payloadOf(minted.token()))
        .contains("\"upgradableScope\":\"payments-write counterparties-write\"");
    assertThat(payloadOf(minter.mint(customer("cards")).token())).doesNotContain("upgradable");
  }

  @Test
  void upgradableTo_orgOrOrgOnlyScopes_refused() {
    assertThatIllegalStateException()
        .isThrownBy(
            () -> TokenRequest.org(CATALOG.parse("cards")).upgradableTo(CATALOG.parse("cards")));
    assertThatExceptionOfType(InvalidScopeException.class)
        .isThrownBy(() -> customer("cards").upgradableTo(CATALOG.parse("applications")));
    assertThat(customer("cards").upgradableTo(CATALOG.parse("cards-write")))
        .hasToString(
            "TokenRequest[customer 100042, scope=cards, lifetime=PT24H, upgradable=cards-write]");
  }

  @Test
  void orgToken_ownIdAndSourceIp_recordedAndRead() throws Exception {
    MintedToken minted =
        minter.mint(
            TokenRequest.org(CATALOG.parse("customers"))
                .withTokenId("apitok_17")
                .fromSourceIp("10.0.0.0/8,2001:db8::/32"));

    VerifiedToken verified = verifier(V2_KEY.verificationKey(), NOW).verify(minted.token());

    assertThat(minted.tokenId()).isEqualTo("apitok_17");
    assertThat(verified.tokenId()).isEqualTo("apitok_17");
    assertThat(verified.sourceIp()).contains("10.0.0.0/8,2001:db8::/32");
    assertThat(
            verifier(V2_KEY.verificationKey(), NOW)
                .verify(minter.mint(customer("cards")).token())
                .sourceIp())
        .isEmpty();
  }

  @Test
  void sourceIpAndTokenId_malformedOrOnCustomerTokens_refused() {
    TokenRequest org = TokenRequest.org(CATALOG.parse("customers"));

    assertThatIllegalStateException().isThrownBy(() -> customer("cards").fromSourceIp("10.0.0.1"));
    assertThatIllegalArgumentException().isThrownBy(() -> org.fromSourceIp("10.0.0.1, 10.0.0.2"));
    assertThatIllegalArgumentException().isThrownBy(() -> org.fromSourceIp(""));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> org.fromSourceIp("1".repeat(TokenRequest.MAX_SOURCE_IP_LENGTH + 1)));
    assertThat(org.fromSourceIp("1".repeat(TokenRequest.MAX_SOURCE_IP_LENGTH)).sourceIp())
        .isPresent();
    assertThatIllegalArgumentException().isThrownBy(() -> org.withTokenId("a b"));
    assertThat(org.fromSourceIp("10.0.0.1").toString()).endsWith(", sourceIp=10.0.0.1]");
  }

  @Test
  void ids_everyCharacterUpTo0x2ff_acceptedExactlyForTheDocumentedSet() {
    TokenRequest org = TokenRequest.org(CATALOG.parse("customers"));
    String allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-";
    List<String> wrong = new ArrayList<>();
    for (char c = 0; c <= 0x2ff; c++) {
      String id = "a" + c + "z";
      boolean expected = allowed.indexOf(c) >= 0;
      if (accepts(() -> org.withTokenId(id)) != expected
          || accepts(() -> TokenRequest.customer(id, CATALOG.parse("cards"))) != expected) {
        wrong.add(String.format("U+%04X", (int) c));
      }
    }

    assertThat(wrong).as("characters judged against [A-Za-z0-9._:-]").isEmpty();
    assertThat(org.withTokenId("i".repeat(128)).tokenId()).contains("i".repeat(128));
    assertThat(org.tokenId()).isEmpty();
    assertThat(accepts(() -> org.withTokenId("i".repeat(129)))).isFalse();
    assertThat(accepts(() -> org.withTokenId(""))).isFalse();
    assertThat(accepts(() -> TokenRequest.customer("c".repeat(128), CATALOG.parse("cards"))))
        .isTrue();
    assertThat(accepts(() -> TokenRequest.customer("c".repeat(129), CATALOG.parse("cards"))))
        .isFalse();
  }

  @Test
  void fromSourceIp_everyCharacterUpTo0x2ff_acceptedExactlyWhenPrintableAscii() {
    TokenRequest org = TokenRequest.org(CATALOG.parse("customers"));
    List<String> wrong = new ArrayList<>();
    for (char c = 0; c <= 0x2ff; c++) {
      String list = "10.0.0.1" + c;
      if (accepts(() -> org.fromSourceIp(list)) != (c > ' ' && c <= '~')) {
        wrong.add(String.format("U+%04X", (int) c));
      }
    }

    assertThat(wrong).as("characters judged against U+0021..U+007E").isEmpty();
  }

  @Test
  void notBeforeInstant_setOrNot_readBack() {
    assertThat(customer("cards").notBeforeInstant()).isEmpty();
    assertThat(customer("cards").notBefore(NOW.plusSeconds(5)).notBeforeInstant())
        .contains(NOW.plusSeconds(5));
  }

  private static boolean accepts(Runnable build) {
    try {
      build.run();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
