package dev.custos.token;

import dev.custos.scopes.ScopeSet;
import dev.custos.scopes.TokenRole;
import java.time.Instant;
import java.util.Optional;

/**
 * A token that passed every check of a {@link TokenVerifier}: signature, key, expiry and claims.
 * Only a verifier can create one, so holding one is proof of verification; an authorizer should
 * accept nothing else.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class VerifiedToken {
  private final TokenRole role;
  private final String customerId;
  private final ScopeSet scopes;
  private final boolean twoFactorVerified;
  private final TwoFactorMethod twoFactorMethod;
  private final Instant twoFactorAt;
  private final byte[] transaction;
  private final String issuer;
  private final Instant issuedAt;
  private final Instant notBefore;
  private final Instant expiresAt;
  private final String tokenId;
  private final String keyId;
  private final ScopeSet upgradableScopes;
  private final Resources resources;
  private final String sourceIp;
  private final String authorizedUser;

  VerifiedToken(
      TokenRole role,
      String customerId,
      ScopeSet scopes,
      boolean twoFactorVerified,
      String issuer,
      Instant issuedAt,
      Instant notBefore,
      Instant expiresAt,
      String tokenId,
      String keyId,
      ScopeSet upgradableScopes,
      Resources resources,
      String sourceIp,
      String authorizedUser,
      TwoFactorMethod twoFactorMethod,
      Instant twoFactorAt,
      byte[] transaction) {
    this.role = role;
    this.customerId = customerId;
    this.scopes = scopes;
    this.twoFactorVerified = twoFactorVerified;
    this.issuer = issuer;
    this.issuedAt = issuedAt;
    this.notBefore = notBefore;
    this.expiresAt = expiresAt;
    this.tokenId = tokenId;
    this.keyId = keyId;
    this.upgradableScopes = upgradableScopes;
    this.resources = resources;
    this.sourceIp = sourceIp;
    this.authorizedUser = authorizedUser;
    this.twoFactorMethod = twoFactorMethod;
    this.twoFactorAt = twoFactorAt;
    this.transaction = transaction;
  }

  /**
   * Returns the digest of the one payment this token may make, when it is bound to one (PSD2's
   * dynamic linking; claim {@code transaction}).
   *
   * @return a copy of the 32 bytes, or empty for a token bound to no payment
   */
  public Optional<byte[]> transactionDigest() {
    return Optional.ofNullable(transaction).map(byte[]::clone);
  }

  /**
   * Returns how the customer passed two-factor verification, when the token records it (tokens
   * minted by {@code CustomerTokenService} do; a token minted with {@link
   * TokenRequest#twoFactorVerified()} alone does not).
   *
   * @return the method, or empty
   */
  public Optional<TwoFactorMethod> twoFactorMethod() {
    return Optional.ofNullable(twoFactorMethod);
  }

  /**
   * Returns when the customer passed two-factor verification, when the token records it: for an
   * upgrade that kept its caller's verification, the caller's time.
   *
   * @return the instant, or empty
   */
  public Optional<Instant> twoFactorVerifiedAt() {
    return Optional.ofNullable(twoFactorAt);
  }

  /**
   * Returns the authorized user of a business customer the token is bound to.
   *
   * @return the user's id, or empty for a token of the whole customer (and every org token)
   */
  public Optional<String> authorizedUser() {
    return Optional.ofNullable(authorizedUser);
  }

  /**
   * Returns the client addresses an org token is limited to (Unit's {@code sourceIp}): a
   * comma-separated list of IP addresses and CIDR ranges, as minted; the authorizer enforces it.
   *
   * @return the list, or empty for a token usable from anywhere
   */
  public Optional<String> sourceIp() {
    return Optional.ofNullable(sourceIp);
  }

  /**
   * Returns the accounts and cards the token is limited to (Unit's {@code resources}).
   *
   * @return the limit; {@link Resources#unlimited()} for a token without one
   */
  public Resources resources() {
    return resources;
  }

  /**
   * Returns the scopes the customer may upgrade this token to (Unit's {@code upgradableScope}).
   *
   * @return the upgradable scopes; empty for org tokens and tokens without any
   */
  public ScopeSet upgradableScopes() {
    return upgradableScopes;
  }

  /**
   * Returns whose token this is.
   *
   * @return {@link TokenRole#CUSTOMER} or {@link TokenRole#ORG}
   */
  public TokenRole role() {
    return role;
  }

  /**
   * Returns the customer a customer token is for.
   *
   * @return the customer id; empty for org tokens
   */
  public Optional<String> customerId() {
    return Optional.ofNullable(customerId);
  }

  /**
   * Returns whether this is a customer token of the given customer: the ownership check of every
   * request on a customer's resource, without unwrapping {@link #customerId()}.
   *
   * @param customerId a customer id
   * @return {@code true} only for a customer token whose customer id equals {@code customerId}
   */
  public boolean isCustomer(String customerId) {
    return this.customerId != null && this.customerId.equals(customerId);
  }

  /**
   * Returns the scopes the token holds.
   *
   * @return the scopes, of the verifier's catalog
   */
  public ScopeSet scopes() {
    return scopes;
  }

  /**
   * Returns whether the token was minted after the customer passed two-factor verification.
   *
   * @return {@code true} if so; always {@code true} when a scope requires it
   */
  public boolean twoFactorVerified() {
    return twoFactorVerified;
  }

  /**
   * Returns the issuer ({@code iss}).
   *
   * @return the issuer
   */
  public String issuer() {
    return issuer;
  }

  /**
   * Returns when the token was minted ({@code iat}).
   *
   * @return the issue instant
   */
  public Instant issuedAt() {
    return issuedAt;
  }

  /**
   * Returns the time before which the token is not valid ({@code nbf}), if it has one.
   *
   * @return the not-before instant, or empty
   */
  public Optional<Instant> notBefore() {
    return Optional.ofNullable(notBefore);
  }

  /**
   * Returns when the token expires ({@code exp}).
   *
   * @return the expiry instant
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Returns the token's unique id ({@code jti}).
   *
   * @return the token id
   */
  public String tokenId() {
    return tokenId;
  }

  /**
   * Returns the id of the key that signed the token.
   *
   * @return the PASERK {@code k2.pid}/{@code k4.pid} key id
   */
  public String keyId() {
    return keyId;
  }

  @Override
  public String toString() {
    return "VerifiedToken["
        + (role == TokenRole.CUSTOMER ? "customer " + customerId : "org")
        + (authorizedUser == null ? "" : ", authorizedUser " + authorizedUser)
        + ", scope="
        + scopes
        + (twoFactorVerified ? ", twoFactor" : "")
        + (transaction == null ? "" : ", bound to a payment")
        + ", jti="
        + tokenId
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
