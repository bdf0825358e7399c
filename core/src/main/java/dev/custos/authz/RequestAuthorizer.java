package dev.custos.authz;

import dev.custos.authz.AuthorizationListener.Denial;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.scopes.Scope;
import dev.custos.scopes.TokenRole;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one door every authorization decision goes through: who is calling ({@link #authenticate}),
 * may it use this scope ({@link #authorizeScope}) on this customer's resource ({@link #authorize},
 * {@link #authorizeAccount}, {@link #authorizeCard}), which customer a list is limited to ({@link
 * #customerFilter}), and, for the token operations, may it act for a customer and what may it hand
 * on to a token it creates ({@link #delegation()}). Each refusal has one shape and is told to the
 * {@link AuthorizationListener}; an adapter that decides a scope elsewhere (a framework's method
 * security) renders the same refusal with {@link #scopeRefusal}.
 *
 * <p>Verified tokens are cached (bounded, Caffeine), keyed by the whole {@code Authorization} value
 * (only values that passed every check are cached), so a token seen before costs one map lookup
 * instead of parsing and an Ed25519 verification; a cached token is never served at or after its
 * {@code exp} on the verifier's clock. Revocations ({@link #revoke}, {@link #revokeToken}, {@link
 * #revokeCustomerTokens}) live in a {@link RevocationStore} (in-process by default, shared across
 * instances with {@code custos-redis}) and take effect on the next request, cached tokens included:
 * every revocation, by any authorizer on the store, moves an epoch that cached entries are stamped
 * with, so the next hit re-checks them against the store. A store that cannot be reached fails
 * closed (503 {@code state_unavailable}).
 *
 * <p>A customer token touching another customer's resource is answered 404 {@code not_found}, as if
 * the resource did not exist, so a token cannot probe which ids exist.
 *
 * <p>Instances are thread-safe.
 */
public final class RequestAuthorizer {
  private final Refusals refusals;
  private final RevocationStore revocations;
  private final VerifiedTokenCache verified;
  private final Clock clock;
  private final TokenDelegation delegation;
  private final PaymentAuthorization payments;

  RequestAuthorizer(RequestAuthorizerBuilder b) {
    this.refusals = new Refusals(b.listener);
    this.clock = b.verifier.clock();
    this.revocations =
        b.revocations != null
            ? b.revocations
            : new CaffeineRevocationStore(b.maxRevocations, b.verifier.clock());
    this.verified = new VerifiedTokenCache(b.cacheSize, b.verifier, refusals, revocations);
    this.delegation = new TokenDelegation(this, refusals);
    this.payments = new PaymentAuthorization(this);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static RequestAuthorizerBuilder builder() {
    return new RequestAuthorizerBuilder();
  }

  /**
   * Authenticates a request from its {@code Authorization} header.
   *
   * @param authorizationHeader the header's value; exactly {@code Bearer <token>}; null if absent
   * @return the verified token: the caller
   * @throws ApiException 401 {@code unauthorized}: the header is missing or not {@code Bearer
   *     <token>}, or the token is invalid, expired, not yet valid or revoked (the detail says
   *     which); 403 {@code forbidden} for an org token limited to source addresses, as the client's
   *     address is not known here (use {@link #authenticate(String, InetAddress)})
   */
  public VerifiedToken authenticate(String authorizationHeader) throws ApiException {
    return authenticate(authorizationHeader, null);
  }

  /**
   * Authenticates a request from its {@code Authorization} header and the client's address, which
   * an org token limited to source addresses ({@code sourceIp}) must come from.
   *
   * @param authorizationHeader the header's value; exactly {@code Bearer <token>}; null if absent
   * @param client the address of the client (the connection's, or one a trusted proxy vouched for);
   *     null if not known
   * @return the verified token: the caller
   * @throws ApiException 401 {@code unauthorized} as {@link #authenticate(String)}; 403 {@code
   *     forbidden} ("source IP not allowed") for a token whose {@code sourceIp} does not hold the
   *     client's address, or any such token when the address is not known
   */
  public VerifiedToken authenticate(String authorizationHeader, InetAddress client)
      throws ApiException {
    VerifiedTokenCache.Entry entry = verified.lookup(authorizationHeader);
    SourceIps allowed = entry.sourceIps;
    if (allowed != null && (client == null || !allowed.allows(client))) {
      throw refusals.forbidden(
          Denial.SOURCE_IP, ApiError.of(ApiErrorCode.FORBIDDEN, "source IP not allowed"));
    }
    return entry.token;
  }

  /**
   * Authorizes the use of a scope.
   *
   * @param principal the authenticated caller
   * @param requiredScope the scope the operation needs
   * @throws ApiException 403 {@code forbidden} if the token lacks the scope: the detail names it
   *     and says whether a customer token holding it needs two-factor verification; {@code meta}
   *     has {@code requiredScope} and {@code twoFactorRequired}; {@code WWW-Authenticate} carries
   *     RFC 6750's {@code insufficient_scope}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the scope is of another catalog than the token's
   */
  public void authorizeScope(VerifiedToken principal, Scope requiredScope) throws ApiException {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(requiredScope, "requiredScope");
    if (!principal.scopes().contains(requiredScope)) {
      throw refusals.missingScope(principal, requiredScope);
    }
  }

  /**
   * Returns the refusal of a scope an adapter decided elsewhere (a framework's method security),
   * the same 403 {@link #authorizeScope} throws, and tells the listener: every refusal has one
   * shape and is counted once, wherever it was decided.
   *
   * @param principal the authenticated caller
   * @param requiredScope the scope the caller lacks
   * @return the refusal, to be thrown or rendered
   * @throws NullPointerException if an argument is null
   */
  public ApiException scopeRefusal(VerifiedToken principal, Scope requiredScope) {
    return refusals.missingScope(
        Objects.requireNonNull(principal, "principal"),
        Objects.requireNonNull(requiredScope, "requiredScope"));
  }

  /**
   * Authorizes a step-up route: the token must have been minted after a two-factor verification at
   * most {@code maxAge} ago on the verifier's clock: its {@code twoFactorAt} (an upgrade that kept
   * its caller's verification carries the caller's), or for a token that does not record it, its
   * issue time.
   *
   * @param principal the authenticated caller
   * @param maxAge how old the verification may be
   * @throws ApiException 401 {@code unauthorized} with RFC 9470's {@code
   *     insufficient_user_authentication} challenge and {@code max_age}, as {@link
   *     #twoFactorRefusal}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code maxAge} is negative
   */
  public void authorizeTwoFactorAge(VerifiedToken principal, Duration maxAge) throws ApiException {
    Objects.requireNonNull(principal, "principal");
    if (Objects.requireNonNull(maxAge, "maxAge").isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative");
    }
    if (!principal.twoFactorVerified()
        || principal
            .twoFactorVerifiedAt()
            .orElse(principal.issuedAt())
            .plus(maxAge)
            .isBefore(clock.instant())) {
      throw twoFactorRefusal(principal, maxAge);
    }
  }

  /**
   * Returns the refusal of a two-factor verification an adapter found missing or too old elsewhere
   * (a framework's factor check), the same 401 {@link #authorizeTwoFactorAge} throws, and tells the
   * listener ({@link Denial#STALE_TWO_FACTOR}).
   *
   * @param principal the authenticated caller
   * @param maxAge how old the verification may be, sent as {@code max_age}
   * @return the refusal, to be thrown or rendered
   * @throws NullPointerException if an argument is null
   */
  public ApiException twoFactorRefusal(VerifiedToken principal, Duration maxAge) {
    return refusals.staleTwoFactor(
        Objects.requireNonNull(principal, "principal"), Objects.requireNonNull(maxAge, "maxAge"));
  }

  /**
   * Returns the rules of the token operations: who may act for a customer, and what a caller may
   * hand on to a token it creates. Their refusals are this authorizer's (same shape, same
   * listener).
   *
   * @return the rules
   */
  public TokenDelegation delegation() {
    return delegation;
  }

  /**
   * Returns the payments made with tokens bound to one (PSD2's dynamic linking).
   *
   * @return the payment rules, on this authorizer's revocation store
   */
  public PaymentAuthorization payments() {
    return payments;
  }

  /** Revokes a token unless revoked already, atomically across instances: its single use. */
  boolean useOnce(VerifiedToken token) {
    return revocations.revokeTokenOnce(
        token.tokenId(), token.expiresAt().plus(TokenVerifier.MAX_CLOCK_SKEW).toEpochMilli());
  }

  /**
   * Authorizes an operation on a resource owned by a customer.
   *
   * @param principal the authenticated caller
   * @param requiredScope the scope the operation needs
   * @param resourceCustomerId the customer who owns the resource
   * @throws ApiException 403 {@code forbidden} if the token lacks the scope (the detail names it
   *     and says whether a token with it needs two-factor verification; {@code meta} has {@code
   *     requiredScope} and {@code twoFactorRequired}); 404 {@code not_found} if a customer token
   *     touches another customer's resource
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the scope is of another catalog than the token's
   */
  public void authorize(VerifiedToken principal, Scope requiredScope, String resourceCustomerId)
      throws ApiException {
    Objects.requireNonNull(resourceCustomerId, "resourceCustomerId");
    authorizeScope(principal, requiredScope);
    authorizeOwner(principal, resourceCustomerId);
  }

  /**
   * Authorizes reaching a customer's resources, whatever the scope (which an adapter may check
   * elsewhere): an org token reaches every customer, a customer token its own only.
   *
   * @param principal the authenticated caller
   * @param resourceCustomerId the customer who owns the resource
   * @throws ApiException 404 {@code not_found} if a customer token reaches for another customer
   * @throws NullPointerException if an argument is null
   */
  public void authorizeOwner(VerifiedToken principal, String resourceCustomerId)
      throws ApiException {
    Objects.requireNonNull(resourceCustomerId, "resourceCustomerId");
    if (Objects.requireNonNull(principal, "principal").role() == TokenRole.CUSTOMER
        && !principal.isCustomer(resourceCustomerId)) {
      throw refusals.noSuchResource(Denial.OTHER_CUSTOMER);
    }
  }

  /**
   * Authorizes an operation on one account: the scope, the customer, and the token's {@code
   * resources}. An account outside them is answered as if it did not exist.
   *
   * @param principal the authenticated caller
   * @param requiredScope the scope the operation needs
   * @param resourceCustomerId the customer who owns the account
   * @param accountId the account's id
   * @throws ApiException 403 {@code forbidden} if the token lacks the scope; 404 {@code not_found}
   *     for another customer's account (customer tokens) or one outside the token's resources
   * @throws NullPointerException if an argument is null
   */
  public void authorizeAccount(
      VerifiedToken principal, Scope requiredScope, String resourceCustomerId, String accountId)
      throws ApiException {
    authorizeScope(principal, requiredScope);
    authorizeAccountOwner(principal, resourceCustomerId, accountId);
  }

  /**
   * Authorizes reaching one account, whatever the scope (which an adapter may check elsewhere): the
   * customer, as {@link #authorizeOwner}, and the token's {@code resources}.
   *
   * @param principal the authenticated caller
   * @param resourceCustomerId the customer who owns the account
   * @param accountId the account's id
   * @throws ApiException 404 {@code not_found} for another customer's account (customer tokens) or
   *     one outside the token's resources
   * @throws NullPointerException if an argument is null
   */
  public void authorizeAccountOwner(
      VerifiedToken principal, String resourceCustomerId, String accountId) throws ApiException {
    Objects.requireNonNull(accountId, "accountId");
    authorizeOwner(principal, resourceCustomerId);
    if (!principal.resources().allowsAccount(accountId)) {
      throw refusals.noSuchResource(Denial.OUTSIDE_RESOURCES);
    }
  }

  /**
   * Authorizes an operation on one card: the scope, the customer, and the token's {@code resources}
   * (the card listed, or the account it is under). A card outside them is answered as if it did not
   * exist.
   *
   * @param principal the authenticated caller
   * @param requiredScope the scope the operation needs
   * @param resourceCustomerId the customer who owns the card
   * @param cardId the card's id
   * @param accountId the id of the account the card is under
   * @throws ApiException 403 {@code forbidden} if the token lacks the scope; 404 {@code not_found}
   *     for another customer's card (customer tokens) or one outside the token's resources
   * @throws NullPointerException if an argument is null
   */
  public void authorizeCard(
      VerifiedToken principal,
      Scope requiredScope,
      String resourceCustomerId,
      String cardId,
      String accountId)
      throws ApiException {
    authorizeScope(principal, requiredScope);
    authorizeCardOwner(principal, resourceCustomerId, cardId, accountId);
  }

  /**
   * Authorizes reaching one card, whatever the scope (which an adapter may check elsewhere): the
   * customer, as {@link #authorizeOwner}, and the token's {@code resources} (the card listed, or
   * the account it is under).
   *
   * @param principal the authenticated caller
   * @param resourceCustomerId the customer who owns the card
   * @param cardId the card's id
   * @param accountId the id of the account the card is under
   * @throws ApiException 404 {@code not_found} for another customer's card (customer tokens) or one
   *     outside the token's resources
   * @throws NullPointerException if an argument is null
   */
  public void authorizeCardOwner(
      VerifiedToken principal, String resourceCustomerId, String cardId, String accountId)
      throws ApiException {
    Objects.requireNonNull(cardId, "cardId");
    Objects.requireNonNull(accountId, "accountId");
    authorizeOwner(principal, resourceCustomerId);
    if (!principal.resources().allowsCard(cardId, accountId)) {
      throw refusals.noSuchResource(Denial.OUTSIDE_RESOURCES);
    }
  }

  /**
   * Authorizes a list operation and returns the customer it is limited to. A customer token lists
   * only its own customer's resources, with or without a {@code filter[customerId]}; an org token
   * lists what the filter names, or everything.
   *
   * @param principal the authenticated caller
   * @param requiredScope the scope the list needs
   * @param requestedCustomerId the request's {@code filter[customerId]}, or null if absent
   * @return the customer id to filter by; empty for an org token without a filter
   * @throws ApiException 403 {@code forbidden} if the token lacks the scope, or a customer token's
   *     filter names another customer (with {@code source.parameter} {@code filter[customerId]})
   * @throws NullPointerException if {@code principal} or {@code requiredScope} is null
   */
  public Optional<String> customerFilter(
      VerifiedToken principal, Scope requiredScope, String requestedCustomerId)
      throws ApiException {
    authorizeScope(principal, requiredScope);
    if (principal.role() == TokenRole.ORG) {
      return Optional.ofNullable(requestedCustomerId);
    }
    String own = principal.customerId().orElseThrow();
    if (requestedCustomerId != null && !requestedCustomerId.equals(own)) {
      throw refusals.forbidden(
          Denial.OTHER_CUSTOMER,
          ApiError.of(
                  ApiErrorCode.FORBIDDEN,
                  "a customer token lists only its own customer's resources")
              .atParameter("filter[customerId]"));
    }
    return Optional.of(own);
  }

  /**
   * Revokes a token until it expires: from the next request on it is refused, even if cached, by
   * every authorizer sharing this one's revocation store.
   *
   * @param token the token to revoke (its {@code jti} and {@code exp} are recorded)
   * @throws RevocationStoreException if the store cannot record it; the token is not revoked then
   * @throws NullPointerException if {@code token} is null
   */
  public void revoke(VerifiedToken token) {
    Objects.requireNonNull(token, "token");
    revokeToken(token.tokenId(), token.expiresAt());
  }

  /**
   * Revokes a token by its id, until the given expiry (the token's {@code exp}) and the longest
   * clock skew a verifier tolerates after it ({@link TokenVerifier#MAX_CLOCK_SKEW}); past that the
   * token is refused anyway.
   *
   * @param tokenId the token's id ({@code jti})
   * @param expiresAt the token's expiry
   * @throws RevocationStoreException if the store cannot record it; the token is not revoked then
   * @throws NullPointerException if an argument is null
   */
  public void revokeToken(String tokenId, Instant expiresAt) {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    // A verifier with clock skew accepts the token past its exp: the revocation outlives that too.
    revocations.revokeToken(tokenId, expiresAt.plus(TokenVerifier.MAX_CLOCK_SKEW).toEpochMilli());
  }

  /**
   * Revokes every token of a customer issued before an instant (typically now: "sign out
   * everywhere"); tokens issued at or after it stay valid. Takes effect on the next request, cached
   * tokens included, and is kept until every token it can reach has expired.
   *
   * @param customerId the customer
   * @param issuedBefore tokens with an earlier {@code iat} are refused
   * @throws RevocationStoreException if the store cannot record it; nothing is revoked then
   * @throws NullPointerException if an argument is null
   */
  public void revokeCustomerTokens(String customerId, Instant issuedBefore) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(issuedBefore, "issuedBefore");
    revocations.revokeCustomerTokens(
        customerId,
        issuedBefore.toEpochMilli(),
        issuedBefore
            .plus(TokenRequest.MAX_CUSTOMER_LIFETIME)
            .plus(TokenVerifier.MAX_CLOCK_SKEW)
            .toEpochMilli());
  }
}
