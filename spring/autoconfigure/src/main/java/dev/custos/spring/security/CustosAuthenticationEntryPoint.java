package dev.custos.spring.security;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiError;
import dev.custos.error.ApiException;
import dev.custos.spring.web.ServletExchange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers an unauthenticated request as the library does: the authorizer's own refusal when a
 * bearer token was refused, else the library's 401 for a request without one ({@code
 * WWW-Authenticate: Bearer}). Never a stack trace, never the token.
 */
public final class CustosAuthenticationEntryPoint implements AuthenticationEntryPoint {
  private final RequestAuthorizer authorizer;

  /**
   * Creates the entry point.
   *
   * @param authorizer the authorizer whose wording a missing token gets
   */
  public CustosAuthenticationEntryPoint(RequestAuthorizer authorizer) {
    this.authorizer = authorizer;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    ServletExchange.write(response, errorOf(exception));
  }

  private ApiError errorOf(AuthenticationException exception) {
    if (exception instanceof CustosAuthenticationException refused) {
      return refused.error();
    }
    try {
      // No Custos token reached the authorizer (none was sent): its answer to "no header".
      authorizer.authenticate(null);
      throw new IllegalStateException("the authorizer accepted a request without credentials");
    } catch (ApiException e) {
      return e.error();
    }
  }
}
