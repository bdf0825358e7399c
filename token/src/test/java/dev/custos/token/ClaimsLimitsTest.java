package dev.custos.token;

import static dev.custos.token.TokenFixtures.ISSUER;
import static dev.custos.token.TokenFixtures.NOW;
import static dev.custos.token.TokenFixtures.V2_KEY;
import static dev.custos.token.TokenFixtures.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.token.TokenVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Limits the verifier holds even for tokens a trusted key signed. */
class ClaimsLimitsTest {
  /** A token signed by the trusted key with any claims: what a leaked minting path could make. */
  private static String signed(String role, Instant iat, Instant exp) {
    String customer = role.equals("customer") ? "\"customerId\":\"100042\"," : "";
    String payload =
        "{\"role\":\""
            + role
            + "\","
            + customer
            + "\"scope\":\"accounts\",\"twoFactor\":false,\"iss\":\""
            + ISSUER
            + "\",\"iat\":\""
            + iat
            + "\",\"exp\":\""
            + exp
            + "\",\"jti\":\"j\"}";
    byte[] footer = ("{\"kid\":\"" + V2_KEY.keyId() + "\"}").getBytes(StandardCharsets.UTF_8);
    return PasetoPublic.sign(V2_KEY, payload.getBytes(StandardCharsets.UTF_8), footer, new byte[0]);
  }

  @Test
  void verify_customerTokenLivingPast24Hours_refusedThoughTrustedKeySignedIt() {
    String token = signed("customer", NOW, NOW.plus(Duration.ofHours(24)).plusSeconds(1));

    assertThatExceptionOfType(TokenVerificationException.class)
        .isThrownBy(() -> verifier(V2_KEY.verificationKey(), NOW).verify(token))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CLAIMS));
  }

  @Test
  void verify_customerTokenOfExactly24Hours_accepted() throws Exception {
    String token = signed("customer", NOW, NOW.plus(Duration.ofHours(24)));

    assertThat(verifier(V2_KEY.verificationKey(), NOW).verify(token).customerId())
        .contains("100042");
  }

  @Test
  void verify_orgTokenLivingPast366Days_refused() {
    String token = signed("org", NOW, NOW.plus(Duration.ofDays(366)).plusSeconds(1));

    assertThatExceptionOfType(TokenVerificationException.class)
        .isThrownBy(() -> verifier(V2_KEY.verificationKey(), NOW).verify(token))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CLAIMS));
  }

  @Test
  void mint_issuedAtKeepsMilliseconds() throws Exception {
    Instant now = NOW.plusMillis(1_500);
    MintedToken minted =
        TokenFixtures.minter(V2_KEY, now)
            .mint(TokenRequest.customer("100042", TokenFixtures.CATALOG.parse("accounts")));

    assertThat(minted.issuedAt()).isEqualTo(now.truncatedTo(ChronoUnit.MILLIS));
    assertThat(verifier(V2_KEY.verificationKey(), now).verify(minted.token()).issuedAt())
        .isEqualTo(now);
  }

  @Test
  void verify_duplicateMemberBelowTheTop_refusedThoughSigned() {
    String payload =
        "{\"role\":\"org\",\"scope\":\"accounts\",\"twoFactor\":false,\"iss\":\""
            + ISSUER
            + "\",\"iat\":\""
            + NOW
            + "\",\"exp\":\""
            + NOW.plusSeconds(60)
            + "\",\"jti\":\"j\",\"x\":{\"a\":1,\"a\":2}}";
    byte[] footer = ("{\"kid\":\"" + V2_KEY.keyId() + "\"}").getBytes(StandardCharsets.UTF_8);
    String token =
        PasetoPublic.sign(V2_KEY, payload.getBytes(StandardCharsets.UTF_8), footer, new byte[0]);

    assertThatExceptionOfType(TokenVerificationException.class)
        .isThrownBy(() -> verifier(V2_KEY.verificationKey(), NOW).verify(token))
        .withMessageContaining("duplicate member at /x/a");
  }

  @Test
  void verify_customerIdOutsideTheRule_refusedThoughSigned() {
    String bad =
        PasetoPublic.sign(
            V2_KEY,
            ("{\"role\":\"customer\",\"customerId\":\"a b/../c\",\"scope\":\"accounts\","
                    + "\"twoFactor\":false,\"iss\":\""
                    + ISSUER
                    + "\",\"iat\":\""
                    + NOW
                    + "\",\"exp\":\""
                    + NOW.plusSeconds(60)
                    + "\",\"jti\":\"j\"}")
                .getBytes(StandardCharsets.UTF_8),
            ("{\"kid\":\"" + V2_KEY.keyId() + "\"}").getBytes(StandardCharsets.UTF_8),
            new byte[0]);

    assertThatExceptionOfType(TokenVerificationException.class)
        .isThrownBy(() -> verifier(V2_KEY.verificationKey(), NOW).verify(bad))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CLAIMS));
  }
}
