package dev.custos.token;

import dev.custos.scopes.ScopeSet;
import dev.custos.scopes.TokenRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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

  /** The request's values: never changed once the request is made (each change copies). */
  private final TokenRequestValues state;

  private TokenRequest(TokenRequestValues state) {
    this.state = state;
  }

  /** This request with one change made to a copy of its values. */
  private TokenRequest with(Consumer<TokenRequestValues> change) {
    TokenRequestValues v = state.copy();
    change.accept(v);
    return new TokenRequest(v);
  }

  private void requireCustomer(String what) {
    if (state.role != TokenRole.CUSTOMER) {
      throw new IllegalStateException(what);
    }
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
    TokenRequestValues v = new TokenRequestValues();
    v.role = TokenRole.CUSTOMER;
    v.customerId = customerId;
    v.scopes = TokenRequestValues.checkedScopes(TokenRole.CUSTOMER, scopes);
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
    TokenRequestValues v = new TokenRequestValues();
    v.role = TokenRole.ORG;
    v.scopes = TokenRequestValues.checkedScopes(TokenRole.ORG, scopes);
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
    Duration max = state.role == TokenRole.CUSTOMER ? MAX_CUSTOMER_LIFETIME : MAX_ORG_LIFETIME;
    if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "lifetime must be 1 second to " + max + ", was " + lifetime);
    }
    if (lifetime.getNano() != 0) {
      throw new IllegalArgumentException("lifetime must be whole seconds");
    }
    return with(v -> v.lifetime = lifetime);
  }

  /**
   * Returns this request marked as minted after the customer passed two-factor verification; the
   * token records it. Required when a scope requires two-factor authentication.
   *
   * @return a new request
   * @throws IllegalStateException if this is an org token request
   */
  public TokenRequest twoFactorVerified() {
    requireCustomer("two-factor verification applies to customer tokens only");
    return with(v -> v.twoFactorVerified = true);
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
    return twoFactorVerified()
        .with(
            v -> {
              v.twoFactorMethod = method;
              v.twoFactorAt = verifiedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            });
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
    return with(v -> v.notBefore = notBefore.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
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
    requireCustomer("upgradable scopes apply to customer tokens only");
    state.scopes.union(upgradable); // the same catalog, or IllegalArgumentException
    return with(
        v ->
            v.upgradableScopes =
                state.scopes.catalog().requireAllowed(TokenRole.CUSTOMER, upgradable));
  }

  /**
   * Returns this request limited to these accounts and cards (Unit's {@code resources}).
   *
   * @param resources the limit; {@link Resources#unlimited()} for none
   * @return a new request
   * @throws NullPointerException if {@code resources} is null
   */
  public TokenRequest limitedTo(Resources resources) {
    return with(v -> v.resources = Objects.requireNonNull(resources, "resources"));
  }

  /**
   * Returns the accounts and cards the token will be limited to.
   *
   * @return the limit; unlimited unless set by {@link #limitedTo(Resources)}
   */
  public Resources resources() {
    return state.resources;
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
    return with(v -> v.tokenId = tokenId);
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
    if (state.role != TokenRole.ORG) {
      throw new IllegalStateException("sourceIp applies to org tokens only");
    }
    Identifiers.checkSourceIp(sourceIp);
    return with(v -> v.sourceIp = sourceIp);
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
    requireCustomer("an authorized user is a customer token's only");
    if (!Identifiers.isIdentifier(userId)) {
      throw new IllegalArgumentException(
          "an authorized user id is 1 to 128 letters, digits or . _ : -");
    }
    return with(v -> v.authorizedUser = userId);
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
    requireCustomer("a payment binds a customer token only");
    if (transactionDigest.length != 32) {
      throw new IllegalArgumentException("a transaction digest is 32 bytes");
    }
    return with(v -> v.transaction = transactionDigest.clone());
  }

  /**
   * Returns the payment's digest this token is bound to, if any.
   *
   * @return a copy of the 32 bytes, or empty
   */
  public Optional<byte[]> transactionDigest() {
    return Optional.ofNullable(state.transaction).map(byte[]::clone);
  }

  /**
   * Returns the authorized user the token is bound to.
   *
   * @return the user's id, or empty for a token of the whole customer
   */
  public Optional<String> authorizedUser() {
    return Optional.ofNullable(state.authorizedUser);
  }

  /** The longest sourceIp list a token carries. */
  public static final int MAX_SOURCE_IP_LENGTH = 2_000;

  /**
   * Returns the token id the caller chose.
   *
   * @return the id, or empty for a random one
   */
  public Optional<String> tokenId() {
    return Optional.ofNullable(state.tokenId);
  }

  /**
   * Returns the client addresses an org token is limited to.
   *
   * @return the list as given, or empty for any
   */
  public Optional<String> sourceIp() {
    return Optional.ofNullable(state.sourceIp);
  }

  /**
   * Returns the role of the token to mint.
   *
   * @return {@link TokenRole#CUSTOMER} or {@link TokenRole#ORG}
   */
  public TokenRole role() {
    return state.role;
  }

  /**
   * Returns the customer a customer token is for.
   *
   * @return the customer id; empty for org tokens
   */
  public Optional<String> customerId() {
    return Optional.ofNullable(state.customerId);
  }

  /**
   * Returns the scopes the token will hold.
   *
   * @return the scopes
   */
  public ScopeSet scopes() {
    return state.scopes;
  }

  /**
   * Returns how long the token will be valid from its minting.
   *
   * @return the lifetime
   */
  public Duration lifetime() {
    return state.lifetime;
  }

  /**
   * Returns whether the token is to record a passed two-factor verification.
   *
   * @return {@code true} if marked by {@link #twoFactorVerified()}
   */
  public boolean isTwoFactorVerified() {
    return state.twoFactorVerified;
  }

  /**
   * Returns how the customer passed two-factor verification, if recorded.
   *
   * @return the method set by {@link #twoFactorVerified(TwoFactorMethod, Instant)}, or empty
   */
  public Optional<TwoFactorMethod> twoFactorMethod() {
    return Optional.ofNullable(state.twoFactorMethod);
  }

  /**
   * Returns when the customer passed two-factor verification, if recorded.
   *
   * @return the instant set by {@link #twoFactorVerified(TwoFactorMethod, Instant)}, or empty
   */
  public Optional<Instant> twoFactorVerifiedAt() {
    return Optional.ofNullable(state.twoFactorAt);
  }

  /**
   * Returns the scopes the token may later be upgraded to.
   *
   * @return the upgradable scopes; empty unless set by {@link #upgradableTo(ScopeSet)}
   */
  public ScopeSet upgradableScopes() {
    return state.upgradableScopes;
  }

  /**
   * Returns the time before which the token is not valid, if set.
   *
   * @return the not-before instant, or empty
   */
  public Optional<Instant> notBeforeInstant() {
    return Optional.ofNullable(state.notBefore);
  }

  @Override
  public String toString() {
    return "TokenRequest["
        + (state.role == TokenRole.CUSTOMER ? "customer " + state.customerId : "org")
        + ", scope="
        + state.scopes
        + ", lifetime="
        + state.lifetime
        + (state.twoFactorVerified ? ", twoFactor" : "")
        + (state.twoFactorMethod == null ? "" : " by " + state.twoFactorMethod.claimValue())
        + (state.upgradableScopes.isEmpty() ? "" : ", upgradable=" + state.upgradableScopes)
        + (state.resources.isLimited() ? ", " + state.resources : "")
        + (state.sourceIp == null ? "" : ", sourceIp=" + state.sourceIp)
        + (state.authorizedUser == null ? "" : ", authorizedUser=" + state.authorizedUser)
        + (state.transaction == null ? "" : ", bound to a payment")
        + "]";
  }

  /** The fields as they are, null when absent: for the claim writer, without an Optional each. */
  String customerIdOrNull() {
    return state.customerId;
  }

  String sourceIpOrNull() {
    return state.sourceIp;
  }

  Instant notBeforeOrNull() {
    return state.notBefore;
  }

  String tokenIdOrNull() {
    return state.tokenId;
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
}
