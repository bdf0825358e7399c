package dev.custos.token;

import static dev.custos.token.TokenFixtures.CATALOG;
import static dev.custos.token.TokenFixtures.NOW;
import static dev.custos.token.TokenFixtures.V2_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unit's resources: a union of accounts and cards, an account covering the cards under it. */
class ResourcesTest {
  private final Resources limited = Resources.of(List.of("10001"), List.of("7002"));

  @Test
  void allows_listedAccountCardOrCardUnderAListedAccount() {
    assertThat(limited.allowsAccount("10001")).isTrue();
    assertThat(limited.allowsAccount("10002")).isFalse();
    assertThat(limited.allowsCard("7002", "10002")).as("listed card").isTrue();
    assertThat(limited.allowsCard("7001", "10001")).as("under a listed account").isTrue();
    assertThat(limited.allowsCard("7003", "10003")).isFalse();
    assertThat(Resources.unlimited().allowsCard("7003", "10003")).isTrue();
  }

  @Test
  void covers_onlySubsetsOfALimit() {
    assertThat(limited.covers(Resources.of(List.of("10001"), List.of()))).isTrue();
    assertThat(limited.covers(Resources.of(List.of("10002"), List.of()))).isFalse();
    assertThat(limited.covers(Resources.unlimited())).as("unlimited widens").isFalse();
    assertThat(Resources.unlimited().covers(limited)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "01", "-1", "1a", "", " 1", "123456789012345678901"})
  void of_malformedId_refused(String id) {
    assertThatIllegalArgumentException().isThrownBy(() -> Resources.of(List.of(id), List.of()));
  }

  @Test
  void of_emptyOrTooMany_refused() {
    assertThatIllegalArgumentException().isThrownBy(() -> Resources.of(List.of(), List.of()));
    List<String> many = new java.util.ArrayList<>();
    for (int i = 1; i <= Resources.MAX_IDS + 1; i++) {
      many.add(Integer.toString(i));
    }
    assertThatIllegalArgumentException().isThrownBy(() -> Resources.of(many, List.of()));
  }

  @Test
  void mint_limitedToken_roundTripsAndReadsBack() throws Exception {
    MintedToken minted =
        TokenFixtures.minter(V2_KEY, NOW)
            .mint(TokenRequest.customer("100001", CATALOG.parse("accounts")).limitedTo(limited));

    VerifiedToken verified =
        TokenFixtures.verifier(V2_KEY.verificationKey(), NOW).verify(minted.token());

    assertThat(verified.resources())
        .isEqualTo(limited)
        .hasToString("Resources[accounts=[10001], cards=[7002]]");
    assertThat(
            TokenFixtures.verifier(V2_KEY.verificationKey(), NOW)
                .verify(
                    TokenFixtures.minter(V2_KEY, NOW)
                        .mint(TokenRequest.customer("100001", CATALOG.parse("accounts")))
                        .token())
                .resources()
                .isLimited())
        .isFalse();
  }

  @Test
  void verify_malformedResourcesClaim_invalidClaims() {
    for (String claim :
        new String[] {
          "[]",
          "[{\"type\":\"loan\",\"ids\":[\"1\"]}]",
          "[{\"type\":\"card\",\"ids\":[]}]",
          "[{\"type\":\"card\",\"ids\":[\"01\"]}]",
          "[{\"type\":\"card\",\"ids\":[1]}]",
          "[{\"type\":\"card\"}]",
          "\"10001\""
        }) {
      String payload =
          "{\"role\":\"customer\",\"customerId\":\"100001\",\"scope\":\"accounts\","
              + "\"twoFactor\":false,\"iss\":\""
              + TokenFixtures.ISSUER
              + "\",\"iat\":\""
              + NOW
              + "\",\"exp\":\""
              + NOW.plusSeconds(60)
              + "\",\"jti\":\"j\",\"resources\":"
              + claim
              + "}";
      String token =
          PasetoPublic.sign(
              V2_KEY,
              payload.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              ("{\"kid\":\"" + V2_KEY.keyId() + "\"}")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8),
              new byte[0]);
      assertThatExceptionOfType(TokenVerificationException.class)
          .as(claim)
          .isThrownBy(() -> TokenFixtures.verifier(V2_KEY.verificationKey(), NOW).verify(token))
          .satisfies(
              e ->
                  assertThat(e.reason())
                      .isEqualTo(TokenVerificationException.Reason.INVALID_CLAIMS));
    }
  }
}
