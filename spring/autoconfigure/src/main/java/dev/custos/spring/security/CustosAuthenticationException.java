package dev.custos.spring.security;

import dev.custos.error.ApiError;
import dev.custos.error.ApiException;
import org.springframework.security.core.AuthenticationException;

/**
 * The authorizer's refusal of a bearer token (401, 403 for an org token's source address, 503 when
 * revocations cannot be read), carried to {@link CustosAuthenticationEntryPoint} unchanged.
 */
public final class CustosAuthenticationException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  private final transient ApiError error;

  /**
   * Wraps a refusal.
   *
   * @param refusal the authorizer's refusal
   */
  public CustosAuthenticationException(ApiException refusal) {
    super(refusal.error().detail());
    this.error = refusal.error();
  }

  /**
   * Returns the error the client is answered with.
   *
   * @return the error
   */
  public ApiError error() {
    return error;
  }
}
