package dev.custos.spring.security;

import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.TwoFactorMethod;
import dev.custos.token.VerifiedToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities of a Custos token: {@code SCOPE_<scope>} per scope (as Spring's resource server
 * names OAuth scopes), {@code FACTOR_BEARER}, {@link #TWO_FACTOR} when the token was minted after
 * two-factor verification (a one-time code, the identity provider's JWT or a passkey), and {@link
 * #WEBAUTHN} besides when that verification was a passkey. Both are issued at the moment the
 * verification passed (the token's {@code twoFactorAt}; its issue time for a token that does not
 * record it), so that {@code RequiredFactor.withAuthority(...).validDuration(...)} bounds its age
 * and an upgraded token does not look more recently verified than its caller was.
 */
public final class CustosAuthorities {
  /** The prefix of a scope's authority. */
  public static final String SCOPE_PREFIX = "SCOPE_";

  /** The factor of a token minted after a one-time code (SMS or voice). */
  public static final String TWO_FACTOR = "FACTOR_OTP";

  /**
   * The factor of a token minted on a passkey (a WebAuthn assertion with user verification): Spring
   * Security's own {@code FACTOR_WEBAUTHN}, for rules that ask for a phishing-resistant factor.
   */
  public static final String WEBAUTHN = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

  private CustosAuthorities() {}

  /**
   * Returns the scope an authority names.
   *
   * @param authority an authority, such as {@code SCOPE_payments-write}
   * @param catalog the scopes
   * @return the scope; empty for an authority of another kind or a name the catalog lacks
   */
  public static Optional<Scope> scopeOf(String authority, ScopeCatalog catalog) {
    if (authority == null || !authority.startsWith(SCOPE_PREFIX)) {
      return Optional.empty();
    }
    return catalog.find(authority.substring(SCOPE_PREFIX.length()));
  }

  /**
   * Returns a token's authorities.
   *
   * @param token the verified token
   * @return its scope authorities, then its factors
   */
  public static List<GrantedAuthority> of(VerifiedToken token) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Scope scope : token.scopes()) {
      authorities.add(new SimpleGrantedAuthority(SCOPE_PREFIX + scope.name()));
    }
    authorities.add(
        FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.BEARER_AUTHORITY)
            .issuedAt(token.issuedAt())
            .build());
    if (token.twoFactorVerified()) {
      Instant verifiedAt = token.twoFactorVerifiedAt().orElse(token.issuedAt());
      authorities.add(
          FactorGrantedAuthority.withAuthority(TWO_FACTOR).issuedAt(verifiedAt).build());
      if (token.twoFactorMethod().orElse(null) == TwoFactorMethod.PASSKEY) {
        authorities.add(
            FactorGrantedAuthority.withAuthority(WEBAUTHN).issuedAt(verifiedAt).build());
      }
    }
    return List.copyOf(authorities);
  }
}
