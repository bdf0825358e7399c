package dev.custos.token;

import static dev.custos.token.TokenVerificationException.Reason.BAD_SIGNATURE;
import static dev.custos.token.TokenVerificationException.Reason.MALFORMED;
import static dev.custos.token.TokenVerificationException.Reason.UNSUPPORTED_VERSION;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.encoders.UrlBase64Encoder;

/**
 * The PASETO {@code public} purpose, byte-exact to the specification: signing and verifying raw
 * payload bytes, with no opinion on claims. Step numbers refer to the specification's Sign and
 * Verify algorithms.
 *
 * <p>Both directions work in one per-thread {@link TokenBuffer}: the payload is written straight
 * into its place in the pre-authentication encoding, the signature lands after it, and the token
 * text is encoded from there; what remains allocated is what the caller gets back.
 */
final class PasetoPublic {
  /** Longer tokens are refused before any decoding; ours are well under 1,000 characters. */
  static final int MAX_TOKEN_LENGTH = 8192;

  private static final int SIGNATURE_BYTES = Ed25519.SIGNATURE_SIZE;
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] V2_HEADER = ascii(PasetoVersion.V2_PUBLIC.header());
  private static final byte[] V4_HEADER = ascii(PasetoVersion.V4_PUBLIC.header());

  /**
   * BouncyCastle's base64url encoder writes at an offset, so the token text needs no intermediate
   * copy; it pads with {@code .}, which is never copied out (PASETO is unpadded).
   */
  private static final UrlBase64Encoder ENCODER = new UrlBase64Encoder();

  private PasetoPublic() {}

  /** Writes a token's payload (the message) into the buffer it is given. */
  interface Payload {
    void writeTo(TokenBuffer out) throws IOException;
  }

  /**
   * A token split into its parts; the signature is checked separately. The footer stays text until
   * asked for, as a verifier that recognizes it needs no decoding.
   */
  static final class Parts {
    private final String token;
    private final byte[] body;
    private final int payloadLength;
    private final int footerStart;

    private Parts(String token, byte[] body, int footerStart) {
      this.token = token;
      this.body = body;
      this.payloadLength = body.length - SIGNATURE_BYTES;
      this.footerStart = footerStart;
    }

    byte[] payload() {
      return Arrays.copyOf(body, payloadLength);
    }

    byte[] signature() {
      return Arrays.copyOfRange(body, payloadLength, body.length);
    }

    /** Whether the footer text is exactly {@code text} (false when there is no footer). */
    boolean footerIs(String text) {
      return footerStart >= 0
          && token.length() - footerStart == text.length()
          && token.regionMatches(footerStart, text, 0, text.length());
    }

    /** Decodes the footer; empty when the token has none. */
    byte[] footer() throws TokenVerificationException {
      if (footerStart < 0) {
        return EMPTY;
      }
      byte[] footer = Base64Url.decode(token, footerStart, token.length());
      if (footer == null) {
        throw new TokenVerificationException(MALFORMED, "token is not canonical base64url");
      }
      return footer;
    }

    /** The decoded message and signature; the message is {@code [0, payloadLength())}. */
    byte[] body() {
      return body;
    }

    int payloadLength() {
      return payloadLength;
    }
  }

  /**
   * Signs a payload given as bytes; see {@link #sign(SigningKey, Payload, byte[], byte[], byte[])}.
   */
  static String sign(SigningKey key, byte[] payload, byte[] footer, byte[] implicitAssertion) {
    byte[] footerText = ascii(Base64Url.encode(footer));
    return sign(key, out -> out.write(payload), footer, footerText, implicitAssertion);
  }

  /**
   * Signs the payload the writer produces.
   *
   * @param footerText the footer's base64url text (ASCII), computed once per key by the caller
   */
  static String sign(
      SigningKey key, Payload payload, byte[] footer, byte[] footerText, byte[] implicitAssertion) {
    PasetoVersion version = key.version();
    byte[] header = headerBytes(version);
    TokenBuffer buffer = TokenBuffer.acquire();
    try {
      // Steps 1-3: PAE(header, message, footer [, implicit assertion]), the message in place.
      Pae.begin(buffer, version == PasetoVersion.V4_PUBLIC ? 4 : 3);
      Pae.piece(buffer, header);
      int payloadStart = Pae.startPiece(buffer);
      payload.writeTo(buffer);
      int payloadLength = buffer.size() - payloadStart;
      Pae.endPiece(buffer, payloadStart);
      Pae.piece(buffer, footer);
      if (version == PasetoVersion.V4_PUBLIC) {
        Pae.piece(buffer, implicitAssertion);
      }
      int preAuthLength = buffer.size();
      buffer.skip(SIGNATURE_BYTES);
      byte[] bytes = buffer.array();
      key.sign(bytes, preAuthLength, bytes, preAuthLength);

      // Step 4: header ‖ b64(message ‖ signature) [‖ "." ‖ b64(footer)]. The encoding is done with,
      // so the signature moves next to the message it signs.
      System.arraycopy(bytes, preAuthLength, bytes, payloadStart + payloadLength, SIGNATURE_BYTES);
      int bodyLength = payloadLength + SIGNATURE_BYTES;
      int tokenStart = buffer.size();
      buffer.write(header, 0, header.length);
      int textLength = (bodyLength * 4 + 2) / 3;
      buffer.reserve((bodyLength + 2) / 3 * 4);
      bytes = buffer.array();
      ENCODER.encode(bytes, payloadStart, bodyLength, bytes, buffer.size());
      buffer.skip(textLength);
      if (footer.length > 0) {
        buffer.write('.');
        buffer.write(footerText, 0, footerText.length);
      }
      return new String(
          buffer.array(), tokenStart, buffer.size() - tokenStart, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      // Writing into memory does not fail; a payload writer that does is a bug.
      throw new UncheckedIOException(e);
    } finally {
      buffer.release();
    }
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
    if (dot >= 0 && token.indexOf('.', dot + 1) >= 0) {
      throw new TokenVerificationException(MALFORMED, "token has too many parts");
    }
    if (token.endsWith(".")) {
      throw new TokenVerificationException(MALFORMED, "token has an empty footer part");
    }
    byte[] body = Base64Url.decode(token, bodyStart, dot < 0 ? token.length() : dot);
    if (body == null) {
      throw new TokenVerificationException(MALFORMED, "token is not canonical base64url");
    }
    // Step 3: the last 64 bytes are the signature, the rest the message.
    if (body.length < SIGNATURE_BYTES) {
      throw new TokenVerificationException(MALFORMED, "token is too short to hold a signature");
    }
    return new Parts(token, body, dot < 0 ? -1 : dot + 1);
  }

  /** Steps 4-5 of Verify: the signature over PAE must check under the key. */
  static void checkSignature(
      VerificationKey key, Parts parts, byte[] footer, byte[] implicitAssertion)
      throws TokenVerificationException {
    PasetoVersion version = key.version();
    TokenBuffer buffer = TokenBuffer.acquire();
    try {
      Pae.begin(buffer, version == PasetoVersion.V4_PUBLIC ? 4 : 3);
      Pae.piece(buffer, headerBytes(version));
      Pae.piece(buffer, parts.body, 0, parts.payloadLength);
      Pae.piece(buffer, footer);
      if (version == PasetoVersion.V4_PUBLIC) {
        Pae.piece(buffer, implicitAssertion);
      }
      if (!key.verify(parts.body, parts.payloadLength, buffer.array(), buffer.size())) {
        throw new TokenVerificationException(BAD_SIGNATURE, "token signature does not verify");
      }
    } finally {
      buffer.release();
    }
  }

  /** Parses and checks a token in one step; returns the payload bytes. */
  static byte[] verify(VerificationKey key, String token, byte[] implicitAssertion)
      throws TokenVerificationException {
    Parts parts = parse(key.version(), token);
    checkSignature(key, parts, parts.footer(), implicitAssertion);
    return parts.payload();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The shared header bytes; never handed out of this class. */
  private static byte[] headerBytes(PasetoVersion version) {
    return version == PasetoVersion.V4_PUBLIC ? V4_HEADER : V2_HEADER;
  }

  private static TokenVerificationException headerMismatch(PasetoVersion version, String token) {
    boolean looksLikePaseto = token.matches("(?s)^v[0-9]+\\.(local|public)\\..*");
    return looksLikePaseto
        ? new TokenVerificationException(
            UNSUPPORTED_VERSION, "only " + version.header() + " tokens are accepted")
        : new TokenVerificationException(MALFORMED, "not a PASETO token");
  }
}
