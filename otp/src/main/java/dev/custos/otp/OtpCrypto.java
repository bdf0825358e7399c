package dev.custos.otp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Arrays;

/**
 * Codes, verification tokens and the keyed MACs behind them.
 *
 * <p>A verification token is {@code base64url(version | challenge id | expiry | phone | tag)}:
 * version 1 byte (2), a 128-bit random challenge id, the expiry in epoch milliseconds (8 bytes),
 * the phone the code was sent to as its 128-bit id (the keyed MAC the stores count sends under),
 * and a 128-bit HMAC-SHA256 tag over those and the customer id. The tag lets the engine reject
 * forged tokens and other customers' tokens without a lookup, tell an expired challenge from an
 * unknown one after the challenge's state is gone, and tell which phone got the code (so a token
 * can be required to be of one authorized user's phone) with no state at all. The code is stored
 * only as a 128-bit HMAC of the challenge id and the code. The MAC keys are derived with
 * HKDF-SHA256 from one master key.
 */
final class OtpCrypto {
  static final int MASTER_KEY_BYTES = 32;
  private static final byte VERSION = 2;

  /** A challenge bound to a transaction: the same layout, its own version byte (under the tag). */
  private static final byte VERSION_BOUND = 3;

  private static final int TOKEN_BYTES = 1 + 16 + 8 + 16 + 16;
  private static final int PHONE_AT = 1 + 16 + 8;
  static final int TOKEN_LENGTH = (TOKEN_BYTES * 8 + 5) / 6;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] tokenKey;
  private final byte[] codeKey;
  private final byte[] phoneKey;
  private final byte[] deviceKey;
  private final byte[] deviceMarker;
  private final SecureRandom random;

  OtpCrypto(byte[] masterKey, SecureRandom random) {
    this.tokenKey = derive(masterKey, "custos otp token mac v1");
    this.codeKey = derive(masterKey, "custos otp code mac v1");
    this.phoneKey = derive(masterKey, "custos otp phone id v1");
    this.deviceKey = derive(masterKey, "custos otp device challenge v1");
    // Stands in the token's phone slot for a device challenge: a MAC of a string no E.164 number
    // is (they start with '+'), so no phone's id equals it.
    this.deviceMarker = truncatedMac(phoneKey, "device".getBytes(StandardCharsets.US_ASCII));
    this.random = random;
  }

  /**
   * The id a store counts a phone's sends under: {@link #phoneDigest}, a 128-bit HMAC of the E.164
   * number, so no store holds a phone number; engines sharing a master key agree on it.
   */
  static String phoneId(byte[] phoneDigest) {
    return ENCODER.encodeToString(phoneDigest);
  }

  /** The phone's 128-bit id, as bytes. */
  byte[] phoneDigest(Phone phone) {
    return truncatedMac(phoneKey, phone.e164().getBytes(StandardCharsets.US_ASCII));
  }

  /** What a device challenge's token carries where a code's carries the phone's id. */
  byte[] deviceMarker() {
    return deviceMarker.clone();
  }

  /** Whether the token is a device challenge's; compared in constant time. */
  boolean isDevice(ParsedToken token) {
    return Arrays.constantTimeAreEqual(token.phoneDigest, deviceMarker);
  }

  /**
   * The challenge a device signs: HMAC(deviceKey, challenge id), 32 bytes. Derived, not stored, so
   * the token alone brings it back; unpredictable without the key, as the id is random.
   */
  byte[] deviceChallenge(byte[] challengeId) {
    return deviceChallenge(challengeId, null);
  }

  /** The device challenge of a payment: the digest folded in, so the device signs that payment. */
  byte[] deviceChallenge(byte[] challengeId, byte[] transactionDigest) {
    HMac mac = mac(deviceKey);
    mac.update(challengeId, 0, 16);
    if (transactionDigest != null) {
      mac.update(transactionDigest, 0, transactionDigest.length);
    }
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  private static byte[] truncatedMac(byte[] key, byte[] message) {
    HMac mac = mac(key);
    mac.update(message, 0, message.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return Arrays.copyOf(out, 16);
  }

  /** Sixteen random bytes: a challenge id. */
  byte[] newChallengeId() {
    byte[] id = new byte[16];
    random.nextBytes(id);
    return id;
  }

  /** A uniform six-digit code; {@code nextInt(bound)} rejects samples to avoid modulo bias. */
  String newCode() {
    int value = random.nextInt(1_000_000);
    char[] digits = new char[6];
    for (int i = 5; i >= 0; i--) {
      digits[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return new String(digits);
  }

  String token(String customerId, byte[] challengeId, long expiresAtMillis, byte[] phoneDigest) {
    return token(customerId, challengeId, expiresAtMillis, phoneDigest, false);
  }

  String token(
      String customerId,
      byte[] challengeId,
      long expiresAtMillis,
      byte[] phoneDigest,
      boolean bound) {
    ByteBuffer buffer = ByteBuffer.allocate(TOKEN_BYTES);
    buffer
        .put(bound ? VERSION_BOUND : VERSION)
        .put(challengeId, 0, 16)
        .putLong(expiresAtMillis)
        .put(phoneDigest, 0, 16);
    buffer.put(tokenTag(customerId, buffer.array()), 0, 16);
    return ENCODER.encodeToString(buffer.array());
  }

  /**
   * Returns the decoded token if it is well-formed and its tag is valid for this customer, else
   * null. Only the canonical encoding is accepted, so one challenge has one token string.
   */
  ParsedToken parse(String customerId, String token) {
    if (token.length() != TOKEN_LENGTH) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(token);
    } catch (IllegalArgumentException e) {
      return null;
    }
    // A canonical string of TOKEN_LENGTH characters decodes to exactly TOKEN_BYTES bytes.
    if ((bytes[0] != VERSION && bytes[0] != VERSION_BOUND)
        || !ENCODER.encodeToString(bytes).equals(token)) {
      return null;
    }
    byte[] expected = tokenTag(customerId, bytes);
    if (!Arrays.constantTimeAreEqual(16, expected, 0, bytes, TOKEN_BYTES - 16)) {
      return null;
    }
    return new ParsedToken(
        Arrays.copyOfRange(bytes, 1, 17),
        ByteBuffer.wrap(bytes, 17, 8).getLong(),
        Arrays.copyOfRange(bytes, PHONE_AT, PHONE_AT + 16),
        bytes[0] == VERSION_BOUND);
  }

  /** Whether the token's code was sent to this phone; compared in constant time. */
  boolean sentTo(ParsedToken token, Phone phone) {
    return Arrays.constantTimeAreEqual(token.phoneDigest, phoneDigest(phone));
  }

  /** The stored form of a code: HMAC(codeKey, challenge id | code), truncated to 128 bits. */
  byte[] codeTag(byte[] challengeId, String code) {
    return codeTag(challengeId, code, null);
  }

  /**
   * The stored form of a code that approves one transaction: HMAC(codeKey, challenge id | code |
   * the transaction's digest); any other transaction, or none, makes another tag.
   */
  byte[] codeTag(byte[] challengeId, String code, byte[] transactionDigest) {
    HMac mac = mac(codeKey);
    mac.update(challengeId, 0, 16);
    byte[] digits = code.getBytes(StandardCharsets.US_ASCII);
    mac.update(digits, 0, digits.length);
    if (transactionDigest != null) {
      mac.update((byte) 0);
      mac.update(transactionDigest, 0, transactionDigest.length);
    }
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return Arrays.copyOf(out, 16);
  }

  private byte[] tokenTag(String customerId, byte[] token) {
    HMac mac = mac(tokenKey);
    mac.update(token, 0, TOKEN_BYTES - 16);
    byte[] customer = customerId.getBytes(StandardCharsets.UTF_8);
    mac.update(customer, 0, customer.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  private static HMac mac(byte[] key) {
    HMac mac = new HMac(new SHA256Digest());
    mac.init(new KeyParameter(key));
    return mac;
  }

  private static byte[] derive(byte[] masterKey, String purpose) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(masterKey, null, purpose.getBytes(StandardCharsets.US_ASCII)));
    byte[] key = new byte[32];
    hkdf.generateBytes(key, 0, key.length);
    return key;
  }

  /** The authenticated contents of a verification token. */
  static final class ParsedToken {
    final byte[] challengeId;
    final long expiresAtMillis;
    final byte[] phoneDigest;
    final boolean bound;

    ParsedToken(byte[] challengeId, long expiresAtMillis, byte[] phoneDigest, boolean bound) {
      this.challengeId = challengeId;
      this.expiresAtMillis = expiresAtMillis;
      this.phoneDigest = phoneDigest;
      this.bound = bound;
    }
  }
}
