package dev.custos.customer;

/**
 * Where the ids ({@code jti}) of the identity provider's JWTs that have been used are kept, so that
 * a JWT stands in for a second factor once: a second factor is a fresh event, not a credential to
 * present again. The in-process store is the default; a shared store (such as {@code
 * custos-redis}'s) makes the rule hold across instances.
 *
 * <p>Implementations must be thread-safe, and {@link #firstUse} atomic: of concurrent uses of one
 * JWT, on one instance or several, exactly one is the first. A store never forgets an id before
 * {@code keepUntilMillis}; full, it refuses new ids with {@link JwtReplayStoreException}.
 *
 * <p>Compatibility: a service provider interface, implemented by hosts. A minor release adds a
 * method to it only with a default that keeps existing implementations working; a new abstract
 * method is a major release.
 */
public interface JwtReplayStore {
  /**
   * Records a JWT's id as used, unless it already is.
   *
   * @param issuer the JWT's {@code iss}
   * @param jwtId the JWT's {@code jti}
   * @param keepUntilMillis when it may be forgotten (epoch milliseconds): past it the JWT is
   *     refused for its age or expiry anyway
   * @return {@code true} if this is the JWT's first use, {@code false} if it was used before
   * @throws JwtReplayStoreException if the store is unreachable or full; the JWT is then refused
   */
  boolean firstUse(String issuer, String jwtId, long keepUntilMillis);
}
