package dev.custos.authz;

import dev.custos.authz.AuthorizationListener.Denial;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeSet;
import dev.custos.scopes.TokenRole;
import dev.custos.token.Resources;
import dev.custos.token.VerifiedToken;
import java.util.Objects;

/**
 * The rules of the token operations, decided for the {@link RequestAuthorizer} that made them
 * ({@link RequestAuthorizer#delegation()}): who may act for a customer on Create Customer Token and
 * its verification, and what a caller may hand on to a token it creates (scopes, upgradable scopes,
 * resources, an authorized user). A token never reaches beyond its caller. Each refusal has the
 * authorizer's one shape and is told to its listener.
 *
 * <p>Thread-safe.
 */
public final class TokenDelegation {
  private final RequestAuthorizer authorizer;
  private final Refusals refusals;

  TokenDelegation(RequestAuthorizer authorizer, Refusals refusals) {
    this.authorizer = authorizer;
    this.refusals = refusals;
  }

  /**
   * Authorizes a caller of the spec's token operations on a customer ({@code POST
   * /customers/{id}/token} and its verification): an org token holding {@code orgScope}, or a
   * customer token of this very customer holding {@code customerScope} (a front end upgrading its
   * token with the token itself).
   *
   * @param caller the authenticated caller
   * @param customerId the customer, from the request path
   * @param orgScope the scope an org token needs ({@code customers} or {@code
   *     customer-token-write})
   * @param customerScope the scope a customer token needs ({@code customer-token-write})
   * @throws ApiException 403 {@code forbidden}: a customer token of another customer ("a customer
   *     token acts for its own customer only"), or a missing scope as {@link
   *     RequestAuthorizer#authorizeScope}
   * @throws NullPointerException if an argument is null
   */
  public void authorizeCustomerCaller(
      VerifiedToken caller, String customerId, Scope orgScope, Scope customerScope)
      throws ApiException {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(customerId, "customerId");
    if (caller.role() == TokenRole.CUSTOMER && !caller.isCustomer(customerId)) {
      throw refusals.forbidden(
          Denial.OTHER_CUSTOMER,
          ApiError.of(ApiErrorCode.FORBIDDEN, "a customer token acts for its own customer only"));
    }
    authorizer.authorizeScope(caller, caller.role() == TokenRole.ORG ? orgScope : customerScope);
  }

  /**
   * Authorizes what a caller hands on to a token it creates: a token never reaches beyond its
   * caller. Every caller's {@code resources} must cover the new token's; a customer token upgrading
   * itself may ask for no scope, and no upgradable scope, beyond its own scope and upgradable
   * scope. (An org token's scopes are not its customers' to limit.)
   *
   * @param caller the authenticated caller
   * @param scopes the new token's scopes
   * @param upgradable the new token's upgradable scopes
   * @param resources the new token's resources
   * @throws ApiException 403 {@code forbidden} pointing at {@code /data/attributes/scope}, {@code
   *     upgradableScope} or {@code resources}, naming what is beyond the caller
   * @throws NullPointerException if an argument is null
   */
  public void authorizeDelegation(
      VerifiedToken caller, ScopeSet scopes, ScopeSet upgradable, Resources resources)
      throws ApiException {
    Objects.requireNonNull(caller, "caller");
    if (caller.role() == TokenRole.CUSTOMER) {
      ScopeSet reachable = caller.scopes().union(caller.upgradableScopes());
      requireWithin("scope", Objects.requireNonNull(scopes, "scopes"), reachable);
      requireWithin("upgradableScope", Objects.requireNonNull(upgradable, "upgradable"), reachable);
    }
    if (!caller.resources().covers(Objects.requireNonNull(resources, "resources"))) {
      throw refusals.forbidden(
          Denial.OUTSIDE_RESOURCES,
          ApiError.of(
                  ApiErrorCode.FORBIDDEN,
                  "resources must stay within the calling token's " + caller.resources())
              .atAttribute("resources"));
    }
  }

  /**
   * Authorizes the authorized user of a business a caller hands a new token on to: a token bound to
   * an authorized user makes tokens of that user only, and its new token stays that user's when the
   * request names none.
   *
   * @param caller the authenticated caller
   * @param authorizedUser the user the request names, or null for none
   * @return the user the new token is for, or null for a token of the whole customer
   * @throws ApiException 403 {@code forbidden} at {@code
   *     /data/relationships/authorizedUserResource} for a caller bound to another user
   * @throws NullPointerException if {@code caller} is null
   */
  public String authorizeAuthorizedUser(VerifiedToken caller, String authorizedUser)
      throws ApiException {
    String callers = Objects.requireNonNull(caller, "caller").authorizedUser().orElse(null);
    if (callers != null && authorizedUser != null && !authorizedUser.equals(callers)) {
      throw refusals.forbidden(
          Denial.BEYOND_CALLER,
          ApiError.of(
                  ApiErrorCode.FORBIDDEN,
                  "a token of an authorized user makes tokens of that user only")
              .atMember("data", "relationships", "authorizedUserResource"));
    }
    return authorizedUser != null ? authorizedUser : callers;
  }

  private void requireWithin(String attribute, ScopeSet asked, ScopeSet reachable)
      throws ApiException {
    ScopeSet beyond = asked.minus(reachable);
    if (!beyond.isEmpty()) {
      throw refusals.forbidden(
          Denial.BEYOND_CALLER,
          ApiError.of(
                  ApiErrorCode.FORBIDDEN,
                  "scope "
                      + beyond
                      + " is neither in the calling token's scope nor in its upgradableScope")
              .atAttribute(attribute));
    }
  }
}
