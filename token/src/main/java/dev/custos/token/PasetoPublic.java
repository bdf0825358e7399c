package dev.custos.token;

import static dev.custos.token.TokenVerificationException.Reason.BAD_SIGNATURE;
import static dev.custos.token.TokenVerificationException.Reason.MALFORMED;
import static dev.custos.token.TokenVerificationException.Reason.UNSUPPORTED_VERSION;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The PASETO {@code public} purpose, byte-exact to the specification: signing and verifying raw
 * payload bytes, with no opinion on claims. Step numbers refer to the specification's Sign and
 * Verify algorithms.
 */
final class PasetoPublic {
  /** Longer tokens are refused before any decoding; ours are well under 1,000 characters. */
  static final int MAX_TOKEN_LENGTH = 8192;

  private static final byte[] EMPTY = new byte[0];

  private PasetoPublic() {}

  /** A token split into its authenticated parts; the signature is checked separately. */
  static final class Parts {
    final byte[] payload;
    final byte[] signature;
    final byte[] footer;

    Parts(byte[] payload, byte[] signature, byte[] footer) {
      this.payload = payload;
      this.signature = signature;
      this.footer = footer;
    }
  }

  static String sign(SigningKey key, byte[] payload, byte[] footer, byte[] implicitAssertion) {
    PasetoVersion version = key.version();
    byte[] header = version.header().getBytes(StandardCharsets.US_ASCII);
    // Steps 1-3: the header, then PAE of header, message, footer (and, for v4, the assertion).
    byte[] signature = key.sign(preAuth(version, header, payload, footer, implicitAssertion));
    // Step 4: header ‖ b64(message ‖ signature) [‖ "." ‖ b64(footer)].
    byte[] body = Arrays.copyOf(payload, payload.length + signature.length);
    System.arraycopy(signature, 0, body, payload.length, signature.length);
    String token = version.header() + Base64Url.encode(body);
    return footer.length == 0 ? token : token + "." + Base64Url.encode(footer);
  }

  /** Splits and decodes a token of the given version, without checking its signature. */
  static Parts parse(PasetoVersion version, String token) throws TokenVerificationException {
    if (token == null) {
      throw new TokenVerificationException(MALFORMED, "token is missing");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new TokenVerificationException(
          MALFORMED, "token is longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    // Step 1-2 of Verify: the header must match exactly; anything else is another version or
    // purpose.
    if (!token.startsWith(version.header())) {
      throw headerMismatch(version, token);
    }
    int bodyStart = version.header().length();
    int dot = token.indexOf('.', bodyStart);
    // The header ends in a dot; one more may follow (before the footer), no third.
    if (token.lastIndexOf('.') > Math.max(dot, bodyStart - 1)) {
      throw new TokenVerificationException(MALFORMED, "token has too many parts");
    }
    if (token.endsWith(".")) {
      throw new TokenVerificationException(MALFORMED, "token has an empty footer part");
    }
    byte[] body = Base64Url.decode(token.subSequence(bodyStart, dot < 0 ? token.length() : dot));
    byte[] footer = dot < 0 ? EMPTY : Base64Url.decode(token.subSequence(dot + 1, token.length()));
    if (body == null || footer == null) {
      throw new TokenVerificationException(MALFORMED, "token is not canonical base64url");
    }
    // Step 3: the last 64 bytes are the signature, the rest the message.
    if (body.length < Ed25519.SIGNATURE_SIZE) {
      throw new TokenVerificationException(MALFORMED, "token is too short to hold a signature");
    }
    int split = body.length - Ed25519.SIGNATURE_SIZE;
    return new Parts(
        Arrays.copyOfRange(body, 0, split), Arrays.copyOfRange(body, split, body.length), footer);
  }

  /** Steps 4-5 of Verify: the signature over PAE must check under the key. */
  static void checkSignature(VerificationKey key, Parts parts, byte[] implicitAssertion)
      throws TokenVerificationException {
    PasetoVersion version = key.version();
    byte[] header = version.header().getBytes(StandardCharsets.US_ASCII);
    byte[] message = preAuth(version, header, parts.payload, parts.footer, implicitAssertion);
    if (!key.verify(parts.signature, message)) {
      throw new TokenVerificationException(BAD_SIGNATURE, "token signature does not verify");
    }
  }

  /** Parses and checks a token in one step; returns the payload bytes. */
  static byte[] verify(VerificationKey key, String token, byte[] implicitAssertion)
      throws TokenVerificationException {
    Parts parts = parse(key.version(), token);
    checkSignature(key, parts, implicitAssertion);
    return parts.payload;
  }

  private static byte[] preAuth(
      PasetoVersion version, byte[] header, byte[] payload, byte[] footer, byte[] implicit) {
    return version == PasetoVersion.V4_PUBLIC
        ? Pae.encode(header, payload, footer, implicit)
        : Pae.encode(header, payload, footer);
  }

  private static TokenVerificationException headerMismatch(PasetoVersion version, String token) {
    boolean looksLikePaseto = token.matches("(?s)^v[0-9]+\\.(local|public)\\..*");
    return looksLikePaseto
        ? new TokenVerificationException(
            UNSUPPORTED_VERSION, "only " + version.header() + " tokens are accepted")
        : new TokenVerificationException(MALFORMED, "not a PASETO token");
  }
}
