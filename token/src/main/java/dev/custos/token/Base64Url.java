package dev.custos.token;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Unpadded base64url (RFC 4648 §5) with strict decoding: no padding, nothing outside the alphabet,
 * and zero trailing bits, so every byte string has exactly one accepted encoding. The JDK decoder
 * alone accepts padding and ignores non-zero trailing bits.
 */
final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** Each character's 6-bit value, or -1 outside the alphabet. */
  private static final byte[] VALUES = new byte[128];

  static {
    java.util.Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private Base64Url() {}

  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /** Returns the decoded bytes, or null if {@code s} is not canonical unpadded base64url. */
  static byte[] decode(CharSequence s) {
    return decode(s, 0, s.length());
  }

  /**
   * Decodes {@code s[from, to)}; returns null if it is not canonical unpadded base64url. The text
   * is checked and copied as ASCII into this thread's {@link TokenBuffer}, which the JDK decoder
   * reads in place.
   */
  static byte[] decode(CharSequence s, int from, int to) {
    int length = to - from;
    if (length % 4 == 1) {
      return null;
    }
    TokenBuffer buffer = TokenBuffer.acquire();
    try {
      buffer.reserve(length);
      byte[] ascii = buffer.array();
      int last = 0;
      for (int i = 0; i < length; i++) {
        char c = s.charAt(from + i);
        if (c >= VALUES.length || (last = VALUES[c]) < 0) {
          return null;
        }
        ascii[i] = (byte) c;
      }
      // The last character of a partial group carries 4 or 2 bits that must be zero.
      if (length % 4 != 0) {
        int unusedBits = length % 4 == 2 ? 4 : 2;
        if ((last & ((1 << unusedBits) - 1)) != 0) {
          return null;
        }
      }
      return DECODER.decode(ByteBuffer.wrap(ascii, 0, length)).array();
    } finally {
      buffer.release();
    }
  }
}
