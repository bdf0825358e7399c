package dev.custos.token;

import static dev.custos.token.TokenFixtures.CATALOG;
import static dev.custos.token.TokenFixtures.ISSUER;
import static dev.custos.token.TokenFixtures.NOW;
import static dev.custos.token.TokenFixtures.V2_KEY;
import static dev.custos.token.TokenFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.custos.token.TokenVerificationException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeysTest {

  @Test
  void signingKey_toString_showsNoPrivateMaterial() {
    String secretPaserk = V2_KEY.exportSecretPaserk();
    String secretB64 = secretPaserk.substring("k2.secret.".length(), "k2.secret.".length() + 40);

    assertThat(V2_KEY.toString())
        .isEqualTo("SigningKey[v2.public, " + V2_KEY.keyId() + "]")
        .doesNotContain(secretB64);
  }

  @Test
  void paserk_secretAndPublic_roundTrip() {
    SigningKey key = SigningKey.generate(PasetoVersion.V4_PUBLIC);

    SigningKey imported = SigningKey.fromPaserk(key.exportSecretPaserk());
    VerificationKey publicKey = VerificationKey.fromPaserk(key.verificationKey().toPaserk());

    assertThat(key.exportSecretPaserk()).startsWith("k4.secret.");
    assertThat(imported.keyId()).isEqualTo(key.keyId()).startsWith("k4.pid.");
    assertThat(imported.version()).isEqualTo(PasetoVersion.V4_PUBLIC);
    assertThat(publicKey).isEqualTo(key.verificationKey());
  }

  @Test
  void jwk_privateAndPublic_roundTrip() {
    SigningKey key = SigningKey.generate(PasetoVersion.V2_PUBLIC);

    String privateJwk = key.exportPrivateJwk();
    String publicJwk = key.verificationKey().toJwk();

    assertThat(privateJwk).contains("\"kty\":\"OKP\"", "\"crv\":\"Ed25519\"", "\"d\":");
    assertThat(publicJwk)
        .contains("\"kid\":\"" + key.keyId() + "\"", "\"alg\":\"EdDSA\"")
        .doesNotContain("\"d\"");
    assertThat(SigningKey.fromJwk(privateJwk, PasetoVersion.V2_PUBLIC).keyId())
        .isEqualTo(key.keyId());
    assertThat(VerificationKey.fromJwk(publicJwk, PasetoVersion.V2_PUBLIC))
        .isEqualTo(key.verificationKey());
  }

  @Test
  void fromJwk_mismatchedHalves_refused() {
    String other = SigningKey.generate(PasetoVersion.V2_PUBLIC).verificationKey().toJwk();
    String d = V2_KEY.exportPrivateJwk().replaceAll(".*\"d\":\"([^\"]+)\".*", "$1");
    String mixed =
        other.replace("}", ",\"d\":\"" + d + "\"}").replaceAll(",\"kid\":\"[^\"]+\"", "");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> SigningKey.fromJwk(mixed, PasetoVersion.V2_PUBLIC))
        .withMessageContaining("does not belong");
  }

  @Test
  void fromJwk_kidOfAnotherVersion_refused() {
    String v2Jwk = V2_KEY.verificationKey().toJwk();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerificationKey.fromJwk(v2Jwk, PasetoVersion.V4_PUBLIC))
        .withMessageContaining("kid");
  }

  @Test
  void fromJwk_privateJwkAsVerificationKey_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> VerificationKey.fromJwk(V2_KEY.exportPrivateJwk(), PasetoVersion.V2_PUBLIC));
  }

  @Test
  void fromPaserk_wrongKindOrTampered_refused() {
    String secret = V2_KEY.exportSecretPaserk();
    String publicPaserk = V2_KEY.verificationKey().toPaserk();

    assertThatIllegalArgumentException().isThrownBy(() -> SigningKey.fromPaserk(publicPaserk));
    assertThatIllegalArgumentException().isThrownBy(() -> VerificationKey.fromPaserk(secret));
    assertThatIllegalArgumentException().isThrownBy(() -> SigningKey.fromPaserk("k3.secret.AAAA"));
    // Replace the public half with another key's: the halves no longer belong together.
    String otherPublic = Base64Url.encode(new byte[32]);
    byte[] both = Base64Url.decode(secret.substring("k2.secret.".length()));
    System.arraycopy(Base64Url.decode(otherPublic), 0, both, 32, 32);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SigningKey.fromPaserk("k2.secret." + Base64Url.encode(both)));
  }

  @Test
  void verificationKey_smallOrderPoint_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerificationKey.of(PasetoVersion.V2_PUBLIC, new byte[32]))
        .withMessageContaining("small order");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerificationKey.of(PasetoVersion.V2_PUBLIC, new byte[31]));
  }

  @Test
  void keyRing_rotation_oldTokensVerifyUntilAcceptanceEnds() throws Exception {
    KeyRing ring = KeyRing.of(V2_KEY);
    MintedToken old =
        TokenMinter.builder()
            .keyRing(ring)
            .issuer(ISSUER)
            .clock(at(NOW))
            .build()
            .mint(
                TokenRequest.customer("1", CATALOG.parse("cards")).expiresIn(Duration.ofHours(2)));
    KeyRing rotated =
        ring.rotate(SigningKey.generate(PasetoVersion.V2_PUBLIC), NOW.plus(Duration.ofHours(1)));
    MintedToken fresh =
        TokenMinter.builder()
            .keyRing(rotated)
            .issuer(ISSUER)
            .clock(at(NOW))
            .build()
            .mint(TokenRequest.customer("1", CATALOG.parse("cards")));

    TokenVerifier during =
        TokenVerifier.builder()
            .keyRing(rotated)
            .issuer(ISSUER)
            .clock(at(NOW.plusSeconds(3599)))
            .build();
    TokenVerifier after =
        TokenVerifier.builder()
            .keyRing(rotated)
            .issuer(ISSUER)
            .clock(at(NOW.plusSeconds(3601)))
            .build();

    during.verify(old.token());
    during.verify(fresh.token());
    after.verify(fresh.token());
    assertThatExceptionOfType(TokenVerificationException.class)
        .isThrownBy(() -> after.verify(old.token()))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
    assertThat(rotated.verificationKeys()).hasSize(2);
    assertThat(rotated.pruned(NOW.plusSeconds(3601)).verificationKeys()).hasSize(1);
  }

  @Test
  void keyRing_rotateToOtherVersionOrSameKey_refused() {
    KeyRing ring = KeyRing.of(V2_KEY);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ring.rotate(SigningKey.generate(PasetoVersion.V4_PUBLIC), NOW));
    assertThatIllegalArgumentException().isThrownBy(() -> ring.rotate(V2_KEY, NOW));
  }

  @Test
  void jwkSet_exportedAndImportedElsewhere_verifiesTokens() throws Exception {
    KeyRing ring =
        KeyRing.of(V2_KEY)
            .rotate(SigningKey.generate(PasetoVersion.V2_PUBLIC), NOW.plusSeconds(3600));
    MintedToken minted =
        TokenMinter.builder()
            .keyRing(ring)
            .issuer(ISSUER)
            .clock(at(NOW))
            .build()
            .mint(TokenRequest.customer("1", CATALOG.parse("cards")));

    String jwks = ring.toJwkSet();
    TokenVerifier elsewhere =
        TokenVerifier.builder()
            .jwkSet(jwks, PasetoVersion.V2_PUBLIC)
            .issuer(ISSUER)
            .clock(at(NOW))
            .build();

    assertThat(jwks).startsWith("{\"keys\":[").doesNotContain("\"d\"");
    assertThat(elsewhere.verify(minted.token()).customerId()).contains("1");
  }

  @Test
  void jwkSet_malformedOrEmpty_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TokenVerifier.builder().jwkSet("{", PasetoVersion.V2_PUBLIC));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TokenVerifier.builder().jwkSet("{\"keys\":[]}", PasetoVersion.V2_PUBLIC));
  }

  @Test
  void keyRing_rotateTwice_keepsEveryRetiredKeyUntilItsOwnDeadline() {
    SigningKey first = SigningKey.generate(PasetoVersion.V2_PUBLIC);
    SigningKey second = SigningKey.generate(PasetoVersion.V2_PUBLIC);
    SigningKey third = SigningKey.generate(PasetoVersion.V2_PUBLIC);
    KeyRing ring =
        KeyRing.of(first)
            .rotate(second, NOW.plus(Duration.ofHours(2)))
            .rotate(third, NOW.plus(Duration.ofHours(1)));

    assertThat(ring.verificationKeys())
        .extracting(VerificationKey::keyId)
        .containsExactlyInAnyOrder(first.keyId(), second.keyId(), third.keyId());
    assertThat(ring.pruned(NOW.plus(Duration.ofMinutes(90))).verificationKeys())
        .extracting(VerificationKey::keyId)
        .as("the first key's window lasts until 2 h, the second's until 1 h")
        .containsExactlyInAnyOrder(first.keyId(), third.keyId());
    assertThat(ring.pruned(NOW.plus(Duration.ofHours(1))).verificationKeys())
        .as("a key is kept through the last instant of its window")
        .hasSize(3);
  }

  @Test
  void fromSeed_seedNot32Bytes_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SigningKey.fromSeed(PasetoVersion.V2_PUBLIC, new byte[31]))
        .withMessage("an Ed25519 private key seed is 32 bytes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SigningKey.fromSeed(PasetoVersion.V2_PUBLIC, new byte[33]));
  }

  @Test
  void fromPaserk_prefixDecidesTheVersion() {
    SigningKey v4 = SigningKey.generate(PasetoVersion.V4_PUBLIC);

    assertThat(SigningKey.fromPaserk(v4.exportSecretPaserk()).version())
        .isEqualTo(PasetoVersion.V4_PUBLIC);
    assertThat(VerificationKey.fromPaserk(v4.verificationKey().toPaserk()).version())
        .isEqualTo(PasetoVersion.V4_PUBLIC);
    assertThat(VerificationKey.fromPaserk(V2_KEY.verificationKey().toPaserk()).version())
        .isEqualTo(PasetoVersion.V2_PUBLIC);
  }

  @Test
  void fromPaserk_otherKindVersionOrLength_refusedNamingWhatWasExpected() {
    String secret = V2_KEY.exportSecretPaserk();
    String pub = V2_KEY.verificationKey().toPaserk();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerificationKey.fromPaserk(secret))
        .withMessage("not a k2.public. PASERK");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SigningKey.fromPaserk(pub))
        .withMessage("not a k2.secret. PASERK");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SigningKey.fromPaserk("k3" + secret.substring(2)))
        .withMessage("not a k2.secret. PASERK");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerificationKey.fromPaserk(pub.substring(0, pub.length() - 2)))
        .withMessage("k2.public. PASERK must hold 32 bytes of base64url");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerificationKey.fromPaserk("k2.public." + Base64Url.encode(new byte[31])))
        .withMessage("k2.public. PASERK must hold 32 bytes of base64url");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerificationKey.fromPaserk("k2.public.AA=="))
        .withMessage("k2.public. PASERK must hold 32 bytes of base64url");
  }

  @Test
  void fromJwk_notAnEd25519OctetKeyPair_refused() throws Exception {
    String ec = new ECKeyGenerator(Curve.P_256).generate().toJSONString();
    String b64 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    String x25519Public = "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"" + b64 + "\"}";
    String x25519Private = x25519Public.replace("}", ",\"d\":\"" + b64 + "\"}");
    String ed25519Public = V2_KEY.verificationKey().toJwk();

    for (String jwk : new String[] {ec, x25519Private}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> SigningKey.fromJwk(jwk, PasetoVersion.V2_PUBLIC))
          .withMessage("not a private Ed25519 OKP JWK");
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SigningKey.fromJwk(ed25519Public, PasetoVersion.V2_PUBLIC))
        .withMessage("not a private Ed25519 OKP JWK");
    for (String jwk : new String[] {ec, x25519Public}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> VerificationKey.fromJwk(jwk, PasetoVersion.V2_PUBLIC))
          .withMessage("not an Ed25519 OKP JWK");
    }
  }

  @Test
  void fromJwk_withoutKidAccepted_withForeignKidRefused() throws Exception {
    OctetKeyPair okp = OctetKeyPair.parse(V2_KEY.verificationKey().toJwk()).toPublicJWK();
    String withoutKid = new OctetKeyPair.Builder(okp).keyID(null).build().toJSONString();
    String foreignKid = new OctetKeyPair.Builder(okp).keyID("k2.pid.other").build().toJSONString();

    assertThat(VerificationKey.fromJwk(withoutKid, PasetoVersion.V2_PUBLIC))
        .isEqualTo(V2_KEY.verificationKey());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerificationKey.fromJwk(foreignKid, PasetoVersion.V2_PUBLIC))
        .withMessage("JWK kid does not match the key's k2.pid");
  }

  @Test
  void verificationKey_equalsHashCodeAndToString() {
    VerificationKey key = V2_KEY.verificationKey();
    VerificationKey sameBytesV4 =
        VerificationKey.fromJwk(
            new OctetKeyPair.Builder(parsePublic(key)).keyID(null).build().toJSONString(),
            PasetoVersion.V4_PUBLIC);

    assertThat(key)
        .isEqualTo(VerificationKey.fromPaserk(key.toPaserk()))
        .hasSameHashCodeAs(VerificationKey.fromPaserk(key.toPaserk()))
        .isNotEqualTo(sameBytesV4)
        .isNotEqualTo(TokenFixtures.V4_KEY.verificationKey())
        .isNotEqualTo(SigningKey.generate(PasetoVersion.V2_PUBLIC).verificationKey())
        .isNotEqualTo(key.toPaserk());
    assertThat(key.hashCode()).isNotEqualTo(sameBytesV4.hashCode());
    assertThat(key).hasToString("VerificationKey[v2.public, " + key.keyId() + "]");
  }

  private static OctetKeyPair parsePublic(VerificationKey key) {
    try {
      return OctetKeyPair.parse(key.toJwk());
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void keyRing_rotateBackToARetiredKey_refused() {
    SigningKey second = SigningKey.generate(PasetoVersion.V2_PUBLIC);
    KeyRing ring = KeyRing.of(V2_KEY).rotate(second, NOW.plusSeconds(3600));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ring.rotate(V2_KEY, NOW.plusSeconds(7200)))
        .withMessage("key " + V2_KEY.keyId() + " is already in the ring");
    assertThat(ring.toString())
        .startsWith("KeyRing[v2.public, signing=" + second.keyId() + ", retired=[")
        .contains(V2_KEY.keyId())
        .doesNotContain(second.exportSecretPaserk().substring(10, 40));
  }

  @Test
  void jwkSet_otherKeyTypesBesideEd25519_ignored() throws Exception {
    String ec = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString();
    String set = "{\"keys\":[" + ec + "," + V2_KEY.verificationKey().toJwk() + "]}";
    String onlyEc = "{\"keys\":[" + ec + "]}";

    assertThat(
            TokenVerifier.builder()
                .jwkSet(set, PasetoVersion.V2_PUBLIC)
                .issuer(ISSUER)
                .clock(at(NOW))
                .build()
                .verify(
                    TokenFixtures.minter(V2_KEY, NOW)
                        .mint(TokenRequest.customer("1", CATALOG.parse("cards")))
                        .token())
                .keyId())
        .isEqualTo(V2_KEY.keyId());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TokenVerifier.builder().jwkSet(onlyEc, PasetoVersion.V2_PUBLIC))
        .withMessage("the JWK Set holds no Ed25519 key");
  }
}
