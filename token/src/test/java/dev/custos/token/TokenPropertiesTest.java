package dev.custos.token;

import static dev.custos.token.TokenFixtures.CATALOG;
import static dev.custos.token.TokenFixtures.NOW;
import static dev.custos.token.TokenFixtures.V2_KEY;
import static dev.custos.token.TokenFixtures.minter;
import static dev.custos.token.TokenFixtures.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TokenPropertiesTest {
  private static final List<Scope> CUSTOMER_SCOPES =
      CATALOG.scopes().stream().filter(Scope::customerTokenAllowed).toList();
  private static final TokenMinter MINTER = minter(V2_KEY, NOW);
  private static final TokenVerifier VERIFIER = verifier(V2_KEY.verificationKey(), NOW);
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /** Random customer-token requests: id, scopes, lifetime, 2FA flag. */
  private static Gen<TokenRequest> requests() {
    Gen<String> ids =
        lists()
            .of(integers().between(0, 61))
            .ofSizeBetween(1, 40)
            .map(
                cs ->
                    cs.stream()
                        .map(c -> String.valueOf(ALPHABET.charAt(c)))
                        .reduce("", String::concat));
    Gen<ScopeSet> scopes =
        lists()
            .of(integers().between(0, CUSTOMER_SCOPES.size() - 1))
            .ofSizeBetween(1, 10)
            .map(is -> CATALOG.setOf(is.stream().map(CUSTOMER_SCOPES::get).toArray(Scope[]::new)));
    return ids.zip(
        scopes,
        integers().between(1, 86400),
        (id, set, seconds) -> {
          TokenRequest request =
              TokenRequest.customer(id, set).expiresIn(Duration.ofSeconds(seconds));
          return set.requiresTwoFactor() ? request.twoFactorVerified() : request;
        });
  }

  @Test
  void mintThenVerify_anyRequest_roundTrips() {
    qt().withExamples(300)
        .forAll(requests())
        .checkAssert(
            request -> {
              MintedToken minted = MINTER.mint(request);
              VerifiedToken verified;
              try {
                verified = VERIFIER.verify(minted.token());
              } catch (TokenVerificationException e) {
                throw new AssertionError(e.reason() + ": " + e.getMessage());
              }
              assertThat(verified.customerId()).isEqualTo(request.customerId());
              assertThat(verified.scopes()).isEqualTo(request.scopes());
              assertThat(verified.twoFactorVerified()).isEqualTo(request.isTwoFactorVerified());
              assertThat(verified.expiresAt()).isEqualTo(NOW.plus(request.lifetime()));
              assertThat(verified.tokenId()).isEqualTo(minted.tokenId());
            });
  }

  @Test
  void verify_anySingleCharacterChanged_refusedWithTheCheckedException() {
    String token =
        MINTER.mint(TokenRequest.customer("100042", CATALOG.parse("cards accounts"))).token();
    qt().withExamples(600)
        .forAll(integers().between(0, token.length() - 1), integers().between(0, ALPHABET.length()))
        .assuming(
            (at, c) -> token.charAt(at) != (c == ALPHABET.length() ? '.' : ALPHABET.charAt(c)))
        .checkAssert(
            (at, c) -> {
              char replacement = c == ALPHABET.length() ? '.' : ALPHABET.charAt(c);
              String altered = token.substring(0, at) + replacement + token.substring(at + 1);
              assertThatExceptionOfType(TokenVerificationException.class)
                  .isThrownBy(() -> VERIFIER.verify(altered));
            });
  }

  @Test
  void verify_anyTruncation_refusedWithTheCheckedException() {
    String token = MINTER.mint(TokenRequest.customer("100042", CATALOG.parse("cards"))).token();
    qt().forAll(integers().between(0, token.length() - 1))
        .checkAssert(
            length ->
                assertThatExceptionOfType(TokenVerificationException.class)
                    .isThrownBy(() -> VERIFIER.verify(token.substring(0, length))));
  }

  @Test
  void verify_anyString_onlyTheCheckedException() {
    Gen<String> anything =
        strings()
            .allPossible()
            .ofLengthBetween(0, 200)
            .mix(
                strings()
                    .betweenCodePoints('-', 'z')
                    .ofLengthBetween(0, 200)
                    .map(s -> "v2.public." + s))
            .mix(
                strings()
                    .betweenCodePoints('-', 'z')
                    .ofLengthBetween(86, 200)
                    .map(s -> "v2.public." + s + ".eyJraWQiOiJ4In0"));
    qt().withExamples(3000)
        .forAll(anything)
        .checkAssert(
            input -> {
              try {
                VERIFIER.verify(input);
                throw new AssertionError("accepted " + input);
              } catch (TokenVerificationException e) {
                assertThat(e.reason()).isNotNull();
              }
            });
  }
}
