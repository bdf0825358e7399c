package dev.custos.token;

import java.util.Base64;

/**
 * Unpadded base64url (RFC 4648 §5) with strict decoding: no padding, nothing outside the alphabet,
 * and zero trailing bits, so every byte string has exactly one accepted encoding. The JDK decoder
 * alone accepts padding and ignores non-zero trailing bits.
 */
final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private Base64Url() {}

  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /** Returns the decoded bytes, or null if {@code s} is not canonical unpadded base64url. */
  static byte[] decode(CharSequence s) {
    int length = s.length();
    if (length % 4 == 1) {
      return null;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return null;
      }
    }
    if (length % 4 != 0) {
      int last = ALPHABET.indexOf(s.charAt(length - 1));
      int unusedBits = length % 4 == 2 ? 4 : 2;
      if ((last & ((1 << unusedBits) - 1)) != 0) {
        return null;
      }
    }
    return DECODER.decode(s.toString());
  }
}
