/**
 * The scope catalog of Custos: every scope a token may hold, which scopes require two-factor
 * authentication, and strict parsing of scope strings into immutable {@link
 * dev.custos.scopes.ScopeSet}s.
 *
 * <p>This module depends on nothing outside the JDK.
 */
module dev.custos.scopes {
  exports dev.custos.scopes;
}
