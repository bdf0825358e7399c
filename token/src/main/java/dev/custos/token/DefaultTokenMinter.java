package dev.custos.token;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;

/** Signs the claims of a request with one key; the footer names the key. */
final class DefaultTokenMinter implements TokenMinter {
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A signing key, the footer naming it and the footer's base64url text (ASCII). A class, not a
   * record: it holds a secret key.
   */
  private static final class Signer {
    final SigningKey key;
    final byte[] footer;
    final byte[] footerText;

    Signer(SigningKey key) {
      this.key = key;
      this.footer = Claims.footer(key.keyId());
      this.footerText = Base64Url.encode(footer).getBytes(StandardCharsets.US_ASCII);
    }
  }

  private final Supplier<SigningKey> keySource;
  private final String issuer;
  private final Clock clock;
  private final byte[] implicitAssertion;
  private volatile Signer signer;

  /**
   * @param keySource the key to sign with now: a fixed key, or the active key of a followed ring
   */
  DefaultTokenMinter(
      Supplier<SigningKey> keySource, String issuer, Clock clock, byte[] implicitAssertion) {
    this.keySource = keySource;
    this.issuer = issuer;
    this.clock = clock;
    this.implicitAssertion = implicitAssertion;
    this.signer = new Signer(keySource.get());
  }

  private Signer signer() {
    SigningKey key = keySource.get();
    Signer s = signer;
    if (s.key != key) {
      if (key == null || key.version() != s.key.version()) {
        throw new IllegalStateException("the followed key ring is missing or of another version");
      }
      s = new Signer(key);
      signer = s;
    }
    return s;
  }

  @Override
  public MintedToken mint(TokenRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.scopes().requiresTwoFactor()
        && request.customerId().isPresent()
        && !request.isTwoFactorVerified()) {
      throw new IllegalArgumentException(
          "scopes "
              + request.scopes().twoFactorScopes()
              + " require two-factor verification; mint only after it passed, with"
              + " TokenRequest.twoFactorVerified()");
    }
    // Milliseconds, the precision of revocation cutoffs: a token minted after "sign out
    // everywhere" (even in the same second) is issued at or after the cutoff, one minted before is
    // not.
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant expiresAt = issuedAt.plus(request.lifetime());
    String tokenId = request.tokenIdOrNull() != null ? request.tokenIdOrNull() : randomId();
    Signer s = signer();
    String token =
        PasetoPublic.sign(
            s.key,
            out -> Claims.write(out, request, issuer, issuedAt, expiresAt, tokenId),
            s.footer,
            s.footerText,
            implicitAssertion);
    return new MintedToken(token, tokenId, issuedAt, expiresAt);
  }

  private static String randomId() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return Base64Url.encode(id);
  }

  @Override
  public String toString() {
    return "TokenMinter[" + signer.key + ", iss=" + issuer + "]";
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
