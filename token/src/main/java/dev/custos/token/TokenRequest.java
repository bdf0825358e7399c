package dev.custos.token;

import dev.custos.scopes.ScopeSet;
import dev.custos.scopes.TokenRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TokenMinter} should mint: a customer token (one customer's resources) or an org
 * token (the platform's own credential), its scopes and its lifetime.
 *
 * <pre>{@code
 * TokenRequest request =
 *     TokenRequest.customer("100042", catalog.parse("customers accounts-write"))
 *         .twoFactorVerified()            // required: accounts-write needs 2FA
 *         .expiresIn(Duration.ofHours(1));
 * }</pre>
 *
 * <p>Every factory and {@code with}-style method validates at once. Instances are immutable and
 * safe to share between threads.
 */
public final class TokenRequest {
  /** The longest and the default lifetime of a customer token (the spec: 24 hours). */
  public static final Duration MAX_CUSTOMER_LIFETIME = Duration.ofHours(24);

  /** The longest lifetime of an org token. */
  public static final Duration MAX_ORG_LIFETIME = Duration.ofDays(366);

  private final TokenRole role;
  private final String customerId;
  private final ScopeSet scopes;
  private final Duration lifetime;
  private final boolean twoFactorVerified;
  private final TwoFactorMethod twoFactorMethod;
  private final Instant twoFactorAt;
  private final Instant notBefore;
  private final ScopeSet upgradableScopes;
  private final Resources resources;
  private final String tokenId;
  private final String sourceIp;
  private final String authorizedUser;
  private final byte[] transaction;

  /** The fields while one is being changed: each with-style method copies, changes one, builds. */
  private static final class Values {
    TokenRole role;
    String customerId;
    ScopeSet scopes;
    Duration lifetime;
    boolean twoFactorVerified;
    TwoFactorMethod twoFactorMethod;
    Instant twoFactorAt;
    Instant notBefore;
    ScopeSet upgradableScopes;
    Resources resources;
    String tokenId;
    String sourceIp;
    String authorizedUser;
    byte[] transaction;
  }

  private TokenRequest(Values v) {
    this.role = v.role;
    this.customerId = v.customerId;
    this.scopes = v.scopes;
    this.lifetime = v.lifetime;
    this.twoFactorVerified = v.twoFactorVerified;
    this.twoFactorMethod = v.twoFactorMethod;
    this.twoFactorAt = v.twoFactorAt;
    this.notBefore = v.notBefore;
    this.upgradableScopes = v.upgradableScopes;
    this.resources = v.resources;
    this.tokenId = v.tokenId;
    this.sourceIp = v.sourceIp;
    this.authorizedUser = v.authorizedUser;
    this.transaction = v.transaction;
  }

  private Values values() {
    Values v = new Values();
    v.role = role;
    v.customerId = customerId;
    v.scopes = scopes;
    v.lifetime = lifetime;
    v.twoFactorVerified = twoFactorVerified;
    v.twoFactorMethod = twoFactorMethod;
    v.twoFactorAt = twoFactorAt;
    v.notBefore = notBefore;
    v.upgradableScopes = upgradableScopes;
    v.resources = resources;
    v.tokenId = tokenId;
    v.sourceIp = sourceIp;
    v.authorizedUser = authorizedUser;
    v.transaction = transaction;
    return v;
  }

  /**
   * Returns a request for a customer token, valid 24 hours, not marked as two-factor verified.
   *
   * @param customerId the customer's id: 1 to 128 of {@code [A-Za-z0-9._:-]}
   * @param scopes non-empty scopes, each allowed in customer tokens
   * @return the request
   * @throws IllegalArgumentException if the id is invalid or the scopes are empty
   * @throws dev.custos.scopes.InvalidScopeException if a scope may not be held by a customer token
   * @throws NullPointerException if an argument is null
   */
  public static TokenRequest customer(String customerId, ScopeSet scopes) {
    Identifiers.checkCustomerId(customerId);
    Values v = new Values();
    v.role = TokenRole.CUSTOMER;
    v.customerId = customerId;
    v.scopes = checkScopes(TokenRole.CUSTOMER, scopes);
    v.lifetime = MAX_CUSTOMER_LIFETIME;
    v.upgradableScopes = scopes.minus(scopes);
    v.resources = Resources.unlimited();
    return new TokenRequest(v);
  }

  /**
   * Returns a request for an org token, valid 24 hours.
   *
   * @param scopes non-empty scopes, each allowed in org tokens
   * @return the request
   * @throws IllegalArgumentException if the scopes are empty
   * @throws dev.custos.scopes.InvalidScopeException if a scope may not be held by an org token
   * @throws NullPointerException if {@code scopes} is null
   */
  public static TokenRequest org(ScopeSet scopes) {
    Values v = new Values();
    v.role = TokenRole.ORG;
    v.scopes = checkScopes(TokenRole.ORG, scopes);
    v.lifetime = MAX_CUSTOMER_LIFETIME;
    v.upgradableScopes = scopes.minus(scopes);
    v.resources = Resources.unlimited();
    return new TokenRequest(v);
  }

  /**
   * Returns this request with another lifetime.
   *
   * @param lifetime at least 1 second; at most {@link #MAX_CUSTOMER_LIFETIME} for customer tokens
   *     and {@link #MAX_ORG_LIFETIME} for org tokens; whole seconds
   * @return a new request
   * @throws IllegalArgumentException if out of range or not whole seconds
   * @throws NullPointerException if {@code lifetime} is null
   */
  public TokenRequest expiresIn(Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime");
    Duration max = role == TokenRole.CUSTOMER ? MAX_CUSTOMER_LIFETIME : MAX_ORG_LIFETIME;
    if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "lifetime must be 1 second to " + max + ", was " + lifetime);
    }
    if (lifetime.getNano() != 0) {
      throw new IllegalArgumentException("lifetime must be whole seconds");
    }
    Values v = values();
    v.lifetime = lifetime;
    return new TokenRequest(v);
  }

  /**
   * Returns this request marked as minted after the customer passed two-factor verification; the
   * token records it. Required when a scope requires two-factor authentication.
   *
   * @return a new request
   * @throws IllegalStateException if this is an org token request
   */
  public TokenRequest twoFactorVerified() {
    if (role != TokenRole.CUSTOMER) {
      throw new IllegalStateException("two-factor verification applies to customer tokens only");
    }
    Values v = values();
    v.twoFactorVerified = true;
    return new TokenRequest(v);
  }

  /**
   * Returns this request marked as {@link #twoFactorVerified()}, recording how and when: the token
   * carries both (claims {@code twoFactorMethod} and {@code twoFactorAt}), so that a sensitive
   * action can ask for a recent verification or a particular factor.
   *
   * @param method how the customer was verified
   * @param verifiedAt when; truncated to milliseconds. An upgrade that keeps its caller's
   *     verification passes the caller's time, not its own
   * @return a new request
   * @throws IllegalStateException if this is an org token request
   * @throws NullPointerException if an argument is null
   */
  public TokenRequest twoFactorVerified(TwoFactorMethod method, Instant verifiedAt) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(verifiedAt, "verifiedAt");
    Values v = twoFactorVerified().values();
    v.twoFactorMethod = method;
    v.twoFactorAt = verifiedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    return new TokenRequest(v);
  }

  /**
   * Returns this request with a time before which the token is not valid.
   *
   * @param notBefore the instant the token becomes valid; truncated to whole seconds
   * @return a new request
   * @throws NullPointerException if {@code notBefore} is null
   */
  public TokenRequest notBefore(Instant notBefore) {
    Objects.requireNonNull(notBefore, "notBefore");
    Values v = values();
    v.notBefore = notBefore.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    return new TokenRequest(v);
  }

  /**
   * Returns this request with scopes the customer may later upgrade the token to (Unit's {@code
   * upgradableScope}), by creating a new token with the token itself after a verification. The
   * token records them; what an upgrade may do is the issuing service's rule.
   *
   * @param upgradable scopes of the same catalog, each allowed in customer tokens; empty for none
   * @return a new request
   * @throws IllegalStateException if this is an org token request
   * @throws IllegalArgumentException if the scopes are of another catalog
   * @throws dev.custos.scopes.InvalidScopeException if a scope may not be held by a customer token
   * @throws NullPointerException if {@code upgradable} is null
   */
  public TokenRequest upgradableTo(ScopeSet upgradable) {
    Objects.requireNonNull(upgradable, "upgradable");
    if (role != TokenRole.CUSTOMER) {
      throw new IllegalStateException("upgradable scopes apply to customer tokens only");
    }
    scopes.union(upgradable); // the same catalog, or IllegalArgumentException
    Values v = values();
    v.upgradableScopes = scopes.catalog().requireAllowed(TokenRole.CUSTOMER, upgradable);
    return new TokenRequest(v);
  }

  /**
   * Returns this request limited to these accounts and cards (Unit's {@code resources}).
   *
   * @param resources the limit; {@link Resources#unlimited()} for none
   * @return a new request
   * @throws NullPointerException if {@code resources} is null
   */
  public TokenRequest limitedTo(Resources resources) {
    Values v = values();
    v.resources = Objects.requireNonNull(resources, "resources");
    return new TokenRequest(v);
  }

  /**
   * Returns the accounts and cards the token will be limited to.
   *
   * @return the limit; unlimited unless set by {@link #limitedTo(Resources)}
   */
  public Resources resources() {
    return resources;
  }

  /**
   * Returns this request with a token id of the caller's ({@code jti}) instead of a random one: an
   * org API token carries its record's id, by which it is listed and revoked.
   *
   * @param tokenId 1 to 128 of {@code [A-Za-z0-9._:-]}
   * @return a new request
   * @throws IllegalArgumentException if the id is malformed
   * @throws NullPointerException if {@code tokenId} is null
   */
  public TokenRequest withTokenId(String tokenId) {
    Objects.requireNonNull(tokenId, "tokenId");
    if (!Identifiers.isIdentifier(tokenId)) {
      throw new IllegalArgumentException("a token id is 1 to 128 letters, digits or . _ : -");
    }
    Values v = values();
    v.tokenId = tokenId;
    return new TokenRequest(v);
  }

  /**
   * Returns this request limited to clients of these addresses (Unit's {@code sourceIp} of org API
   * tokens): a comma-separated list without spaces, recorded as given; the authorizer checks it.
   *
   * @param sourceIp the list, 1 to {@value #MAX_SOURCE_IP_LENGTH} characters, no whitespace
   * @return a new request
   * @throws IllegalStateException if this is a customer token request
   * @throws IllegalArgumentException if the list is empty, too long or holds whitespace
   * @throws NullPointerException if {@code sourceIp} is null
   */
  public TokenRequest fromSourceIp(String sourceIp) {
    Objects.requireNonNull(sourceIp, "sourceIp");
    if (role != TokenRole.ORG) {
      throw new IllegalStateException("sourceIp applies to org tokens only");
    }
    Identifiers.checkSourceIp(sourceIp);
    Values v = values();
    v.sourceIp = sourceIp;
    return new TokenRequest(v);
  }

  /**
   * Returns this customer token bound to one authorized user of the (business) customer: the person
   * the token was minted for, whom its verification reached.
   *
   * @param userId the authorized user's id, 1 to 128 of {@code [A-Za-z0-9._:-]}
   * @return a new request
   * @throws IllegalStateException if this is an org token request
   * @throws IllegalArgumentException if the id is malformed
   * @throws NullPointerException if {@code userId} is null
   */
  public TokenRequest forAuthorizedUser(String userId) {
    Objects.requireNonNull(userId, "userId");
    if (role != TokenRole.CUSTOMER) {
      throw new IllegalStateException("an authorized user is a customer token's only");
    }
    if (!Identifiers.isIdentifier(userId)) {
      throw new IllegalArgumentException(
          "an authorized user id is 1 to 128 letters, digits or . _ : -");
    }
    Values v = values();
    v.authorizedUser = userId;
    return new TokenRequest(v);
  }

  /**
   * Returns this request bound to one payment (PSD2's dynamic linking): the token carries the
   * payment's digest (claim {@code transaction}), which a resource server compares with the payment
   * it is asked to make ({@code RequestAuthorizer.authorizePayment}).
   *
   * @param transactionDigest the payment's 32-byte digest ({@code Transaction.digest()}); copied
   * @return a new request
   * @throws IllegalStateException if this is an org token request
   * @throws IllegalArgumentException if the digest is not 32 bytes
   * @throws NullPointerException if {@code transactionDigest} is null
   */
  public TokenRequest forTransaction(byte[] transactionDigest) {
    Objects.requireNonNull(transactionDigest, "transactionDigest");
    if (role != TokenRole.CUSTOMER) {
      throw new IllegalStateException("a payment binds a customer token only");
    }
    if (transactionDigest.length != 32) {
      throw new IllegalArgumentException("a transaction digest is 32 bytes");
    }
    Values v = values();
    v.transaction = transactionDigest.clone();
    return new TokenRequest(v);
  }

  /**
   * Returns the payment's digest this token is bound to, if any.
   *
   * @return a copy of the 32 bytes, or empty
   */
  public Optional<byte[]> transactionDigest() {
    return Optional.ofNullable(transaction).map(byte[]::clone);
  }

  /**
   * Returns the authorized user the token is bound to.
   *
   * @return the user's id, or empty for a token of the whole customer
   */
  public Optional<String> authorizedUser() {
    return Optional.ofNullable(authorizedUser);
  }

  /** The longest sourceIp list a token carries. */
  public static final int MAX_SOURCE_IP_LENGTH = 2_000;

  /**
   * Returns the token id the caller chose.
   *
   * @return the id, or empty for a random one
   */
  public Optional<String> tokenId() {
    return Optional.ofNullable(tokenId);
  }

  /**
   * Returns the client addresses an org token is limited to.
   *
   * @return the list as given, or empty for any
   */
  public Optional<String> sourceIp() {
    return Optional.ofNullable(sourceIp);
  }

  /**
   * Returns the role of the token to mint.
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
   * Returns the scopes the token will hold.
   *
   * @return the scopes
   */
  public ScopeSet scopes() {
    return scopes;
  }

  /**
   * Returns how long the token will be valid from its minting.
   *
   * @return the lifetime
   */
  public Duration lifetime() {
    return lifetime;
  }

  /**
   * Returns whether the token is to record a passed two-factor verification.
   *
   * @return {@code true} if marked by {@link #twoFactorVerified()}
   */
  public boolean isTwoFactorVerified() {
    return twoFactorVerified;
  }

  /**
   * Returns how the customer passed two-factor verification, if recorded.
   *
   * @return the method set by {@link #twoFactorVerified(TwoFactorMethod, Instant)}, or empty
   */
  public Optional<TwoFactorMethod> twoFactorMethod() {
    return Optional.ofNullable(twoFactorMethod);
  }

  /**
   * Returns when the customer passed two-factor verification, if recorded.
   *
   * @return the instant set by {@link #twoFactorVerified(TwoFactorMethod, Instant)}, or empty
   */
  public Optional<Instant> twoFactorVerifiedAt() {
    return Optional.ofNullable(twoFactorAt);
  }

  /**
   * Returns the scopes the token may later be upgraded to.
   *
   * @return the upgradable scopes; empty unless set by {@link #upgradableTo(ScopeSet)}
   */
  public ScopeSet upgradableScopes() {
    return upgradableScopes;
  }

  /**
   * Returns the time before which the token is not valid, if set.
   *
   * @return the not-before instant, or empty
   */
  public Optional<Instant> notBeforeInstant() {
    return Optional.ofNullable(notBefore);
  }

  @Override
  public String toString() {
    return "TokenRequest["
        + (role == TokenRole.CUSTOMER ? "customer " + customerId : "org")
        + ", scope="
        + scopes
        + ", lifetime="
        + lifetime
        + (twoFactorVerified ? ", twoFactor" : "")
        + (twoFactorMethod == null ? "" : " by " + twoFactorMethod.claimValue())
        + (upgradableScopes.isEmpty() ? "" : ", upgradable=" + upgradableScopes)
        + (resources.isLimited() ? ", " + resources : "")
        + (sourceIp == null ? "" : ", sourceIp=" + sourceIp)
        + (authorizedUser == null ? "" : ", authorizedUser=" + authorizedUser)
        + (transaction == null ? "" : ", bound to a payment")
        + "]";
  }

  /** The fields as they are, null when absent: for the claim writer, without an Optional each. */
  String customerIdOrNull() {
    return customerId;
  }

  String sourceIpOrNull() {
    return sourceIp;
  }

  Instant notBeforeOrNull() {
    return notBefore;
  }

  String tokenIdOrNull() {
    return tokenId;
  }

  /**
   * Returns whether a string is a customer id a token can carry: 1 to 128 ASCII letters, digits and
   * {@code . _ : -}, so that ids compare exactly and are safe in keys and logs. The one definition
   * of the rule for tokens and the services over them (the OTP engine, which depends on no other
   * module of Custos, checks the same rule, and a test holds the two equal).
   *
   * @param id the string
   * @return {@code true} if it is a customer id
   * @throws NullPointerException if {@code id} is null
   */
  public static boolean isCustomerId(String id) {
    return Identifiers.isIdentifier(Objects.requireNonNull(id, "id"));
  }

  private static ScopeSet checkScopes(TokenRole role, ScopeSet scopes) {
    Objects.requireNonNull(scopes, "scopes");
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("a token needs at least one scope");
    }
    return scopes.catalog().requireAllowed(role, scopes);
  }
}
