/**
 * Scopes: what a token may do.
 *
 * <p>{@link dev.custos.scopes.ScopeCatalog#unit()} is the built-in catalog of the platform's 48
 * scopes; {@link dev.custos.scopes.ScopeCatalog#builder()} builds one for a platform with its own.
 * A catalog turns the space-separated scope string of a token request into a {@link
 * dev.custos.scopes.ScopeSet} with {@link dev.custos.scopes.ScopeCatalog#parse(String)}, rejecting
 * anything malformed or unknown with an {@link dev.custos.scopes.InvalidScopeException} that says
 * what was wrong.
 *
 * <p>Every type here is immutable and safe to share between threads, except {@link
 * dev.custos.scopes.ScopeCatalog.Builder}.
 */
package dev.custos.scopes;
