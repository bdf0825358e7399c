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
    assertThat(Resources.unlimited().allowsAccount("10003")).isTrue();
    Resources cardsOnly = Resources.of(List.of(), List.of("7002"));
    assertThat(cardsOnly.allowsAccount("10002")).isFalse();
    assertThat(cardsOnly.allowsCard("7001", "10001")).isFalse();
    assertThat(cardsOnly.accountIds()).isEmpty();
    assertThat(cardsOnly.cardIds()).containsExactly("7002");
    assertThat(limited.accountIds()).containsExactly("10001");
  }

  @Test
  void isId_numbersWithoutLeadingZeroUpTo20Digits_exactlyWhatOfAccepts() {
    for (String id : List.of("1", "10001", "9".repeat(20))) {
      assertThat(Resources.isId(id)).as(id).isTrue();
      assertThat(Resources.of(List.of(id), List.of(id)).allowsAccount(id)).isTrue();
    }
    for (String id : List.of("", "0", "01", "1".repeat(21), "1a", " 1", "-1", "\u0661")) {
      assertThat(Resources.isId(id)).as(id).isFalse();
      assertThatIllegalArgumentException().isThrownBy(() -> Resources.of(List.of(id), List.of()));
    }
  }

  @Test
  void equalsHashCodeAndToString_byIdsAndLimit() {
    Resources same = Resources.of(List.of("10001"), List.of("7002"));

    assertThat(limited)
        .isEqualTo(same)
        .hasSameHashCodeAs(same)
        .isNotEqualTo(Resources.of(List.of("10001"), List.of("7003")))
        .isNotEqualTo(Resources.of(List.of("10002"), List.of("7002")))
        .isNotEqualTo(Resources.unlimited())
        .isNotEqualTo("10001");
    assertThat(limited.hashCode()).isNotEqualTo(Resources.unlimited().hashCode());
    assertThat(Resources.unlimited()).hasToString("Resources[unlimited]");
    assertThat(Resources.unlimited().isLimited()).isFalse();
  }

  @Test
  void covers_cardsAndAccountsEachCount() {
    assertThat(limited.covers(Resources.of(List.of(), List.of("7002")))).isTrue();
    assertThat(limited.covers(Resources.of(List.of(), List.of("7003")))).isFalse();
    assertThat(limited.covers(Resources.of(List.of("10001"), List.of("7003")))).isFalse();
  }

  @Test
  void of_exactlyTheMaximum_acceptedAcrossBothKinds() {
    List<String> accounts = new java.util.ArrayList<>();
    List<String> cards = new java.util.ArrayList<>();
    for (int i = 1; i <= Resources.MAX_IDS / 2; i++) {
      accounts.add(Integer.toString(i));
      cards.add(Integer.toString(i));
    }
    assertThat(Resources.of(accounts, cards).cardIds()).hasSize(Resources.MAX_IDS / 2);
    cards.add("999999");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Resources.of(accounts, cards))
        .withMessage("resources list at most 1000 ids");
    assertThat(Resources.of(List.of(), List.of("1")).isLimited()).isTrue();
  }

  @Test
  void mint_oneKindOnly_roundTrips() throws Exception {
    for (Resources oneKind :
        List.of(
            Resources.of(List.of(), List.of("7001")), Resources.of(List.of("10001"), List.of()))) {
      MintedToken minted =
          TokenFixtures.minter(V2_KEY, NOW)
              .mint(TokenRequest.customer("100001", CATALOG.parse("cards")).limitedTo(oneKind));

      assertThat(
              TokenFixtures.verifier(V2_KEY.verificationKey(), NOW)
                  .verify(minted.token())
                  .resources())
          .isEqualTo(oneKind);
    }
  }

  @Test
  void tokenRequest_toString_showsALimit() {
    assertThat(TokenRequest.customer("100001", CATALOG.parse("accounts")).limitedTo(limited))
        .hasToString(
            "TokenRequest[customer 100001, scope=accounts, lifetime=PT24H,"
                + " Resources[accounts=[10001], cards=[7002]]]");
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
    String[][] cases = {
      {"[]", "resources must be a non-empty list"},
      {"\"10001\"", "resources must be a non-empty list"},
      {"[1]", "resources entries are {type, ids} with at least one id"},
      {"[{\"type\":\"card\"}]", "resources entries are {type, ids} with at least one id"},
      {"[{\"type\":1,\"ids\":[\"1\"]}]", "resources entries are {type, ids} with at least one id"},
      {
        "[{\"type\":\"card\",\"ids\":\"1\"}]",
        "resources entries are {type, ids} with at least one id"
      },
      {
        "[{\"type\":\"card\",\"ids\":[]}]", "resources entries are {type, ids} with at least one id"
      },
      {
        "[{\"type\":\"card\",\"ids\":[\"1\"],\"x\":1}]",
        "resources entries are {type, ids} with at least one id"
      },
      {"[{\"type\":\"loan\",\"ids\":[\"1\"]}]", "resources type must be account or card"},
      {"[{\"type\":\"card\",\"ids\":[1]}]", "resources ids are strings"},
      {
        "[{\"type\":\"card\",\"ids\":[\"01\"]}]",
        "resources: a card id is a number without a leading zero, up to 20 digits"
      },
      {
        "[{\"type\":\"account\",\"ids\":[\"1a\"]}]",
        "resources: an account id is a number without a leading zero, up to 20 digits"
      },
    };
    for (String[] c : cases) {
      String claim = c[0];
      String message = c[1];
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
                      .isEqualTo(TokenVerificationException.Reason.INVALID_CLAIMS))
          .withMessage(message);
    }
  }
}
