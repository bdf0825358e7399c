package dev.custos.authz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.custos.authz.AuthorizationListener.Denial;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.scopes.Scope;
import dev.custos.scopes.TokenRole;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerificationException;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The check on every API request a token makes: who is calling ({@link #authenticate}), may it use
 * this scope on this customer's resource ({@link #authorize}), and which customer a list is limited
 * to ({@link #customerFilter}).
 *
 * <p>Verified tokens are cached (bounded, Caffeine), keyed by the whole {@code Authorization} value
 * (only values that passed every check are cached) and bounded by size, so a token seen before
 * costs one map lookup instead of parsing and an Ed25519 verification; a cached token is never
 * served at or after its {@code exp}. Revocations ({@link #revoke}, {@link #revokeToken}, {@link
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
  private static final String BEARER = "Bearer ";
  private static final int MAX_HEADER_LENGTH = 8192 + BEARER.length();

  /**
   * A verified token, its expiry in epoch milliseconds, and the revocation epoch it was checked at.
   */
  private record Cached(
      VerifiedToken token, long expiresAtMillis, long epoch, SourceIps sourceIps) {
    Cached(VerifiedToken token, long epoch, SourceIps sourceIps) {
      this(token, token.expiresAt().toEpochMilli(), epoch, sourceIps);
    }
  }

  private final TokenVerifier verifier;
  private final Clock clock;
  private final AuthorizationListener listener;
  private final Cache<String, Cached> verified;
  private final RevocationStore revocations;
  private final AtomicLong epoch = new AtomicLong();

  private RequestAuthorizer(Builder b) {
    this.verifier = b.verifier;
    this.clock = b.verifier.clock();
    this.listener = b.listener;
    // Bounded by size only: authenticate() refuses a cached token at or after its exp on every hit,
    // so a per-entry expiry would only add a timer check to each read of the hot path.
    this.verified = Caffeine.newBuilder().maximumSize(b.cacheSize).build();
    this.revocations =
        b.revocations != null
            ? b.revocations
            : new CaffeineRevocationStore(b.maxRevocations, clock);
    // Any revocation, here or on another instance sharing the store, moves the epoch: every cached
    // token is checked against the store again on its next use.
    revocations.onRevocation(epoch::incrementAndGet);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
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
    Cached entry = lookup(authorizationHeader);
    SourceIps allowed = entry.sourceIps();
    if (allowed != null && (client == null || !allowed.allows(client))) {
      throw deny(
          Denial.SOURCE_IP,
          new ApiException(ApiError.of(ApiErrorCode.FORBIDDEN, "source IP not allowed")));
    }
    return entry.token();
  }

  /** The verified token of a header: from the cache, or verified and checked now. */
  private Cached lookup(String authorizationHeader) throws ApiException {
    long currentEpoch = epoch.get();
    long now = clock.millis();
    // The cache is keyed by the canonical header, "Bearer " and the token: every spelling RFC 6750
    // allows for one token ("bearer", several spaces) shares one entry. Only canonical headers that
    // passed every check are ever stored, so a hit on the header as sent proves it canonical: the
    // hot path is one lookup, with no scan or copy. Other spellings are canonicalized on a miss.
    String key = authorizationHeader;
    Cached cached =
        key == null || key.length() > MAX_HEADER_LENGTH ? null : verified.getIfPresent(key);
    if (cached == null) {
      String canonical = canonical(authorizationHeader);
      if (canonical != key) { // canonical() returns the header itself when it is canonical
        key = canonical;
        cached = verified.getIfPresent(key);
      }
    }
    if (cached != null) {
      if (now < cached.expiresAtMillis()) {
        if (cached.epoch() == currentEpoch) {
          return cached;
        }
        requireNotRevoked(key, cached.token());
        Cached rechecked = new Cached(cached.token(), currentEpoch, cached.sourceIps());
        verified.put(key, rechecked);
        return rechecked;
      }
      verified.invalidate(key);
    }
    VerifiedToken fresh;
    try {
      fresh = verifier.verify(key.substring(BEARER.length()));
    } catch (TokenVerificationException e) {
      throw deny(
          e.reason() == TokenVerificationException.Reason.EXPIRED
              ? Denial.EXPIRED_TOKEN
              : Denial.INVALID_TOKEN,
          invalidToken(describe(e.reason())));
    }
    SourceIps sourceIps;
    try {
      sourceIps = fresh.sourceIp().map(SourceIps::parse).orElse(null);
    } catch (IllegalArgumentException e) {
      throw deny(Denial.INVALID_TOKEN, invalidToken("the token's sourceIp is malformed"));
    }
    requireNotRevoked(key, fresh);
    Cached entry = new Cached(fresh, currentEpoch, sourceIps);
    verified.put(key, entry);
    return entry;
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
    requireScope(principal, requiredScope);
    if (principal.role() == TokenRole.CUSTOMER && !principal.isCustomer(resourceCustomerId)) {
      throw noSuchResource(Denial.OTHER_CUSTOMER);
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
    authorize(principal, requiredScope, resourceCustomerId);
    if (!principal.resources().allowsAccount(accountId)) {
      throw noSuchResource(Denial.OUTSIDE_RESOURCES);
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
    authorize(principal, requiredScope, resourceCustomerId);
    if (!principal.resources().allowsCard(cardId, accountId)) {
      throw noSuchResource(Denial.OUTSIDE_RESOURCES);
    }
  }

  /** Another customer's resource, or one outside the token's resources: both look absent. */
  private ApiException noSuchResource(Denial denial) {
    return deny(denial, new ApiException(ApiError.of(ApiErrorCode.NOT_FOUND, "no such resource")));
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
    requireScope(principal, requiredScope);
    if (principal.role() == TokenRole.ORG) {
      return Optional.ofNullable(requestedCustomerId);
    }
    String own = principal.customerId().orElseThrow();
    if (requestedCustomerId != null && !requestedCustomerId.equals(own)) {
      throw deny(
          Denial.OTHER_CUSTOMER,
          new ApiException(
              ApiError.of(
                      ApiErrorCode.FORBIDDEN,
                      "a customer token lists only its own customer's resources")
                  .atParameter("filter[customerId]")));
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

  private void requireNotRevoked(String header, VerifiedToken verifiedToken) throws ApiException {
    boolean revoked;
    try {
      revoked =
          revocations.isRevoked(
              verifiedToken.tokenId(),
              verifiedToken.customerId().orElse(null),
              verifiedToken.issuedAt().toEpochMilli());
    } catch (RevocationStoreException e) {
      verified.invalidate(header);
      throw deny(
          Denial.STATE_UNAVAILABLE,
          new ApiException(
              ApiError.stateUnavailable("revocations cannot be checked now; try again later")));
    }
    if (revoked) {
      verified.invalidate(header);
      throw deny(Denial.REVOKED_TOKEN, invalidToken("the token has been revoked"));
    }
  }

  private void requireScope(VerifiedToken principal, Scope requiredScope) throws ApiException {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(requiredScope, "requiredScope");
    if (!principal.scopes().contains(requiredScope)) {
      boolean twoFactor =
          principal.role() == TokenRole.CUSTOMER && requiredScope.requiresTwoFactor();
      throw deny(
          Denial.MISSING_SCOPE,
          new ApiException(
              ApiError.of(
                      ApiErrorCode.FORBIDDEN,
                      "the token lacks scope "
                          + requiredScope.name()
                          + (twoFactor
                              ? "; a customer token holding it must be created after two-factor"
                                  + " verification"
                              : ""))
                  .withMeta(
                      Map.of("requiredScope", requiredScope.name(), "twoFactorRequired", twoFactor))
                  .withAuthenticate(
                      "Bearer error=\"insufficient_scope\", scope=\""
                          + requiredScope.name()
                          + "\"")));
    }
  }

  /**
   * The canonical form of any header RFC 6750 accepts: the scheme {@code Bearer} in any case, one
   * or more spaces, the token.
   */
  private String canonical(String header) throws ApiException {
    if (header == null || header.isEmpty()) {
      throw deny(Denial.MISSING_CREDENTIALS, unauthorized("the Authorization header is missing"));
    }
    int scheme = BEARER.length() - 1;
    if (header.length() <= scheme
        || !header.regionMatches(true, 0, BEARER, 0, scheme)
        || header.charAt(scheme) != ' ') {
      throw deny(
          Denial.MALFORMED_CREDENTIALS,
          unauthorized("the Authorization header must use the Bearer scheme"));
    }
    int start = scheme;
    while (start < header.length() && header.charAt(start) == ' ') {
      start++;
    }
    if (start == header.length()) {
      throw deny(
          Denial.MALFORMED_CREDENTIALS,
          invalidToken("the Authorization header has no token after Bearer"));
    }
    if (header.length() - start > MAX_HEADER_LENGTH - BEARER.length()
        || !isTokenSyntax(header, start)) {
      throw deny(Denial.MALFORMED_CREDENTIALS, invalidToken("the token is malformed"));
    }
    return start == BEARER.length() && header.startsWith(BEARER)
        ? header
        : BEARER + header.substring(start);
  }

  /** PASETO's characters: base64url and dots, from {@code start} to the end. */
  private static boolean isTokenSyntax(String header, int start) {
    for (int i = start; i < header.length(); i++) {
      char c = header.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String describe(TokenVerificationException.Reason reason) {
    return switch (reason) {
      case EXPIRED -> "the token has expired";
      case NOT_YET_VALID -> "the token is not valid yet";
      case UNSUPPORTED_VERSION -> "the token is not of a supported version";
      case UNKNOWN_KEY, BAD_SIGNATURE -> "the token's signature is not valid";
      case MALFORMED, INVALID_CLAIMS -> "the token is malformed";
    };
  }

  /** Tells the listener why, and hands the refusal back to be thrown. */
  private ApiException deny(Denial denial, ApiException refusal) {
    try {
      listener.denied(denial);
    } catch (RuntimeException e) {
      // A broken metrics binding must not change who is let in.
    }
    return refusal;
  }

  /** No credentials of ours: RFC 6750 says the challenge carries no error code then. */
  private static ApiException unauthorized(String detail) {
    return new ApiException(
        ApiError.of(ApiErrorCode.UNAUTHORIZED, detail).withAuthenticate("Bearer"));
  }

  /** A bearer token that is malformed, invalid, expired or revoked. */
  private static ApiException invalidToken(String detail) {
    return new ApiException(
        ApiError.of(ApiErrorCode.UNAUTHORIZED, detail)
            .withAuthenticate(
                "Bearer error=\"invalid_token\", error_description=\"" + quoted(detail) + "\""));
  }

  /** RFC 7230 quoted-string content: no quote or backslash, no control character. */
  private static String quoted(String text) {
    return text.replaceAll("[\"\\\\\\p{Cntrl}]", "'");
  }

  /**
   * Configures a {@link RequestAuthorizer}; the token verifier is required.
   *
   * <p>Not thread-safe; the authorizers it builds are.
   */
  public static final class Builder {
    private TokenVerifier verifier;
    private Clock clock;
    private long cacheSize = 100_000;
    private long maxRevocations = 1_000_000;
    private boolean maxRevocationsSet;
    private RevocationStore revocations;
    private AuthorizationListener listener = denial -> {};

    private Builder() {}

    /**
     * Sets the verifier of tokens not in the cache.
     *
     * @param verifier the token verifier
     * @return this builder
     * @throws NullPointerException if {@code verifier} is null
     */
    public Builder verifier(TokenVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * Names the clock cached tokens' expiry is checked against, which is the verifier's ({@link
     * TokenVerifier#clock()}) whether or not it is named here: naming another is refused by {@link
     * #build()}, so that the cache and the verifier never disagree on what has expired.
     *
     * @param clock the verifier's clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how many verified tokens are cached; 100,000 by default.
     *
     * @param size 1 to 10,000,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder cacheSize(long size) {
      if (size < 1 || size > 10_000_000) {
        throw new IllegalArgumentException("cacheSize must be 1 to 10000000");
      }
      this.cacheSize = size;
      return this;
    }

    /**
     * Sets who hears of every refusal and its reason (for metrics); nobody by default.
     *
     * @param listener the listener; quick and thread-safe
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(AuthorizationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets where revocations are kept; by default an in-process store private to this authorizer.
     * Authorizers on several instances (or rebuilt after a restart) share one store, such as {@code
     * custos-redis}'s, so that a revocation holds everywhere and outlives any one authorizer.
     *
     * @param store the revocation store
     * @return this builder
     * @throws NullPointerException if {@code store} is null
     */
    public Builder revocationStore(RevocationStore store) {
      this.revocations = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets how many revoked token ids and revoked customers the in-process store holds (each);
     * 1,000,000 by default. Past it new revocations are refused with {@link
     * RevocationStoreException}; none is forgotten before the tokens it reaches expire.
     *
     * @param max 1,000 to 100,000,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxRevocations(long max) {
      if (max < 1_000 || max > 100_000_000) {
        throw new IllegalArgumentException("maxRevocations must be 1000 to 100000000");
      }
      this.maxRevocations = max;
      this.maxRevocationsSet = true;
      return this;
    }

    /**
     * Builds the authorizer.
     *
     * @return a new authorizer
     * @throws IllegalStateException if no verifier was set, a clock other than the verifier's was,
     *     or both a revocation store and {@code maxRevocations} were (the bound is the in-process
     *     store's)
     */
    public RequestAuthorizer build() {
      if (verifier == null) {
        throw new IllegalStateException("a token verifier is required");
      }
      if (clock != null && !clock.equals(verifier.clock())) {
        throw new IllegalStateException(
            "the authorizer checks expiry on its verifier's clock; another clock would disagree"
                + " with it (leave clock(...) out)");
      }
      if (revocations != null && maxRevocationsSet) {
        throw new IllegalStateException(
            "maxRevocations bounds the in-process store only: a store given with"
                + " revocationStore(...) has bounds of its own");
      }
      return new RequestAuthorizer(this);
    }
  }
}
