package dev.custos.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * PASERK serialization of raw Ed25519 key bytes: {@code k2.public.}, {@code k2.secret.}, {@code
 * k2.pid.} and their {@code k4.} twins. Works on bytes only; point validation is the key types'
 * job.
 */
final class Paserk {
  static final int PUBLIC_BYTES = Ed25519.PUBLIC_KEY_SIZE;
  static final int SEED_BYTES = Ed25519.SECRET_KEY_SIZE;

  private Paserk() {}

  static String publicKey(PasetoVersion version, byte[] publicKey) {
    requireLength(publicKey, PUBLIC_BYTES, "public key");
    return version.paserkPrefix() + ".public." + Base64Url.encode(publicKey);
  }

  /** {@code kX.secret.} of seed ‖ public key, as PASERK stores Ed25519 secret keys. */
  static String secretKey(PasetoVersion version, byte[] seed, byte[] publicKey) {
    byte[] both = new byte[SEED_BYTES + PUBLIC_BYTES];
    System.arraycopy(seed, 0, both, 0, SEED_BYTES);
    System.arraycopy(publicKey, 0, both, SEED_BYTES, PUBLIC_BYTES);
    try {
      return version.paserkPrefix() + ".secret." + Base64Url.encode(both);
    } finally {
      Arrays.fill(both, (byte) 0);
    }
  }

  /** The key id: {@code kX.pid.} + base64url(BLAKE2b-264({@code kX.pid.} ‖ the public PASERK)). */
  static String publicKeyId(PasetoVersion version, byte[] publicKey) {
    String header = version.paserkPrefix() + ".pid.";
    byte[] input = (header + publicKey(version, publicKey)).getBytes(StandardCharsets.US_ASCII);
    Blake2bDigest blake = new Blake2bDigest(264);
    blake.update(input, 0, input.length);
    byte[] digest = new byte[33];
    blake.doFinal(digest, 0);
    return header + Base64Url.encode(digest);
  }

  static byte[] decodePublic(PasetoVersion version, String paserk) {
    return decode(version.paserkPrefix() + ".public.", paserk, PUBLIC_BYTES);
  }

  /** Returns seed ‖ public key, having checked that the public key belongs to the seed. */
  static byte[] decodeSecret(PasetoVersion version, String paserk) {
    byte[] both = decode(version.paserkPrefix() + ".secret.", paserk, SEED_BYTES + PUBLIC_BYTES);
    byte[] derived = new byte[PUBLIC_BYTES];
    Ed25519.generatePublicKey(both, 0, derived, 0);
    byte[] given = Arrays.copyOfRange(both, SEED_BYTES, both.length);
    if (!MessageDigest.isEqual(derived, given)) {
      Arrays.fill(both, (byte) 0);
      throw new IllegalArgumentException("the secret key's public half does not match its seed");
    }
    return both;
  }

  private static byte[] decode(String prefix, String paserk, int length) {
    if (!paserk.startsWith(prefix)) {
      throw new IllegalArgumentException("not a " + prefix + " PASERK");
    }
    byte[] bytes = Base64Url.decode(paserk.substring(prefix.length()));
    if (bytes == null || bytes.length != length) {
      throw new IllegalArgumentException(
          prefix + " PASERK must hold " + length + " bytes of base64url");
    }
    return bytes;
  }

  private static void requireLength(byte[] bytes, int length, String what) {
    if (bytes.length != length) {
      throw new IllegalArgumentException(what + " must be " + length + " bytes");
    }
  }
}
