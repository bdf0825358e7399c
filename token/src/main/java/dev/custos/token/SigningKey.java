package dev.custos.token;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key bound to one {@link PasetoVersion}: what a {@link TokenMinter} signs with.
 *
 * <p>The private half never shows in {@link #toString()} and leaves the object only through the two
 * explicitly named export methods, {@link #exportSecretPaserk()} and {@link #exportPrivateJwk()},
 * so every place that handles it can be found by searching for {@code exportSecret} and {@code
 * exportPrivate}. Every factory checks that the public half belongs to the private half.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class SigningKey {
  private final byte[] seed;
  private final VerificationKey verificationKey;
  private final byte[] publicKey;

  private SigningKey(PasetoVersion version, byte[] seed) {
    this.seed = seed;
    this.publicKey = new byte[Paserk.PUBLIC_BYTES];
    Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    this.verificationKey = VerificationKey.of(version, publicKey);
  }

  /**
   * Generates a new key from the CSPRNG.
   *
   * @param version the PASETO version the key will sign
   * @return a new key
   * @throws NullPointerException if {@code version} is null
   */
  public static SigningKey generate(PasetoVersion version) {
    Objects.requireNonNull(version, "version");
    byte[] seed = new byte[Paserk.SEED_BYTES];
    new SecureRandom().nextBytes(seed);
    return new SigningKey(version, seed);
  }

  /**
   * Returns the key of a 32-byte RFC 8032 private key (the seed).
   *
   * @param version the PASETO version the key will sign
   * @param seed 32 secret bytes; copied
   * @return the key
   * @throws IllegalArgumentException if the seed is not 32 bytes
   * @throws NullPointerException if an argument is null
   */
  public static SigningKey fromSeed(PasetoVersion version, byte[] seed) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(seed, "seed");
    if (seed.length != Paserk.SEED_BYTES) {
      throw new IllegalArgumentException("an Ed25519 private key seed is 32 bytes");
    }
    return new SigningKey(version, seed.clone());
  }

  /**
   * Parses a PASERK {@code k2.secret.…} or {@code k4.secret.…}; the prefix decides the version.
   *
   * @param paserk the serialized key (seed and public key, 64 bytes)
   * @return the key
   * @throws IllegalArgumentException if the string is not a secret PASERK of version 2 or 4, or its
   *     public half does not belong to its seed
   * @throws NullPointerException if {@code paserk} is null
   */
  public static SigningKey fromPaserk(String paserk) {
    Objects.requireNonNull(paserk, "paserk");
    PasetoVersion version =
        paserk.startsWith("k4.") ? PasetoVersion.V4_PUBLIC : PasetoVersion.V2_PUBLIC;
    byte[] both = Paserk.decodeSecret(version, paserk);
    try {
      return new SigningKey(version, Arrays.copyOf(both, Paserk.SEED_BYTES));
    } finally {
      Arrays.fill(both, (byte) 0);
    }
  }

  /**
   * Parses a private JWK of type OKP on curve Ed25519, checking that its {@code x} belongs to its
   * {@code d}.
   *
   * @param jwk the JWK as JSON, with {@code d}
   * @param version the PASETO version the key will sign
   * @return the key
   * @throws IllegalArgumentException if the JSON is not a private Ed25519 OKP JWK or its halves do
   *     not match
   * @throws NullPointerException if an argument is null
   */
  public static SigningKey fromJwk(String jwk, PasetoVersion version) {
    Objects.requireNonNull(jwk, "jwk");
    Objects.requireNonNull(version, "version");
    JWK parsed;
    try {
      parsed = JWK.parse(jwk);
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JWK: " + e.getMessage());
    }
    if (!(parsed instanceof OctetKeyPair okp)
        || !Curve.Ed25519.equals(okp.getCurve())
        || !okp.isPrivate()) {
      throw new IllegalArgumentException("not a private Ed25519 OKP JWK");
    }
    SigningKey key = fromSeed(version, okp.getDecodedD());
    if (!MessageDigest.isEqual(key.publicKey, okp.getDecodedX())) {
      throw new IllegalArgumentException(
          "the JWK's public key x does not belong to its private key d");
    }
    return key;
  }

  /**
   * Returns the PASETO version this key signs.
   *
   * @return the version
   */
  public PasetoVersion version() {
    return verificationKey.version();
  }

  /**
   * Returns the public half, for verifiers.
   *
   * @return the verification key
   */
  public VerificationKey verificationKey() {
    return verificationKey;
  }

  /**
   * Returns the key id (of the public half): the PASERK {@code k2.pid.…} or {@code k4.pid.…}.
   *
   * @return the key id
   */
  public String keyId() {
    return verificationKey.keyId();
  }

  /**
   * Derives the one-time-code engines' master key from this signing key, so that every instance of
   * a host sharing this key and an OTP store (Redis) reads the verification tokens and code MACs
   * the others wrote: HKDF-SHA256 under a label of its own, which reveals nothing of this key.
   *
   * @return 32 bytes for {@code OtpEngine.builder().masterKey(...)}, the same for the same key
   */
  public byte[] otpMasterKey() {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(
        new HKDFParameters(
            exportSecretPaserk().getBytes(StandardCharsets.US_ASCII),
            null,
            "custos server otp master key v1".getBytes(StandardCharsets.US_ASCII)));
    byte[] master = new byte[32];
    hkdf.generateBytes(master, 0, master.length);
    return master;
  }

  /**
   * Exports the private key as a PASERK {@code k2.secret.…} or {@code k4.secret.…}. The result is a
   * secret: store it as one.
   *
   * @return the serialized private key
   */
  public String exportSecretPaserk() {
    return Paserk.secretKey(version(), seed, publicKey);
  }

  /**
   * Exports the private key as a JWK (OKP, Ed25519, with {@code d}). The result is a secret: store
   * it as one.
   *
   * @return the private JWK as JSON
   */
  public String exportPrivateJwk() {
    return new OctetKeyPair.Builder(verificationKey.jwk())
        .d(Base64URL.encode(seed))
        .build()
        .toJSONString();
  }

  /** Signs {@code message[0, length)} into {@code signature[at, at + 64)}. */
  void sign(byte[] message, int length, byte[] signature, int at) {
    Ed25519.sign(seed, 0, publicKey, 0, message, 0, length, signature, at);
  }

  /**
   * Returns the version and key id; never private material.
   *
   * @return a string such as {@code SigningKey[v2.public, k2.pid.…]}
   */
  @Override
  public String toString() {
    return "SigningKey[" + version().header().substring(0, 9) + ", " + keyId() + "]";
  }
}
