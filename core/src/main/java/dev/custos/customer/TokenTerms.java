package dev.custos.customer;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.scopes.InvalidScopeException;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.ScopeSet;
import dev.custos.scopes.TokenRole;
import dev.custos.token.MintedToken;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The rules customer and cardholder tokens share: how their scope strings are read, how long they
 * live, which customers may have one. Stateless.
 */
final class TokenTerms {
  private TokenTerms() {}

  /**
   * The request marked two-factor verified as its caller was (an upgrade for the same person): the
   * caller's method and time, so a chain of upgrades never makes a verification look recent.
   */
  static TokenRequest keepVerification(TokenRequest request, VerifiedToken caller) {
    if (caller.twoFactorMethod().isPresent() && caller.twoFactorVerifiedAt().isPresent()) {
      return request.twoFactorVerified(
          caller.twoFactorMethod().get(), caller.twoFactorVerifiedAt().get());
    }
    return request.twoFactorVerified();
  }

  /** Scopes a customer token may hold, or 400 at the attribute. */
  static ScopeSet scopes(ScopeCatalog catalog, String attribute, String scopeString)
      throws ApiException {
    try {
      return catalog.requireAllowed(TokenRole.CUSTOMER, catalog.parse(scopeString));
    } catch (InvalidScopeException e) {
      throw CustomerErrors.invalid(attribute, e.getMessage());
    }
  }

  /**
   * The new token's lifetime: expiresIn, 86400 by default; an upgrade never outlives its caller
   * (our rule: Unit documents none), so its default is the caller's remaining life.
   */
  static Duration lifetime(
      Clock clock, VerifiedToken caller, OptionalLong expiresIn, boolean upgrade)
      throws ApiException {
    // The bound is the token module's, written there once.
    long max = TokenRequest.MAX_CUSTOMER_LIFETIME.toSeconds();
    long seconds = expiresIn.orElse(max);
    if (seconds < 1 || seconds > max) {
      throw CustomerErrors.invalid("expiresIn", "expiresIn must be an integer from 1 to " + max);
    }
    if (upgrade) {
      long left = Duration.between(clock.instant(), caller.expiresAt()).toSeconds();
      if (left < 1) {
        throw CustomerErrors.invalid("expiresIn", "the calling token expires within a second");
      }
      if (expiresIn.isPresent() && seconds > left) {
        throw CustomerErrors.invalid(
            "expiresIn",
            "expiresIn must not outlive the calling token: at most " + left + " seconds");
      }
      seconds = Math.min(seconds, left);
    }
    return Duration.ofSeconds(seconds);
  }

  /** The customer, or 404 {@code customer_not_found} / 403 {@code customer_not_active}. */
  static Customer activeCustomer(CustomerDirectory directory, String customerId)
      throws ApiException {
    Customer customer = directory.find(customerId).orElse(null);
    if (customer == null) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.CUSTOMER_NOT_FOUND, "no customer with this id"));
    }
    if (!customer.active()) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.CUSTOMER_NOT_ACTIVE, "the customer is not active"));
    }
    return customer;
  }

  /** Mints the token and tells the listener; a broken listener does not fail a minted token. */
  static MintedToken mint(
      TokenMinter minter, TokenRequest request, CustomerTokenListener listener) {
    MintedToken minted = minter.mint(request);
    try {
      listener.minted(request.isTwoFactorVerified(), request.authorizedUser());
    } catch (RuntimeException e) {
      // A broken metrics binding must not fail a token already minted.
    }
    return minted;
  }

  /** A scope the services cannot work without, or a configuration error at build time. */
  static Scope requiredScope(ScopeCatalog catalog, String name) {
    return catalog
        .find(name)
        .orElseThrow(() -> new IllegalStateException("the scope catalog has no scope " + name));
  }
}
