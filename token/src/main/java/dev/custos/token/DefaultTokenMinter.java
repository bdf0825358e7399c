package dev.custos.token;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/** Signs the claims of a request with one key; the footer names the key. */
final class DefaultTokenMinter implements TokenMinter {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SigningKey key;
  private final String issuer;
  private final Clock clock;
  private final byte[] implicitAssertion;
  private final byte[] footer;

  DefaultTokenMinter(SigningKey key, String issuer, Clock clock, byte[] implicitAssertion) {
    this.key = key;
    this.issuer = issuer;
    this.clock = clock;
    this.implicitAssertion = implicitAssertion;
    this.footer =
        JSONObjectUtils.toJSONString(Map.of("kid", key.keyId())).getBytes(StandardCharsets.UTF_8);
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
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plus(request.lifetime());
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String tokenId = Base64Url.encode(id);
    byte[] payload = Claims.write(request, issuer, issuedAt, expiresAt, tokenId);
    String token = PasetoPublic.sign(key, payload, footer, implicitAssertion);
    return new MintedToken(token, tokenId, issuedAt, expiresAt);
  }

  @Override
  public String toString() {
    return "TokenMinter[" + key + ", iss=" + issuer + "]";
  }
}
