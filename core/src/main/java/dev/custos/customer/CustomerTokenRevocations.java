package dev.custos.customer;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.authz.RevocationStoreException;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.scopes.Scope;
import dev.custos.scopes.TokenRole;
import dev.custos.token.TokenRequest;
import dev.custos.token.VerifiedToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revoking customer tokens as an org: one token by its id, or every token of a customer issued
 * before now. A Custos extension (Unit cannot revoke a customer token), over the authorizer's
 * revocations, which hold on every instance sharing the revocation store until the tokens expire.
 * Made by {@link CustomerTokenService#revocations()}. Thread-safe.
 */
public final class CustomerTokenRevocations {
  private static final Logger log = LoggerFactory.getLogger(CustomerTokenService.class);
  private static final Pattern TOKEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final RequestAuthorizer authorizer;
  private final CustomerDirectory directory;
  private final Scope tokenScope;
  private final Clock clock;

  CustomerTokenRevocations(
      RequestAuthorizer authorizer, CustomerDirectory directory, Scope tokenScope, Clock clock) {
    this.authorizer = authorizer;
    this.directory = directory;
    this.tokenScope = tokenScope;
    this.clock = clock;
  }

  /**
   * Revokes one customer token by its id (the {@code jti} that {@code GET /identity} shows):
   * refused from the next request on, cached or not, by every authorizer sharing the revocation
   * store, until it would have expired anyway. A Custos extension: Unit cannot revoke a customer
   * token. The id alone names the token; the path's customer is checked to exist.
   *
   * @param caller an org token with scope {@code customer-token-write}
   * @param customerId the customer, from the request path
   * @param tokenId the token's id: 1 to 64 of {@code [A-Za-z0-9_-]}
   * @throws ApiException 403 {@code forbidden} for a customer token (revocation is the org's) or a
   *     missing scope; 404 {@code customer_not_found}; 400 {@code invalid_value} at the {@code
   *     tokenId} parameter for an id of another form; 503 {@code state_unavailable} when the
   *     revocation store is down (nothing is revoked then)
   * @throws NullPointerException if an argument is null
   */
  public void revokeToken(VerifiedToken caller, String customerId, String tokenId)
      throws ApiException {
    authorizeRevocation(caller, customerId);
    if (!TOKEN_ID.matcher(Objects.requireNonNull(tokenId, "tokenId")).matches()) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.INVALID_VALUE, "tokenId must be 1 to 64 of [A-Za-z0-9_-]")
              .atParameter("tokenId"));
    }
    try {
      // Its expiry is not known here: the longest a customer token can still live.
      authorizer.revokeToken(tokenId, clock.instant().plus(TokenRequest.MAX_CUSTOMER_LIFETIME));
    } catch (RevocationStoreException e) {
      throw CustomerErrors.revocationUnavailable(e);
    }
    log.info("customer token revoked: customer={}, jti={}", customerId, tokenId);
  }

  /**
   * Revokes every token of a customer issued before now ("sign out everywhere"), on every
   * authorizer sharing the revocation store; tokens minted from now on are valid. A Custos
   * extension, as {@link #revokeToken}.
   *
   * @param caller an org token with scope {@code customer-token-write}
   * @param customerId the customer, from the request path
   * @return the instant: tokens issued before it are refused
   * @throws ApiException as {@link #revokeToken}, but for the token id
   * @throws NullPointerException if an argument is null
   */
  public Instant revokeTokens(VerifiedToken caller, String customerId) throws ApiException {
    authorizeRevocation(caller, customerId);
    Instant now = clock.instant();
    try {
      authorizer.revokeCustomerTokens(customerId, now);
    } catch (RevocationStoreException e) {
      throw CustomerErrors.revocationUnavailable(e);
    }
    log.info("customer tokens revoked: customer={}, issuedBefore={}", customerId, now);
    return now;
  }

  private void authorizeRevocation(VerifiedToken caller, String customerId) throws ApiException {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(customerId, "customerId");
    if (caller.role() != TokenRole.ORG) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.FORBIDDEN, "customer tokens are revoked with an org token"));
    }
    authorizer.authorizeScope(caller, tokenScope);
    // An inactive customer's tokens may be revoked too: the customer need only exist.
    if (directory.find(customerId).isEmpty()) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.CUSTOMER_NOT_FOUND, "no customer with this id"));
    }
  }

  @Override
  public String toString() {
    return "CustomerTokenRevocations";
  }
}
