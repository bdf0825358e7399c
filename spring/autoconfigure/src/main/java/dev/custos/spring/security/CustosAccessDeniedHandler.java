package dev.custos.spring.security;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.spring.web.ServletExchange;
import dev.custos.token.VerifiedToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request Spring Security refused with the library's refusal, so that every denial has
 * one shape and reaches the authorizer's listener once, wherever it was decided:
 *
 * <ul>
 *   <li>a scope the token lacks ({@code hasAuthority('SCOPE_x')} in a URL rule or method
 *       annotation, {@code custos.scope(...)}): 403 naming the scope, whether it needs two-factor
 *       verification and whether the token may be upgraded, with {@code WWW-Authenticate: Bearer
 *       error="insufficient_scope", scope="x"};
 *   <li>a two-factor verification missing or older than a {@code RequiredFactor}'s valid duration:
 *       401 {@code insufficient_user_authentication} with {@code max_age} (RFC 9470);
 *   <li>another customer's resource ({@code @custos.owns(...)}): 404, as if absent;
 *   <li>anything else Spring refused: 403 {@code forbidden}.
 * </ul>
 */
public final class CustosAccessDeniedHandler implements AccessDeniedHandler {
  private final RequestAuthorizer authorizer;
  private final ScopeCatalog catalog;

  /**
   * Creates the handler.
   *
   * @param authorizer the authorizer whose refusals are answered
   * @param catalog the scopes authorities name
   */
  public CustosAccessDeniedHandler(RequestAuthorizer authorizer, ScopeCatalog catalog) {
    this.authorizer = authorizer;
    this.catalog = catalog;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    ServletExchange.write(response, refusal(request, denied));
  }

  private ApiError refusal(HttpServletRequest request, AccessDeniedException denied) {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (!(caller instanceof CustosAuthentication custos)) {
      return forbidden();
    }
    VerifiedToken token = custos.token();
    AuthorizationResult result =
        denied instanceof AuthorizationDeniedException d ? d.getAuthorizationResult() : null;
    if (result instanceof FactorAuthorizationDecision factors) {
      Optional<ApiError> stale = twoFactor(token, factors);
      if (stale.isPresent()) {
        return stale.get();
      }
    }
    if (result instanceof AuthorityAuthorizationDecision authorities) {
      for (GrantedAuthority required : authorities.getAuthorities()) {
        Optional<Scope> scope = CustosAuthorities.scopeOf(required.getAuthority(), catalog);
        if (scope.isPresent() && !token.scopes().contains(scope.get())) {
          return authorizer.scopeRefusal(token, scope.get()).error();
        }
      }
    }
    Object recorded = request.getAttribute(Refusals.ATTRIBUTE);
    if (recorded instanceof ApiException decided) {
      return decided.error();
    }
    if (recorded instanceof Scope missing) {
      return authorizer.scopeRefusal(token, missing).error();
    }
    return forbidden();
  }

  private Optional<ApiError> twoFactor(VerifiedToken token, FactorAuthorizationDecision decision) {
    for (RequiredFactorError error : decision.getFactorErrors()) {
      if (CustosAuthorities.TWO_FACTOR.equals(error.getRequiredFactor().getAuthority())) {
        Duration maxAge = error.getRequiredFactor().getValidDuration();
        return Optional.of(
            authorizer.twoFactorRefusal(token, maxAge == null ? Duration.ZERO : maxAge).error());
      }
    }
    return Optional.empty();
  }

  private static ApiError forbidden() {
    return ApiError.of(ApiErrorCode.FORBIDDEN, "access denied");
  }
}
