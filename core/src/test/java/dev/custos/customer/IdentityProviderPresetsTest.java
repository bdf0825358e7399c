package dev.custos.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.custos.testing.FakeClock;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The presets of the identity providers Unit names: each one's issuer, keys, algorithm, audience
 * and own claim rules, and a claim rule that refuses the provider's other tokens.
 */
class IdentityProviderPresetsTest {
  private static final String PROJECT = "project-test-0a1b2c3d-0000-4000-8000-0123456789ab";

  @Test
  void auth0_tenantDomain_issuerAndKeysOfTheTenant() {
    JwtIdentityProvider.Builder b =
        IdentityProviderPresets.auth0("acme.us.auth0.com", "custos-api");

    assertThat(b.issuer).isEqualTo("https://acme.us.auth0.com/");
    assertThat(b.keysLocation).isEqualTo("https://acme.us.auth0.com/.well-known/jwks.json");
    assertThat(b.audience).isEqualTo("custos-api");
    assertThat(b.algorithms).containsExactly("RS256");
  }

  @Test
  void cognito_userPool_regionFromThePoolAndIdTokensOnly() {
    JwtIdentityProvider.Builder b =
        IdentityProviderPresets.of("cognito:eu-west-2_AbC123", "client-7");

    assertThat(b.issuer).isEqualTo("https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbC123");
    assertThat(b.keysLocation).isEqualTo(b.issuer + "/.well-known/jwks.json");
    assertThat(b.audience).isEqualTo("client-7");
    assertThat(b.requiredClaims).isEqualTo(Map.of("token_use", "id"));
  }

  @Test
  void stytch_testOrLiveProject_itsKeySetAndItsOwnAudience() {
    JwtIdentityProvider.Builder test = IdentityProviderPresets.of("stytch:" + PROJECT, null);
    JwtIdentityProvider.Builder live =
        IdentityProviderPresets.stytch(PROJECT.replace("test", "live"));

    assertThat(test.issuer).isEqualTo("stytch.com/" + PROJECT);
    assertThat(test.audience).isEqualTo(PROJECT);
    assertThat(test.keysLocation).isEqualTo("https://test.stytch.com/v1/sessions/jwks/" + PROJECT);
    assertThat(live.keysLocation).startsWith("https://api.stytch.com/v1/sessions/jwks/");
  }

  @Test
  void of_malformedPresets_areRefusedSayingWhatIsExpected() {
    for (String[] bad :
        new String[][] {
          {"okta:acme.okta.com", "api"},
          {"auth0:https://acme.us.auth0.com/", "api"},
          {"auth0:acme.us.auth0.com", null},
          {"cognito:AbC123", "client"},
          {"cognito:eu-west-2_AbC123", null},
          {"stytch:project-test-nope", null},
          {"stytch:" + PROJECT, "aud"},
        }) {
      assertThatIllegalArgumentException()
          .as(bad[0])
          .isThrownBy(() -> IdentityProviderPresets.of(bad[0], bad[1]));
    }
  }

  @Test
  void requireClaim_tokenOfAnotherUse_isRefusedWithTheClaimReason() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
    FakeClock clock = FakeClock.create();
    JwtIdentityProvider provider =
        JwtIdentityProvider.builder("https://idp.test/")
            .jwkSet(new JWKSet(key.toPublicJWK()).toString())
            .audience("client-7")
            .requireClaim("token_use", "id")
            .clock(clock)
            .build();

    String access = jwt(key, clock, "access", "a-1");
    String id = jwt(key, clock, "id", "a-2");

    assertThat(
            assertThatExceptionOfType(JwtIdentityProvider.RefusedException.class)
                .isThrownBy(() -> provider.subject(access, Set.of("user-1")))
                .actual()
                .refusal())
        .isEqualTo(JwtIdentityProvider.Refusal.CLAIM);
    assertThat(provider.subject(id, Set.of("user-1"))).isEqualTo("user-1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JwtIdentityProvider.builder("x").requireClaim("aud", "y"));
  }

  private static String jwt(RSAKey key, FakeClock clock, String tokenUse, String jti)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(),
            new JWTClaimsSet.Builder()
                .issuer("https://idp.test/")
                .audience("client-7")
                .subject("user-1")
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plusSeconds(300)))
                .jwtID(jti)
                .claim("token_use", tokenUse)
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
