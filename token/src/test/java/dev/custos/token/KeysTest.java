package dev.custos.token;

import static dev.custos.token.TokenFixtures.CATALOG;
import static dev.custos.token.TokenFixtures.ISSUER;
import static dev.custos.token.TokenFixtures.NOW;
import static dev.custos.token.TokenFixtures.V2_KEY;
import static dev.custos.token.TokenFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
}
