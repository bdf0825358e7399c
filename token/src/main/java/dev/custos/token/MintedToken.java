package dev.custos.token;

import java.time.Duration;
import java.time.Instant;

/**
 * A freshly minted token: the bearer string to hand to the client, and its id and validity.
 *
 * <p>The token is a bearer credential: {@link #toString()} never shows it. Instances are immutable
 * and safe to share between threads.
 */
public final class MintedToken {
  private final String token;
  private final String tokenId;
  private final Instant issuedAt;
  private final Instant expiresAt;

  MintedToken(String token, String tokenId, Instant issuedAt, Instant expiresAt) {
    this.token = token;
    this.tokenId = tokenId;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  /**
   * Returns the token, such as {@code v2.public.eyJyb2xlIjoiY3VzdG9tZXIi…}: give it to the client
   * for its {@code Authorization: Bearer} header. Do not log it.
   *
   * @return the token
   */
  public String token() {
    return token;
  }

  /**
   * Returns the token's unique id (its {@code jti} claim), safe to log.
   *
   * @return the token id
   */
  public String tokenId() {
    return tokenId;
  }

  /**
   * Returns when the token was minted (whole seconds).
   *
   * @return the issue instant
   */
  public Instant issuedAt() {
    return issuedAt;
  }

  /**
   * Returns when the token expires (whole seconds).
   *
   * @return the expiry instant
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Returns the token's lifetime: the spec's {@code expiresIn}.
   *
   * @return the time from issue to expiry
   */
  public Duration expiresIn() {
    return Duration.between(issuedAt, expiresAt);
  }

  /**
   * Returns the id and expiry; never the token.
   *
   * @return a description of the token
   */
  @Override
  public String toString() {
    return "MintedToken[jti=" + tokenId + ", expiresAt=" + expiresAt + "]";
  }
}
