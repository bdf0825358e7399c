package dev.custos.token;

import static dev.custos.token.TokenFixtures.ISSUER;
import static dev.custos.token.TokenFixtures.NOW;
import static dev.custos.token.TokenFixtures.V2_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.token.TokenVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every claim rule the verifier holds for payloads a trusted key signed, each just inside and just
 * outside its bound, with a clock skew of one minute.
 */
class ClaimsRulesTest {
  private static final Duration SKEW = Duration.ofMinutes(1);
  private static final TokenVerifier VERIFIER =
      TokenVerifier.builder()
          .keys(V2_KEY.verificationKey())
          .issuer(ISSUER)
          .clock(TokenFixtures.at(NOW))
          .clockSkew(SKEW)
          .build();

  /** A valid customer token's claims, as JSON literals, changed by {@code edit}. */
  private static String token(Consumer<Map<String, String>> edit) {
    Map<String, String> claims = new LinkedHashMap<>();
    claims.put("role", q("customer"));
    claims.put("customerId", q("100042"));
    claims.put("scope", q("accounts"));
    claims.put("twoFactor", "false");
    claims.put("iss", q(ISSUER));
    claims.put("iat", q(NOW.minusSeconds(10).toString()));
    claims.put("exp", q(NOW.plusSeconds(600).toString()));
    claims.put("jti", q("j"));
    edit.accept(claims);
    String payload =
        claims.entrySet().stream()
            .map(e -> q(e.getKey()) + ":" + e.getValue())
            .collect(Collectors.joining(",", "{", "}"));
    return sign(payload);
  }

  private static String sign(String payload) {
    byte[] footer = ("{\"kid\":\"" + V2_KEY.keyId() + "\"}").getBytes(StandardCharsets.UTF_8);
    return PasetoPublic.sign(V2_KEY, payload.getBytes(StandardCharsets.UTF_8), footer, new byte[0]);
  }

  private static String q(String s) {
    return "\"" + s + "\"";
  }

  private static String at(Instant instant) {
    return q(instant.toString());
  }

  private static void refused(String token, Reason reason, String message) {
    assertThatExceptionOfType(TokenVerificationException.class)
        .isThrownBy(() -> VERIFIER.verify(token))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(reason))
        .withMessage(message);
  }

  /** PASETO payloads are UTF-8: a trusted key's signature over any other encoding is malformed. */
  @Test
  void verify_payloadInAnotherEncodingSignedByATrustedKey_refusedAsMalformed() throws Exception {
    String json =
        "{\"role\":\"customer\",\"customerId\":\"100042\",\"scope\":\"accounts\","
            + "\"twoFactor\":false,\"iss\":\""
            + ISSUER
            + "\",\"iat\":\""
            + NOW.minusSeconds(10)
            + "\",\"exp\":\""
            + NOW.plusSeconds(600)
            + "\",\"jti\":\"j\"}";
    byte[] footer = ("{\"kid\":\"" + V2_KEY.keyId() + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThat(VERIFIER.verify(sign(json)).customerId()).as("the same claims in UTF-8").isPresent();
    Map<String, byte[]> encodings = new LinkedHashMap<>();
    encodings.put(
        "UTF-8 with a byte-order mark",
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            json.getBytes(StandardCharsets.UTF_8)));
    encodings.put("UTF-16BE", json.getBytes(StandardCharsets.UTF_16BE));
    encodings.put("UTF-16LE", json.getBytes(StandardCharsets.UTF_16LE));
    encodings.put("UTF-16 with a byte-order mark", json.getBytes(StandardCharsets.UTF_16));
    encodings.put("UTF-32BE", json.getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
    encodings.put("UTF-32LE", json.getBytes(java.nio.charset.Charset.forName("UTF-32LE")));

    java.util.List<String> accepted = new java.util.ArrayList<>();
    for (Map.Entry<String, byte[]> e : encodings.entrySet()) {
      String token = PasetoPublic.sign(V2_KEY, e.getValue(), footer, new byte[0]);
      try {
        VERIFIER.verify(token);
        accepted.add(e.getKey());
      } catch (TokenVerificationException refused) {
        if (refused.reason() != Reason.MALFORMED) {
          accepted.add(e.getKey() + " refused as " + refused.reason());
        }
      }
    }
    assertThat(accepted).isEmpty();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Test
  void verify_baseClaims_accepted() throws Exception {
    VerifiedToken token = VERIFIER.verify(token(c -> {}));

    assertThat(token.customerId()).contains("100042");
    assertThat(token.isCustomer("100042")).isTrue();
    assertThat(token.isCustomer("100043")).isFalse();
    assertThat(token.toString())
        .isEqualTo(
            "VerifiedToken[customer 100042, scope=accounts, jti=j, expiresAt="
                + NOW.plusSeconds(600)
                + "]");
    assertThat(token.notBefore()).isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "role      | \"admin\"                           | role must be customer or org",
        "role      | \"org\"                             | an org token has no customerId",
        "scope     | \"payments-write\"                  | "
            + "scopes needing two-factor authentication in a token minted without it",
        "twoFactor | \"true\"                            | twoFactor must be a boolean",
        "iss       | \"https://api.custos.test/evil\"    | issuer is not the expected one",
      })
  void verify_oneClaimBroken_invalidClaimsNamingIt(String claim, String json, String message) {
    refused(token(c -> c.put(claim, json)), Reason.INVALID_CLAIMS, message);
  }

  @Test
  void verify_orgTokenWithTwoFactorScopeMintedWithoutIt_accepted() throws Exception {
    // Two-factor is a rule for customer tokens; org tokens carry such scopes without it.
    VerifiedToken token =
        VERIFIER.verify(
            token(
                c -> {
                  c.put("role", q("org"));
                  c.remove("customerId");
                  c.put("scope", q("payments-write"));
                }));

    assertThat(token.isCustomer("100042")).isFalse();
    assertThat(token.toString()).startsWith("VerifiedToken[org, scope=payments-write, jti=j");
    assertThat(token.customerId()).isEmpty();
  }

  @Test
  void verify_tokenIdLengths_oneTo128Accepted() throws Exception {
    assertThat(VERIFIER.verify(token(c -> c.put("jti", q("j".repeat(128))))).tokenId())
        .hasSize(128);
    refused(
        token(c -> c.put("jti", q("j".repeat(129)))),
        Reason.INVALID_CLAIMS,
        "jti must be 1 to 128 characters");
    refused(
        token(c -> c.put("jti", q(""))), Reason.INVALID_CLAIMS, "jti must be 1 to 128 characters");
  }

  @Test
  void verify_expNotAfterIat_refused() {
    refused(token(c -> c.put("exp", c.get("iat"))), Reason.INVALID_CLAIMS, "exp is not after iat");
  }

  @Test
  void verify_expiryAtTheSkewEdge_validUntilExpPlusSkew() throws Exception {
    String issued = at(NOW.minus(Duration.ofHours(1)));
    Instant lastValid = NOW.minus(SKEW).plusMillis(1);
    String valid =
        token(
            c -> {
              c.put("iat", issued);
              c.put("exp", at(lastValid));
            });
    assertThat(VERIFIER.verify(valid).expiresAt()).isEqualTo(lastValid);
    Instant expired = NOW.minus(SKEW);
    String late =
        token(
            c -> {
              c.put("iat", issued);
              c.put("exp", at(expired));
            });
    refused(late, Reason.EXPIRED, "token expired at " + expired);
  }

  @Test
  void verify_notBeforeAtTheSkewEdge_validFromNbfMinusSkew() throws Exception {
    Instant firstValid = NOW.plus(SKEW);
    assertThat(VERIFIER.verify(token(c -> c.put("nbf", at(firstValid)))).notBefore())
        .contains(firstValid);
    Instant early = NOW.plus(SKEW).plusMillis(1);
    refused(
        token(c -> c.put("nbf", at(early))),
        Reason.NOT_YET_VALID,
        "token is not valid before " + early);
  }

  @Test
  void verify_issuedInTheFuture_acceptedWithinTheSkewOnly() throws Exception {
    Instant iatEdge = NOW.plus(SKEW);
    assertThat(VERIFIER.verify(token(c -> c.put("iat", at(iatEdge)))).issuedAt())
        .isEqualTo(iatEdge);
    refused(
        token(c -> c.put("iat", at(iatEdge.plusMillis(1)))),
        Reason.NOT_YET_VALID,
        "token is issued in the future");
  }

  @Test
  void verify_orgTokenOfExactly366Days_accepted() throws Exception {
    VerifiedToken token =
        VERIFIER.verify(
            token(
                c -> {
                  c.put("role", q("org"));
                  c.remove("customerId");
                  c.put("iat", at(NOW));
                  c.put("exp", at(NOW.plus(Duration.ofDays(366))));
                }));

    assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(366)));
  }

  @Test
  void verify_payloadNotAnObject_refusedWithoutAPath() {
    refused(
        sign("[1]"),
        Reason.INVALID_CLAIMS,
        "payload is not a UTF-8 JSON object with unique members: not a JSON object");
  }

  @Test
  void verify_upgradableScope_readForCustomersRefusedForOrgsAndOrgOnlyScopes() throws Exception {
    VerifiedToken token =
        VERIFIER.verify(token(c -> c.put("upgradableScope", q("payments-write cards-write"))));
    assertThat(token.upgradableScopes()).hasToString("cards-write payments-write");
    assertThat(VERIFIER.verify(token(c -> {})).upgradableScopes()).isEmpty();

    refused(
        token(
            c -> {
              c.put("role", q("org"));
              c.remove("customerId");
              c.put("upgradableScope", q("cards"));
            }),
        Reason.INVALID_CLAIMS,
        "an org token has no upgradableScope");
    assertThatExceptionOfType(TokenVerificationException.class)
        .isThrownBy(() -> VERIFIER.verify(token(c -> c.put("upgradableScope", q("applications")))))
        .withMessageStartingWith("upgradableScope: ");
  }

  @Test
  void verify_sourceIpOnACustomerTokenOrWithSpaces_refused() {
    refused(
        token(c -> c.put("sourceIp", q("10.0.0.1"))),
        Reason.INVALID_CLAIMS,
        "a customer token has no sourceIp");
    refused(
        token(
            c -> {
              c.put("role", q("org"));
              c.remove("customerId");
              c.put("sourceIp", q("10.0.0.1, 10.0.0.2"));
            }),
        Reason.INVALID_CLAIMS,
        "sourceIp is 1 to 2000 printable characters without spaces");
  }

  @Test
  void verify_authorizedUser_readOnCustomerTokensOnlyAndWellFormed() throws Exception {
    assertThat(VERIFIER.verify(token(c -> c.put("authorizedUser", q("au-7")))).authorizedUser())
        .contains("au-7");
    assertThat(VERIFIER.verify(token(c -> {})).authorizedUser()).isEmpty();
    refused(
        token(
            c -> {
              c.put("role", q("org"));
              c.remove("customerId");
              c.put("authorizedUser", q("au-7"));
            }),
        Reason.INVALID_CLAIMS,
        "an org token has no authorizedUser");
    refused(
        token(c -> c.put("authorizedUser", q("au 7"))),
        Reason.INVALID_CLAIMS,
        "authorizedUser is malformed");
    refused(
        token(c -> c.put("authorizedUser", "7")),
        Reason.INVALID_CLAIMS,
        "authorizedUser must be a string");
  }

  @Test
  void verify_twoFactorMethodAndTime_readBack() throws Exception {
    Instant at = NOW.minusSeconds(30);
    VerifiedToken token =
        VERIFIER.verify(
            token(
                c -> {
                  c.put("twoFactor", "true");
                  c.put("twoFactorMethod", q("passkey"));
                  c.put("twoFactorAt", at(at));
                }));

    assertThat(token.twoFactorMethod()).contains(TwoFactorMethod.PASSKEY);
    assertThat(token.twoFactorVerifiedAt()).contains(at);
  }

  @Test
  void verify_twoFactorMethodWithoutTwoFactor_refused() {
    refused(
        token(
            c -> {
              c.put("twoFactorMethod", q("code"));
              c.put("twoFactorAt", at(NOW.minusSeconds(30)));
            }),
        Reason.INVALID_CLAIMS,
        "twoFactorMethod and twoFactorAt belong to a two-factor verified token");
  }

  @ParameterizedTest
  @CsvSource({
    "'\"sms\"', twoFactorMethod is unknown",
    "'true', twoFactorMethod must be a string",
  })
  void verify_twoFactorMethodNotOneOfOurs_refused(String method, String message) {
    refused(
        token(
            c -> {
              c.put("twoFactor", "true");
              c.put("twoFactorMethod", method);
              c.put("twoFactorAt", at(NOW.minusSeconds(30)));
            }),
        Reason.INVALID_CLAIMS,
        message);
  }

  @Test
  void verify_twoFactorMethodWithoutItsTime_refused() {
    refused(
        token(
            c -> {
              c.put("twoFactor", "true");
              c.put("twoFactorMethod", q("code"));
            }),
        Reason.INVALID_CLAIMS,
        "twoFactorAt must be a string");
  }

  @Test
  void verify_twoFactorAtAfterIssuance_refused() {
    refused(
        token(
            c -> {
              c.put("twoFactor", "true");
              c.put("twoFactorMethod", q("code"));
              c.put("twoFactorAt", at(NOW));
            }),
        Reason.INVALID_CLAIMS,
        "twoFactorAt is after iat");
  }
}
