package dev.custos.org;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.authz.RevocationStoreException;
import dev.custos.authz.SourceIps;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.scopes.InvalidScopeException;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.ScopeSet;
import dev.custos.scopes.TokenRole;
import dev.custos.token.MintedToken;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Org API tokens, as Unit's {@code /users/{userId}/api-tokens}: an admin creates, lists and revokes
 * their own. A token's value is returned once, at creation, and stored nowhere; its record (id,
 * description, scopes, dates, sourceIp, resources) lives in the {@link ApiTokenStore}. Revoking
 * deletes the record and revokes the token through the authorizer, at once on every instance that
 * shares its revocation store, cached tokens included.
 *
 * <p>Thread-safe.
 */
public final class OrgTokenService {
  /** The longest description. */
  public static final int MAX_DESCRIPTION_LENGTH = 255;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiTokenStore store;
  private final TokenMinter minter;
  private final RequestAuthorizer authorizer;
  private final ScopeCatalog catalog;
  private final Clock clock;

  private OrgTokenService(Builder b) {
    this.store = b.store;
    this.minter = b.minter;
    this.authorizer = b.authorizer;
    this.catalog = b.catalog;
    this.clock = b.minter.clock();
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
   * Creates an org API token.
   *
   * @param caller the authenticated user
   * @param userId the user the token is for, from the path
   * @param attributes description, scope, expiration, and optionally sourceIp and resources
   * @return the record and the token, shown this once
   * @throws ApiException 403 {@code forbidden} unless the caller is an admin acting for themselves;
   *     400 {@code invalid_value} at the attribute (a description blank or over 255 characters, a
   *     scope unknown or not allowed in org tokens, an expiration not in the future or beyond 366
   *     days, a sourceIp entry that is no address or block); 503 {@code state_unavailable} when the
   *     record cannot be stored (the token minted for it is revoked and never returned)
   * @throws NullPointerException if an argument is null
   */
  public CreatedApiToken create(OrgUser caller, String userId, ApiTokenAttributes attributes)
      throws ApiException {
    Objects.requireNonNull(attributes, "attributes");
    requireAdminSelf(caller, userId);
    String description = attributes.description();
    if (description.isBlank() || description.length() > MAX_DESCRIPTION_LENGTH) {
      throw invalid("description", "description must be 1 to 255 characters");
    }
    ScopeSet scopes;
    try {
      scopes = catalog.requireAllowed(TokenRole.ORG, catalog.parse(attributes.scope()));
    } catch (InvalidScopeException e) {
      throw invalid("scope", e.getMessage());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Duration lifetime =
        Duration.between(now, attributes.expiration()).truncatedTo(ChronoUnit.SECONDS);
    if (lifetime.compareTo(Duration.ofSeconds(1)) < 0
        || lifetime.compareTo(TokenRequest.MAX_ORG_LIFETIME) > 0) {
      throw invalid("expiration", "expiration must be in the future, within 366 days");
    }
    String id = newTokenId();
    TokenRequest request =
        TokenRequest.org(scopes)
            .expiresIn(lifetime)
            .withTokenId(id)
            .limitedTo(attributes.resources());
    Optional<String> sourceIp = attributes.sourceIp();
    if (sourceIp.isPresent()) {
      try {
        SourceIps.parse(sourceIp.get());
        request = request.fromSourceIp(sourceIp.get());
      } catch (IllegalArgumentException e) {
        throw invalid("sourceIp", e.getMessage());
      }
    }
    MintedToken minted = minter.mint(request);
    ApiToken record =
        new ApiToken(
            id,
            userId,
            description,
            scopes,
            now,
            attributes.expiration(),
            sourceIp.orElse(null),
            attributes.resources());
    try {
      store.put(record);
    } catch (ApiTokenStoreException e) {
      // Never hand out a token without its record: it could be neither listed nor revoked. Its
      // value leaves this method only in the return value, so even a failed revocation leaks none.
      try {
        authorizer.revokeToken(id, attributes.expiration());
      } catch (RevocationStoreException revocation) {
        throw revocationsUnavailable();
      }
      throw unavailable();
    }
    return new CreatedApiToken(record, minted.token());
  }

  /**
   * Lists a user's unexpired API tokens, without their values.
   *
   * @param caller the authenticated user
   * @param userId the user whose tokens to list, from the path
   * @return the records, oldest first
   * @throws ApiException 403 {@code forbidden} unless the caller is an admin acting for themselves
   * @throws NullPointerException if an argument is null
   */
  public List<ApiToken> list(OrgUser caller, String userId) throws ApiException {
    requireAdminSelf(caller, userId);
    try {
      return store.list(userId);
    } catch (ApiTokenStoreException e) {
      throw unavailable();
    }
  }

  /**
   * Revokes an API token: its record goes, and the token is refused from the next request on.
   *
   * @param caller the authenticated user
   * @param userId the token's user, from the path
   * @param tokenId the token's id, from the path
   * @throws ApiException 403 {@code forbidden} unless the caller is an admin acting for themselves;
   *     404 {@code not_found} for no such token of this user; 503 {@code state_unavailable} when
   *     the records or the revocations cannot be reached (a token not revoked stays listed)
   * @throws NullPointerException if an argument is null
   */
  public void revoke(OrgUser caller, String userId, String tokenId) throws ApiException {
    Objects.requireNonNull(tokenId, "tokenId");
    requireAdminSelf(caller, userId);
    Optional<ApiToken> found;
    try {
      found = store.find(userId, tokenId);
    } catch (ApiTokenStoreException e) {
      throw unavailable();
    }
    ApiToken record =
        found.orElseThrow(
            () -> new ApiException(ApiError.of(ApiErrorCode.NOT_FOUND, "no such API token")));
    // Revoked first: a failure leaves the record listed, never a live token without one.
    try {
      authorizer.revokeToken(record.id(), record.expiration());
    } catch (RevocationStoreException e) {
      throw revocationsUnavailable();
    }
    try {
      store.delete(userId, record.id());
    } catch (ApiTokenStoreException e) {
      throw unavailable(); // revoked already; the record goes when its token expires
    }
  }

  private static void requireAdminSelf(OrgUser caller, String userId) throws ApiException {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(userId, "userId");
    if (!caller.isAdmin()) {
      throw forbidden("API tokens are managed by admin users only");
    }
    if (!caller.id().equals(userId)) {
      throw forbidden("an admin manages their own API tokens only");
    }
  }

  /**
   * A numeric string as Unit's token ids are ({@code ^[1-9]\d*$}), of 127 random bits (the top bit
   * set, so every id has 39 digits): unguessable, never sequential.
   */
  static String newTokenId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    bytes[0] |= (byte) 0x80;
    return new BigInteger(1, bytes).toString();
  }

  private static ApiException unavailable() {
    return new ApiException(
        ApiError.stateUnavailable("API token records are unavailable; try again later"));
  }

  private static ApiException revocationsUnavailable() {
    return new ApiException(
        ApiError.stateUnavailable("revocations cannot be recorded now; try again later"));
  }

  private static ApiException forbidden(String detail) {
    return new ApiException(ApiError.of(ApiErrorCode.FORBIDDEN, detail));
  }

  private static ApiException invalid(String attribute, String detail) {
    return new ApiException(ApiError.of(ApiErrorCode.INVALID_VALUE, detail).atAttribute(attribute));
  }

  /** Configures an {@link OrgTokenService}; the minter and the authorizer are required. */
  public static final class Builder {
    private ApiTokenStore store;
    private TokenMinter minter;
    private RequestAuthorizer authorizer;
    private ScopeCatalog catalog = ScopeCatalog.unit();
    private Clock clock;

    private Builder() {}

    /**
     * Sets where records live; an in-process store by default.
     *
     * @param store the store
     * @return this builder
     * @throws NullPointerException if {@code store} is null
     */
    public Builder store(ApiTokenStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the minter of the org tokens (the key the authorizer's verifier trusts).
     *
     * @param minter the minter
     * @return this builder
     * @throws NullPointerException if {@code minter} is null
     */
    public Builder minter(TokenMinter minter) {
      this.minter = Objects.requireNonNull(minter, "minter");
      return this;
    }

    /**
     * Sets the authorizer whose revocations refuse a revoked token.
     *
     * @param authorizer the authorizer
     * @return this builder
     * @throws NullPointerException if {@code authorizer} is null
     */
    public Builder authorizer(RequestAuthorizer authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
      return this;
    }

    /**
     * Sets the scope catalog; {@link ScopeCatalog#unit()} by default.
     *
     * @param catalog the catalog
     * @return this builder
     * @throws NullPointerException if {@code catalog} is null
     */
    public Builder catalog(ScopeCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * Names the clock of creation times and expirations, which is the minter's ({@link
     * TokenMinter#clock()}) whether or not it is named here: naming another is refused by {@link
     * #build()}.
     *
     * @param clock the minter's clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the service.
     *
     * @return a new service
     * @throws IllegalStateException if the minter or the authorizer is missing, or a clock other
     *     than the minter's is named
     */
    public OrgTokenService build() {
      if (minter == null || authorizer == null) {
        throw new IllegalStateException("a minter and an authorizer are required");
      }
      if (clock != null && !clock.equals(minter.clock())) {
        throw new IllegalStateException(
            "API tokens are dated on their minter's clock; another clock would disagree with it"
                + " (leave clock(...) out)");
      }
      if (store == null) {
        store = ApiTokenStore.inMemory(minter.clock());
      }
      return new OrgTokenService(this);
    }
  }
}
