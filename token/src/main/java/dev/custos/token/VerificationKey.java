package dev.custos.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key bound to one {@link PasetoVersion}: what a {@link TokenVerifier} checks
 * signatures with. Safe to publish.
 *
 * <p>Every factory validates the point fully (on the curve, canonical, not of small order), so a
 * key that could make forged signatures verify is refused at import. Its {@link #keyId()} is the
 * PASERK {@code k2.pid}/{@code k4.pid} of the key, which minted tokens carry in their footer.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class VerificationKey {
  private final PasetoVersion version;
  private final byte[] publicKey;
  private final Ed25519.PublicPoint point;
  private final String keyId;

  private VerificationKey(PasetoVersion version, byte[] publicKey, Ed25519.PublicPoint point) {
    this.version = version;
    this.publicKey = publicKey;
    this.point = point;
    this.keyId = Paserk.publicKeyId(version, publicKey);
  }

  /**
   * Returns the key of 32 raw Ed25519 public-key bytes (RFC 8032 encoding).
   *
   * @param version the PASETO version the key may verify
   * @param publicKey 32 bytes; copied
   * @return the key
   * @throws IllegalArgumentException if the bytes are not a valid Ed25519 public key
   * @throws NullPointerException if an argument is null
   */
  public static VerificationKey of(PasetoVersion version, byte[] publicKey) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(publicKey, "publicKey");
    if (publicKey.length != Paserk.PUBLIC_BYTES) {
      throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
    }
    byte[] copy = publicKey.clone();
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(copy, 0);
    if (point == null) {
      throw new IllegalArgumentException("not a valid Ed25519 public key (or one of small order)");
    }
    return new VerificationKey(version, copy, point);
  }

  /**
   * Parses a PASERK {@code k2.public.…} or {@code k4.public.…}; the prefix decides the version.
   *
   * @param paserk the serialized key
   * @return the key
   * @throws IllegalArgumentException if the string is not a public PASERK of version 2 or 4, or
   *     does not hold a valid Ed25519 public key
   * @throws NullPointerException if {@code paserk} is null
   */
  public static VerificationKey fromPaserk(String paserk) {
    Objects.requireNonNull(paserk, "paserk");
    PasetoVersion version =
        paserk.startsWith("k4.") ? PasetoVersion.V4_PUBLIC : PasetoVersion.V2_PUBLIC;
    return of(version, Paserk.decodePublic(version, paserk));
  }

  /**
   * Parses a public JWK of type OKP on curve Ed25519. If the JWK has a {@code kid}, it must be this
   * key's PASERK id for {@code version}.
   *
   * @param jwk the JWK as JSON
   * @param version the PASETO version the key may verify
   * @return the key
   * @throws IllegalArgumentException if the JSON is not an Ed25519 OKP JWK, holds private material,
   *     or its {@code kid} does not match
   * @throws NullPointerException if an argument is null
   */
  public static VerificationKey fromJwk(String jwk, PasetoVersion version) {
    Objects.requireNonNull(jwk, "jwk");
    Objects.requireNonNull(version, "version");
    try {
      return fromJwk(JWK.parse(jwk), version);
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JWK: " + e.getMessage());
    }
  }

  static VerificationKey fromJwk(JWK jwk, PasetoVersion version) {
    if (!(jwk instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
      throw new IllegalArgumentException("not an Ed25519 OKP JWK");
    }
    if (okp.isPrivate()) {
      throw new IllegalArgumentException("a verification key JWK must not hold the private key");
    }
    VerificationKey key = of(version, okp.getDecodedX());
    if (okp.getKeyID() != null && !okp.getKeyID().equals(key.keyId)) {
      throw new IllegalArgumentException(
          "JWK kid does not match the key's " + version.paserkPrefix() + ".pid");
    }
    return key;
  }

  /**
   * Returns the PASETO version this key verifies.
   *
   * @return the version
   */
  public PasetoVersion version() {
    return version;
  }

  /**
   * Returns the key id: the PASERK {@code k2.pid.…} or {@code k4.pid.…} of this key.
   *
   * @return the key id
   */
  public String keyId() {
    return keyId;
  }

  /**
   * Returns the 32 raw public-key bytes.
   *
   * @return a copy of the key bytes
   */
  public byte[] toBytes() {
    return publicKey.clone();
  }

  /**
   * Returns the key as a PASERK {@code k2.public.…} or {@code k4.public.…}.
   *
   * @return the serialized key
   */
  public String toPaserk() {
    return Paserk.publicKey(version, publicKey);
  }

  /**
   * Returns the key as a public JWK: {@code kty} OKP, {@code crv} Ed25519, {@code alg} EdDSA,
   * {@code use} sig, {@code kid} the PASERK id.
   *
   * @return the JWK as JSON
   */
  public String toJwk() {
    return jwk().toJSONString();
  }

  OctetKeyPair jwk() {
    return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey))
        .keyID(keyId)
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.EdDSA)
        .build();
  }

  /** Checks {@code signature[at, at + 64)} over {@code message[0, length)}. */
  boolean verify(byte[] signature, int at, byte[] message, int length) {
    return Ed25519.verify(signature, at, point, message, 0, length);
  }

  /**
   * Returns whether {@code obj} is the same public key for the same version.
   *
   * @param obj the object to compare with
   * @return {@code true} if version and key bytes are equal
   */
  @Override
  public boolean equals(Object obj) {
    return obj instanceof VerificationKey other
        && other.version == version
        && Arrays.equals(other.publicKey, publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * version.hashCode() + Arrays.hashCode(publicKey);
  }

  /**
   * Returns the version and key id.
   *
   * @return a string such as {@code VerificationKey[v2.public, k2.pid.…]}
   */
  @Override
  public String toString() {
    return "VerificationKey[" + version.header().substring(0, 9) + ", " + keyId + "]";
  }
}
