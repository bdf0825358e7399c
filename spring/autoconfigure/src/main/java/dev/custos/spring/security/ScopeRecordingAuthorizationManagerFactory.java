package dev.custos.spring.security;

import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Spring Security's own authorization managers, which also note a {@code SCOPE_x} authority found
 * missing, so that a method refused by {@code @PreAuthorize("hasAuthority('SCOPE_x')")} (a SpEL
 * boolean) is answered with the library's refusal naming {@code x}. Decisions are the delegate's,
 * unchanged.
 *
 * @param <T> what is authorized (a method invocation)
 */
public final class ScopeRecordingAuthorizationManagerFactory<T>
    implements AuthorizationManagerFactory<T> {
  private final AuthorizationManagerFactory<T> delegate;
  private final ScopeCatalog catalog;

  /**
   * Wraps Spring Security's default factory.
   *
   * @param catalog the scopes {@code SCOPE_} authorities name
   */
  public ScopeRecordingAuthorizationManagerFactory(ScopeCatalog catalog) {
    this(new DefaultAuthorizationManagerFactory<>(), catalog);
  }

  /**
   * Wraps a factory.
   *
   * @param delegate the factory that decides
   * @param catalog the scopes {@code SCOPE_} authorities name
   */
  public ScopeRecordingAuthorizationManagerFactory(
      AuthorizationManagerFactory<T> delegate, ScopeCatalog catalog) {
    this.delegate = delegate;
    this.catalog = catalog;
  }

  @Override
  public AuthorizationManager<T> hasAuthority(String authority) {
    return recording(delegate.hasAuthority(authority), authority);
  }

  @Override
  public AuthorizationManager<T> hasAnyAuthority(String... authorities) {
    return recording(delegate.hasAnyAuthority(authorities), authorities);
  }

  @Override
  public AuthorizationManager<T> hasAllAuthorities(String... authorities) {
    return recording(delegate.hasAllAuthorities(authorities), authorities);
  }

  @Override
  public AuthorizationManager<T> permitAll() {
    return delegate.permitAll();
  }

  @Override
  public AuthorizationManager<T> denyAll() {
    return delegate.denyAll();
  }

  @Override
  public AuthorizationManager<T> hasRole(String role) {
    return delegate.hasRole(role);
  }

  @Override
  public AuthorizationManager<T> hasAnyRole(String... roles) {
    return delegate.hasAnyRole(roles);
  }

  @Override
  public AuthorizationManager<T> hasAllRoles(String... roles) {
    return delegate.hasAllRoles(roles);
  }

  @Override
  public AuthorizationManager<T> authenticated() {
    return delegate.authenticated();
  }

  @Override
  public AuthorizationManager<T> fullyAuthenticated() {
    return delegate.fullyAuthenticated();
  }

  @Override
  public AuthorizationManager<T> rememberMe() {
    return delegate.rememberMe();
  }

  @Override
  public AuthorizationManager<T> anonymous() {
    return delegate.anonymous();
  }

  private AuthorizationManager<T> recording(
      AuthorizationManager<T> decider, String... authorities) {
    return (Supplier<? extends Authentication> authentication, T object) -> {
      AuthorizationResult result = decider.authorize(authentication, object);
      if (result != null && !result.isGranted()) {
        noteMissing(authentication.get(), authorities);
      }
      return result;
    };
  }

  private void noteMissing(Authentication caller, String... authorities) {
    if (!(caller instanceof CustosAuthentication)) {
      return;
    }
    for (String authority : authorities) {
      boolean held =
          caller.getAuthorities().stream()
              .map(GrantedAuthority::getAuthority)
              .anyMatch(authority::equals);
      Optional<Scope> scope = CustosAuthorities.scopeOf(authority, catalog);
      if (!held && scope.isPresent()) {
        Refusals.recordMissing(scope.get());
        return;
      }
    }
  }
}
