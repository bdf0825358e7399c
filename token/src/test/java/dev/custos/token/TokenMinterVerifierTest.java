package dev.custos.token;

import static dev.custos.token.TokenFixtures.CATALOG;
import static dev.custos.token.TokenFixtures.ISSUER;
import static dev.custos.token.TokenFixtures.NOW;
import static dev.custos.token.TokenFixtures.V2_KEY;
import static dev.custos.token.TokenFixtures.V4_KEY;
import static dev.custos.token.TokenFixtures.at;
import static dev.custos.token.TokenFixtures.minter;
import static dev.custos.token.TokenFixtures.payloadOf;
import static dev.custos.token.TokenFixtures.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.scopes.TokenRole;
import dev.custos.token.TokenVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenMinterVerifierTest {
  private final TokenMinter minter = minter(V2_KEY, NOW);

  private static TokenRequest customer(String scope) {
    return TokenRequest.customer("100042", CATALOG.parse(scope));
  }

  private static TokenVerificationException refused(TokenVerifier verifier, String token) {
    return assertThatExceptionOfType(TokenVerificationException.class)
        .isThrownBy(() -> verifier.verify(token))
        .actual();
  }

  @Test
  void mint_customerToken_looksLikeTheSpecsAndVerifies() throws Exception {
    MintedToken minted = minter.mint(customer("customers accounts"));

    assertThat(minted.token()).startsWith("v2.public.eyJyb2xlIjoiY3VzdG9tZX");
    assertThat(payloadOf(minted.token()))
        .startsWith("{\"role\":\"customer\",\"customerId\":\"100042\"");
    assertThat(minted.expiresIn()).isEqualTo(Duration.ofHours(24));

    VerifiedToken verified = verifier(V2_KEY.verificationKey(), NOW).verify(minted.token());
    assertThat(verified.role()).isEqualTo(TokenRole.CUSTOMER);
    assertThat(verified.customerId()).contains("100042");
    assertThat(verified.scopes()).isEqualTo(CATALOG.parse("customers accounts"));
    assertThat(verified.twoFactorVerified()).isFalse();
    assertThat(verified.issuer()).isEqualTo(ISSUER);
    assertThat(verified.issuedAt()).isEqualTo(NOW);
    assertThat(verified.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(verified.tokenId()).isEqualTo(minted.tokenId()).matches("[A-Za-z0-9_-]{22}");
    assertThat(verified.keyId()).isEqualTo(V2_KEY.keyId()).startsWith("k2.pid.");
    assertThat(verified.notBefore()).isEmpty();
  }

  @Test
  void mint_payload_hasEveryClaimInOrderWithRfc3339Times() {
    String payload =
        payloadOf(
            minter
                .mint(customer("cards-write").twoFactorVerified().expiresIn(Duration.ofHours(1)))
                .token());

    assertThat(payload)
        .matches(
            "\\{\"role\":\"customer\",\"customerId\":\"100042\",\"scope\":\"cards-write\","
                + "\"twoFactor\":true,\"iss\":\"https://api.custos.test\","
                + "\"iat\":\"2026-11-29T10:00:00Z\",\"exp\":\"2026-11-29T11:00:00Z\","
                + "\"jti\":\"[A-Za-z0-9_-]{22}\"}");
  }

  @Test
  void mint_twoFactorMethodAndTime_writtenAfterTwoFactorAndReadBack() throws Exception {
    Instant at = Instant.parse("2026-11-29T09:59:30.123456Z");
    MintedToken minted =
        minter.mint(customer("cards-write").twoFactorVerified(TwoFactorMethod.PASSKEY, at));

    assertThat(payloadOf(minted.token()))
        .contains(
            "\"twoFactor\":true,\"twoFactorMethod\":\"passkey\","
                + "\"twoFactorAt\":\"2026-11-29T09:59:30.123Z\",\"iss\"");
    VerifiedToken verified = verifier(V2_KEY.verificationKey(), NOW).verify(minted.token());
    assertThat(verified.twoFactorMethod()).contains(TwoFactorMethod.PASSKEY);
    assertThat(verified.twoFactorVerifiedAt()).contains(Instant.parse("2026-11-29T09:59:30.123Z"));
  }

  @Test
  void mint_footer_isTheKeyIdAsJson() {
    String token = minter.mint(customer("cards")).token();
    String footer = token.substring(token.lastIndexOf('.') + 1);

    assertThat(new String(Base64Url.decode(footer), StandardCharsets.UTF_8))
        .isEqualTo("{\"kid\":\"" + V2_KEY.keyId() + "\"}");
  }

  @Test
  void mint_orgToken_payloadStartsWithRoleOrg() throws Exception {
    MintedToken minted =
        minter.mint(TokenRequest.org(CATALOG.parse("customers customer-token-write")));

    assertThat(payloadOf(minted.token())).startsWith("{\"role\":\"org\",\"scope\":");
    VerifiedToken verified = verifier(V2_KEY.verificationKey(), NOW).verify(minted.token());
    assertThat(verified.role()).isEqualTo(TokenRole.ORG);
    assertThat(verified.customerId()).isEmpty();
  }

  @Test
  void verify_oneSecondBeforeExpiry_valid() throws Exception {
    MintedToken minted = minter.mint(customer("cards").expiresIn(Duration.ofMinutes(5)));

    verifier(V2_KEY.verificationKey(), NOW.plusSeconds(299)).verify(minted.token());
  }

  @Test
  void verify_atExpiry_expired() {
    MintedToken minted = minter.mint(customer("cards").expiresIn(Duration.ofMinutes(5)));

    assertThat(
            refused(verifier(V2_KEY.verificationKey(), NOW.plusSeconds(300)), minted.token())
                .reason())
        .isEqualTo(Reason.EXPIRED);
  }

  @Test
  void verify_clockSkew_extendsBothEnds() throws Exception {
    MintedToken minted = minter.mint(customer("cards").expiresIn(Duration.ofMinutes(5)));
    TokenVerifier lenient =
        TokenVerifier.builder()
            .keys(V2_KEY.verificationKey())
            .issuer(ISSUER)
            .clock(at(NOW.plusSeconds(300 + 29)))
            .clockSkew(Duration.ofSeconds(30))
            .build();

    lenient.verify(minted.token());
  }

  @Test
  void verify_issuedInTheFuture_notYetValid() {
    MintedToken minted = minter(V2_KEY, NOW.plusSeconds(60)).mint(customer("cards"));

    assertThat(refused(verifier(V2_KEY.verificationKey(), NOW), minted.token()).reason())
        .isEqualTo(Reason.NOT_YET_VALID);
  }

  @Test
  void verify_beforeNotBefore_notYetValid() throws Exception {
    MintedToken minted = minter.mint(customer("cards").notBefore(NOW.plusSeconds(60)));

    assertThat(
            refused(verifier(V2_KEY.verificationKey(), NOW.plusSeconds(59)), minted.token())
                .reason())
        .isEqualTo(Reason.NOT_YET_VALID);
    assertThat(
            verifier(V2_KEY.verificationKey(), NOW.plusSeconds(60))
                .verify(minted.token())
                .notBefore())
        .contains(NOW.plusSeconds(60));
  }

  @Test
  void verify_otherIssuer_invalidClaims() {
    MintedToken minted =
        TokenMinter.builder()
            .signingKey(V2_KEY)
            .issuer("https://evil.test")
            .clock(at(NOW))
            .build()
            .mint(customer("cards"));

    assertThat(refused(verifier(V2_KEY.verificationKey(), NOW), minted.token()).reason())
        .isEqualTo(Reason.INVALID_CLAIMS);
  }

  @Test
  void verify_unknownKey_refusedBeforeSignatureCheck() {
    SigningKey other = SigningKey.generate(PasetoVersion.V2_PUBLIC);
    MintedToken minted = minter(other, NOW).mint(customer("cards"));

    assertThat(refused(verifier(V2_KEY.verificationKey(), NOW), minted.token()).reason())
        .isEqualTo(Reason.UNKNOWN_KEY);
  }

  @Test
  void verify_footerNamingAKnownKeyButSignedByAnother_badSignature() {
    SigningKey attacker = SigningKey.generate(PasetoVersion.V2_PUBLIC);
    byte[] payload = "{\"role\":\"org\"}".getBytes(StandardCharsets.UTF_8);
    byte[] footer = ("{\"kid\":\"" + V2_KEY.keyId() + "\"}").getBytes(StandardCharsets.UTF_8);
    String forged = PasetoPublic.sign(attacker, payload, footer, new byte[0]);

    assertThat(refused(verifier(V2_KEY.verificationKey(), NOW), forged).reason())
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void verify_signedPayloadsThatAreNotOurClaims_invalidClaims() {
    String[] payloads = {
      "[1]",
      "[]",
      "null",
      "{\"role\":\"customer\",\"role\":\"org\"}",
      "{\"role\":\"admin\"}",
      "{\"role\":\"org\",\"scope\":\"cards\",\"twoFactor\":false,\"iss\":\""
          + ISSUER
          + "\",\"iat\":\"2026-11-29T10:00:00Z\",\"jti\":\"x\"}",
      "{\"role\":\"customer\",\"customerId\":\"1\",\"scope\":\"cards-write\",\"twoFactor\":false,"
          + "\"iss\":\""
          + ISSUER
          + "\",\"iat\":\"2026-11-29T10:00:00Z\","
          + "\"exp\":\"2026-11-29T11:00:00Z\",\"jti\":\"x\"}",
      "{\"role\":\"customer\",\"customerId\":\"1\",\"scope\":\"webhooks\",\"twoFactor\":false,"
          + "\"iss\":\""
          + ISSUER
          + "\",\"iat\":\"2026-11-29T10:00:00Z\","
          + "\"exp\":\"2026-11-29T11:00:00Z\",\"jti\":\"x\"}",
      "{\"role\":\"org\",\"scope\":\"cards\",\"twoFactor\":false,\"iss\":\""
          + ISSUER
          + "\",\"iat\":\"2026-11-29t10:00:00z\",\"exp\":\"2026-11-29T11:00:00Z\",\"jti\":\"x\"}",
      "{\"role\":\"org\",\"scope\":\"cards\",\"twoFactor\":\"false\",\"iss\":\""
          + ISSUER
          + "\",\"iat\":\"2026-11-29T10:00:00Z\",\"exp\":\"2026-11-29T11:00:00Z\",\"jti\":\"x\"}",
    };
    byte[] footer = ("{\"kid\":\"" + V2_KEY.keyId() + "\"}").getBytes(StandardCharsets.UTF_8);
    TokenVerifier verifier = verifier(V2_KEY.verificationKey(), NOW);
    for (String payload : payloads) {
      String token =
          PasetoPublic.sign(V2_KEY, payload.getBytes(StandardCharsets.UTF_8), footer, new byte[0]);
      assertThat(refused(verifier, token).reason()).as(payload).isEqualTo(Reason.INVALID_CLAIMS);
    }
  }

  @Test
  void verify_otherVersionsAndPurposes_unsupported() {
    TokenVerifier verifier = verifier(V2_KEY.verificationKey(), NOW);
    String v4 = minter(V4_KEY, NOW).mint(customer("cards")).token();

    assertThat(refused(verifier, v4).reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
    assertThat(refused(verifier, "v2.local.AAAA").reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
    assertThat(refused(verifier, "v1.public.AAAA").reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
    assertThat(refused(verifier, "V2.public.AAAA").reason()).isEqualTo(Reason.MALFORMED);
    assertThat(refused(verifier, "eyJhbGciOiJFZERTQSJ9.e30.sig").reason())
        .isEqualTo(Reason.MALFORMED);
    assertThat(refused(verifier, null).reason()).isEqualTo(Reason.MALFORMED);
    assertThat(refused(verifier, "v2.public." + "A".repeat(9000)).reason())
        .isEqualTo(Reason.MALFORMED);
  }

  @Test
  void verify_v4WithImplicitAssertion_mustMatch() throws Exception {
    byte[] assertion = "customer-100042".getBytes(StandardCharsets.UTF_8);
    MintedToken minted =
        TokenMinter.builder()
            .signingKey(V4_KEY)
            .issuer(ISSUER)
            .clock(at(NOW))
            .implicitAssertion(assertion)
            .build()
            .mint(customer("cards"));
    TokenVerifier.Builder builder =
        TokenVerifier.builder().keys(V4_KEY.verificationKey()).issuer(ISSUER).clock(at(NOW));

    assertThat(minted.token()).startsWith("v4.public.eyJyb2xlIjoiY3VzdG9tZX");
    builder.implicitAssertion(assertion).build().verify(minted.token());
    assertThat(refused(builder.implicitAssertion(new byte[1]).build(), minted.token()).reason())
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void builders_implicitAssertionWithV2_refused() {
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TokenMinter.builder()
                    .signingKey(V2_KEY)
                    .issuer(ISSUER)
                    .implicitAssertion(new byte[1])
                    .build());
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TokenVerifier.builder()
                    .keys(V2_KEY.verificationKey())
                    .issuer(ISSUER)
                    .implicitAssertion(new byte[1])
                    .build());
  }

  @Test
  void builders_missingParts_refused() {
    assertThatIllegalStateException()
        .isThrownBy(() -> TokenMinter.builder().issuer(ISSUER).build());
    assertThatIllegalStateException()
        .isThrownBy(() -> TokenMinter.builder().signingKey(V2_KEY).build());
    assertThatIllegalStateException()
        .isThrownBy(() -> TokenVerifier.builder().issuer(ISSUER).build());
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TokenVerifier.builder()
                    .keys(V2_KEY.verificationKey(), V4_KEY.verificationKey())
                    .issuer(ISSUER)
                    .build());
    assertThatIllegalArgumentException().isThrownBy(() -> TokenMinter.builder().issuer("a b"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TokenVerifier.builder().clockSkew(Duration.ofMinutes(6)));
  }

  @Test
  void toStrings_neverShowTheToken() {
    MintedToken minted = minter.mint(customer("cards"));

    assertThat(minted.toString()).doesNotContain(minted.token()).contains(minted.tokenId());
    assertThat(minter.toString()).doesNotContain(V2_KEY.exportSecretPaserk());
  }

  @Test
  void verify_hostileFooters_malformedBeforeAnySignatureWork() {
    TokenVerifier verifier = verifier(V2_KEY.verificationKey(), NOW);
    String body = Base64Url.encode(new byte[80]);
    String[] footers = {
      "[".repeat(250),
      "{\"kid\":" + "[".repeat(240) + "}",
      "{\"kid\":1}",
      "{\"kid\":\"a\",\"kid\":\"b\"}",
      "not json",
      "{\"kid\":\"" + "k".repeat(300) + "\"}",
    };
    for (String footer : footers) {
      String token =
          "v2.public." + body + "." + Base64Url.encode(footer.getBytes(StandardCharsets.UTF_8));
      assertThat(refused(verifier, token).reason()).as(footer).isEqualTo(Reason.MALFORMED);
    }
  }

  @Test
  void verify_everySingleCharacterChange_refusedWithTheCheckedException() {
    String token = minter.mint(customer("customers cards")).token();
    TokenVerifier verifier = verifier(V2_KEY.verificationKey(), NOW);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/";
    int refused = 0;
    for (int at = 0; at < token.length(); at++) {
      for (char c : alphabet.toCharArray()) {
        if (c == token.charAt(at)) {
          continue;
        }
        String changed = token.substring(0, at) + c + token.substring(at + 1);
        refused(verifier, changed);
        refused++;
      }
    }
    assertThat(refused).isGreaterThan(token.length() * 60);
  }

  @Test
  void mint_sameInstant_tokenIdsAreRandomAndDistinct() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 50; i++) {
      ids.add(minter.mint(customer("cards")).tokenId());
    }

    assertThat(ids).hasSize(50).allSatisfy(id -> assertThat(id).hasSize(22));
  }

  @Test
  void minterAndVerifier_toString_nameKeyAndIssuerOnly() {
    assertThat(minter)
        .hasToString(
            "TokenMinter[SigningKey[v2.public, " + V2_KEY.keyId() + "], iss=" + ISSUER + "]");
    assertThat(verifier(V2_KEY.verificationKey(), NOW))
        .hasToString("TokenVerifier[V2_PUBLIC, keys=[" + V2_KEY.keyId() + "], iss=" + ISSUER + "]");
  }

  @Test
  void followedRing_returnsNull_buildAndMintRefuseWithoutNpe() {
    java.util.concurrent.atomic.AtomicReference<KeyRing> ring =
        new java.util.concurrent.atomic.AtomicReference<>();
    assertThatIllegalStateException()
        .isThrownBy(() -> TokenMinter.builder().followKeyRing(ring::get).issuer(ISSUER).build())
        .withMessage("the followed key ring source returned null");
    assertThatIllegalStateException()
        .isThrownBy(() -> TokenVerifier.builder().followKeyRing(ring::get).issuer(ISSUER).build())
        .withMessage("the followed key ring source returned null");

    ring.set(KeyRing.of(V2_KEY));
    TokenMinter following =
        TokenMinter.builder().followKeyRing(ring::get).issuer(ISSUER).clock(at(NOW)).build();
    TokenVerifier verifying =
        TokenVerifier.builder().followKeyRing(ring::get).issuer(ISSUER).clock(at(NOW)).build();
    String token = following.mint(customer("cards")).token();
    ring.set(null);

    assertThatIllegalStateException()
        .isThrownBy(() -> following.mint(customer("cards")))
        .withMessage("the followed key ring is missing or of another version");
    assertThat(refused(verifying, token).getMessage())
        .isEqualTo("the followed key ring is missing or of another version");
  }

  @Test
  void followedRing_swappedAfterAVerification_newRingUsedAtOnce() throws Exception {
    java.util.concurrent.atomic.AtomicReference<KeyRing> ring =
        new java.util.concurrent.atomic.AtomicReference<>(KeyRing.of(V2_KEY));
    TokenVerifier verifying =
        TokenVerifier.builder().followKeyRing(ring::get).issuer(ISSUER).clock(at(NOW)).build();
    String token = minter.mint(customer("cards")).token();
    assertThat(verifying.verify(token).keyId()).isEqualTo(V2_KEY.keyId());

    ring.set(KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC)));
    assertThat(refused(verifying, token).reason()).isEqualTo(Reason.UNKNOWN_KEY);

    ring.set(KeyRing.of(V4_KEY));
    assertThat(refused(verifying, token).getMessage())
        .isEqualTo("the followed key ring is missing or of another version");
  }

  @Test
  void verifierBuilder_boundsAndChaining() {
    TokenVerifier.Builder b = TokenVerifier.builder();

    assertThat(b.clockSkew(Duration.ofMinutes(5)).catalog(CATALOG).clockSkew(Duration.ZERO))
        .isSameAs(b);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.clockSkew(Duration.ofMinutes(5).plusMillis(1)))
        .withMessage("clock skew must be zero to 5 minutes");
    assertThatIllegalArgumentException().isThrownBy(() -> b.clockSkew(Duration.ofMillis(-1)));
    assertThatIllegalStateException()
        .isThrownBy(() -> TokenVerifier.builder().keys(V2_KEY.verificationKey()).build())
        .withMessage("issuer is required");
  }

  @Test
  void verify_footerMissingOrAtItsBound_refusedWithTheReason() {
    TokenVerifier verifier = verifier(V2_KEY.verificationKey(), NOW);
    String body = Base64Url.encode(new byte[80]);
    String kid256 = "{\"kid\":\"" + "k".repeat(256 - 10) + "\"}";
    String kid257 = "{\"kid\":\"" + "k".repeat(257 - 10) + "\"}";

    assertThat(refused(verifier, "v2.public." + body).getMessage())
        .isEqualTo("token has no footer naming its key");
    assertThat(refused(verifier, "v2.public." + body + "." + b64(kid256)).reason())
        .isEqualTo(Reason.UNKNOWN_KEY);
    assertThat(refused(verifier, "v2.public." + body + "." + b64(kid257)).getMessage())
        .isEqualTo("token footer is too long");
  }

  private static String b64(String s) {
    return Base64Url.encode(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void verifiedToken_toString_marksTwoFactor() throws Exception {
    MintedToken minted = minter.mint(customer("cards-write").twoFactorVerified());

    assertThat(verifier(V2_KEY.verificationKey(), NOW).verify(minted.token()).toString())
        .startsWith("VerifiedToken[customer 100042, scope=cards-write, twoFactor, jti=")
        .doesNotContain(minted.token());
  }

  @Test
  void verify_footerExtendedShortenedOrChanged_refused() throws Exception {
    // The verifier recognises its keys' footers by their text: a footer that only starts with one
    // must not pass for it.
    for (SigningKey key : new SigningKey[] {V2_KEY, V4_KEY}) {
      String token = minter(key, NOW).mint(customer("cards")).token();
      TokenVerifier verifier = verifier(key.verificationKey(), NOW);
      char last = token.charAt(token.length() - 1);
      for (String forged :
          new String[] {
            token + "A",
            token + "AA",
            token + "fQ",
            token.substring(0, token.length() - 1),
            token.substring(0, token.length() - 1) + (last == 'Q' ? 'R' : 'Q'),
            token.substring(0, token.lastIndexOf('.'))
          }) {
        assertThatExceptionOfType(TokenVerificationException.class)
            .as(forged.substring(forged.lastIndexOf('.')))
            .isThrownBy(() -> verifier.verify(forged));
      }
    }
  }

  @Test
  void verify_nonAsciiCharacterInTheBody_malformed() {
    String token = minter.mint(customer("cards")).token();
    TokenVerifier verifier = verifier(V2_KEY.verificationKey(), NOW);
    for (char c : new char[] {0x80, 0xff, 0x100, 0xfeff, 0xffff}) {
      String forged = "v2.public." + c + token.substring("v2.public.".length() + 1);
      assertThat(refused(verifier, forged).reason())
          .as("U+%04X", (int) c)
          .isEqualTo(Reason.MALFORMED);
    }
  }
}
