package dev.custos.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiException;
import dev.custos.kit.quicktheories.KitGens;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.MintedToken;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Valid tokens are accepted and every tampered kind is refused with 401 {@code invalid_token}, by
 * the authorizer of the platform the tokens were made for, on both PASETO versions.
 */
class TokenGeneratorsTest {
  private final ScopeCatalog catalog = ScopeCatalog.unit();

  private static RequestAuthorizer authorizer(KeyRing keys) {
    return RequestAuthorizer.builder()
        .verifier(TokenVerifier.builder().keyRing(keys).issuer("kit").build())
        .build();
  }

  @ParameterizedTest
  @EnumSource(PasetoVersion.class)
  void validTokens_accepted_everyTamperedKind_401InvalidToken(PasetoVersion version)
      throws Exception {
    KeyRing keys = KeyRing.of(SigningKey.generate(version));
    RequestAuthorizer authorizer = authorizer(keys);
    TokenGenerators tokens =
        new TokenGenerators(keys, "kit", Clock.systemUTC(), catalog).revokingWith(authorizer);

    for (MintedToken token : tokens.customerTokens().sample(1, 300)) {
      assertThat(authorizer.authenticate("Bearer " + token.token()).tokenId())
          .isEqualTo(token.tokenId());
    }
    Set<TamperedToken.Kind> seen = EnumSet.noneOf(TamperedToken.Kind.class);
    for (TamperedToken bad : tokens.tampered().sample(2, 1_000)) {
      ApiException e =
          catchThrowableOfType(
              ApiException.class, () -> authorizer.authenticate("Bearer " + bad.token()));
      assertThat(e).as("seed 2: %s was accepted", bad).isNotNull();
      assertThat(e.status()).as("seed 2: %s", bad).isEqualTo(401);
      assertThat(e.error().authenticate())
          .as("seed 2: %s", bad)
          .hasValueSatisfying(c -> assertThat(c).contains("error=\"invalid_token\""));
      seen.add(bad.kind());
    }
    assertThat(seen).containsExactlyInAnyOrder(TamperedToken.Kind.values());
  }

  @Test
  void tamperedTokens_asAQuickTheoriesProperty() {
    KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V4_PUBLIC));
    TokenGenerators tokens = new TokenGenerators(keys, "kit", Clock.systemUTC(), catalog);
    RequestAuthorizer authorizer = authorizer(keys);

    qt().withExamples(1_000)
        .forAll(KitGens.of(tokens.tampered()))
        .checkAssert(
            bad ->
                assertThat(
                        catchThrowableOfType(
                                ApiException.class,
                                () -> authorizer.authenticate("Bearer " + bad.token()))
                            .status())
                    .as(bad.toString())
                    .isEqualTo(401));
  }

  @Test
  void tampered_withoutTheAuthorizer_neverRevokedAndRevokedKindRefusedToBuild() {
    KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V4_PUBLIC));
    TokenGenerators tokens = new TokenGenerators(keys, "kit", Clock.systemUTC(), catalog);

    assertThat(tokens.tampered().sample(4, 500))
        .extracting(TamperedToken::kind)
        .doesNotContain(TamperedToken.Kind.REVOKED);
    assertThatIllegalStateException()
        .isThrownBy(() -> tokens.tampered(TamperedToken.Kind.REVOKED))
        .withMessageContaining("revokingWith");
  }

  @Test
  void customerTokens_refined_haveTheAgeLifetimeScopesAndResourcesAsked() throws Exception {
    KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V4_PUBLIC));
    ManualClock clock = ManualClock.at(Instant.parse("2026-03-01T12:00:00Z"));
    RequestAuthorizer authorizer =
        RequestAuthorizer.builder()
            .verifier(TokenVerifier.builder().keyRing(keys).issuer("kit").clock(clock).build())
            .build();
    CustomerTokens stale =
        new TokenGenerators(keys, "kit", clock, catalog)
            .customerTokens()
            .customerIds(Generator.oneOf(List.of("100001", "100002")))
            .scopes(ScopeGenerators.twoFactorScopes(catalog))
            .lifetimes(Duration.ofHours(2), Duration.ofHours(3))
            .twoFactorVerifiedAgo(Duration.ofMinutes(6), Duration.ofHours(1))
            .resources(TokenGenerators.resources());

    for (MintedToken minted : stale.sample(5, 300)) {
      VerifiedToken token = authorizer.authenticate("Bearer " + minted.token());
      Duration age = Duration.between(token.issuedAt(), clock.instant());
      Duration lifetime = Duration.between(token.issuedAt(), token.expiresAt());

      assertThat(token.customerId())
          .hasValueSatisfying(id -> assertThat(id).isIn("100001", "100002"));
      assertThat(token.scopes().requiresTwoFactor()).isTrue();
      assertThat(token.twoFactorVerified()).isTrue();
      assertThat(age).isBetween(Duration.ofMinutes(6), Duration.ofHours(1));
      assertThat(lifetime).isBetween(Duration.ofHours(2), Duration.ofHours(3));
      assertThat(token.resources().isLimited()).isTrue();
      assertThat(authorizer.twoFactorRefusal(token, Duration.ofMinutes(5)).status()).isEqualTo(401);
      assertThatThrownBy(() -> authorizer.authorizeTwoFactorAge(token, Duration.ofMinutes(5)))
          .isInstanceOf(ApiException.class);
    }
  }

  @Test
  void customerTokens_ageNotShorterThanTheLifetime_refusedWhenRefined() {
    KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V4_PUBLIC));
    CustomerTokens tokens =
        new TokenGenerators(keys, "kit", Clock.systemUTC(), catalog).customerTokens();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> tokens.twoFactorVerifiedAgo(Duration.ZERO, Duration.ofMinutes(1)))
        .withMessageContaining("may have expired");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> tokens.lifetimes(Duration.ofMinutes(2), Duration.ofHours(25)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> tokens.lifetimes(Duration.ofMinutes(2), Duration.ofMinutes(1)));
  }

  @Test
  void tamperedToken_toString_namesTheKindNeverTheToken() {
    KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V4_PUBLIC));
    TamperedToken bad =
        new TokenGenerators(keys, "kit", Clock.systemUTC(), catalog)
            .tampered(TamperedToken.Kind.WRONG_KEY)
            .sample(3, 1)
            .get(0);

    assertThat(bad.toString()).isEqualTo("TamperedToken[WRONG_KEY]").doesNotContain(bad.token());
  }
}
