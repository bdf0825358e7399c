package dev.custos.spring.security;

import dev.custos.token.VerifiedToken;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by a Custos token: the principal is the {@link VerifiedToken} (customer
 * id, scopes, upgradable scopes, resources), the authorities are {@link CustosAuthorities#of}. Only
 * a token the verifier accepted makes one; the token's text is not kept (no credentials).
 *
 * <p>Immutable and thread-safe. Not meant for a session: the token is verified on every request.
 */
public final class CustosAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;

  // A verified token is never serialized into a session: the bearer token is sent every time.
  private final transient VerifiedToken token;

  private CustosAuthentication(VerifiedToken token) {
    super(CustosAuthorities.of(token));
    this.token = token;
    setAuthenticated(true);
  }

  /**
   * Returns the authentication of a verified token.
   *
   * @param token the token, from {@code RequestAuthorizer.authenticate}
   * @return the authentication
   * @throws NullPointerException if {@code token} is null
   */
  public static CustosAuthentication of(VerifiedToken token) {
    return new CustosAuthentication(Objects.requireNonNull(token, "token"));
  }

  /**
   * Returns the verified token.
   *
   * @return the token
   */
  public VerifiedToken token() {
    return token;
  }

  /** Returns the verified token. */
  @Override
  public VerifiedToken getPrincipal() {
    return token;
  }

  /** Returns null: the token's text is not kept. */
  @Override
  public Object getCredentials() {
    return null;
  }

  /** Returns the customer's id for a customer token, {@code org} for an org token. */
  @Override
  public String getName() {
    return token.customerId().orElse("org");
  }
}
