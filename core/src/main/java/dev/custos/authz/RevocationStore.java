package dev.custos.authz;

/**
 * Where a {@link RequestAuthorizer} keeps revocations: single tokens revoked until their own
 * expiry, and customers whose tokens issued before an instant are revoked. The in-process store is
 * the default; a shared store (such as {@code custos-redis}'s) makes a revocation on one instance
 * hold on every instance, and survive restarts and new authorizers.
 *
 * <p>Each operation is atomic on its own and touches one token's or one customer's state. Times are
 * epoch milliseconds. A store keeps every revocation until its deadline and never drops one early
 * because it is full: it refuses the new revocation instead ({@link
 * RevocationStoreException.Reason#FULL}). When it cannot be reached it throws {@link
 * RevocationStoreException} ({@link RevocationStoreException.Reason#UNAVAILABLE}), and the
 * authorizer accepts no token it could not check.
 *
 * <p>Implementations must be thread-safe.
 *
 * <p>Compatibility: a service provider interface, implemented by hosts. A minor release adds a
 * method to it only with a default that keeps existing implementations working; a new abstract
 * method is a major release.
 */
public interface RevocationStore {
  /**
   * Revokes one token until it expires.
   *
   * @param tokenId the token's {@code jti}
   * @param keepUntilMillis when the revocation may be forgotten: the token's {@code exp} plus the
   *     longest clock skew a verifier tolerates, past which the token is refused anyway
   * @throws RevocationStoreException if the store is unreachable or full
   */
  void revokeToken(String tokenId, long keepUntilMillis);

  /**
   * Revokes one token unless it is revoked already, as one atomic step: of calls racing for one
   * token, on any instance sharing the store, exactly one gets {@code true}. This is how a
   * single-use token (a payment's, PSD2) is used up.
   *
   * <p>The default refuses: a store that cannot make this atomic must not pretend to, so a
   * single-use token fails closed on it (503). Custos's stores implement it.
   *
   * @param tokenId the token's {@code jti}
   * @param keepUntilMillis as for {@link #revokeToken}
   * @return whether this call revoked it ({@code false}: it was revoked, or used, before)
   * @throws RevocationStoreException if the store is unreachable or full, or cannot do this
   */
  default boolean revokeTokenOnce(String tokenId, long keepUntilMillis) {
    throw new RevocationStoreException(
        RevocationStoreException.Reason.UNAVAILABLE,
        "this revocation store cannot use a token once atomically",
        null);
  }

  /**
   * Revokes every token of a customer issued before an instant. A later cutoff replaces an earlier
   * one; an earlier one never replaces a later one.
   *
   * @param customerId the customer
   * @param issuedBeforeMillis tokens with an earlier {@code iat} are revoked
   * @param keepUntilMillis when the cutoff may be forgotten: the latest {@code exp} a token issued
   *     before it can have, plus the longest clock skew a verifier tolerates
   * @throws RevocationStoreException if the store is unreachable or full
   */
  void revokeCustomerTokens(String customerId, long issuedBeforeMillis, long keepUntilMillis);

  /**
   * Returns whether a token is revoked, by its id or by its customer's cutoff.
   *
   * @param tokenId the token's {@code jti}
   * @param customerId the customer of a customer token, or null for an org token
   * @param issuedAtMillis the token's {@code iat}
   * @return {@code true} if the token is revoked
   * @throws RevocationStoreException if the store is unreachable
   */
  boolean isRevoked(String tokenId, String customerId, long issuedAtMillis);

  /**
   * Registers a listener run after any revocation, by this instance or (for a shared store) any
   * other, so that authorizers re-check the tokens they cached. A shared store documents how late a
   * listener may run.
   *
   * @param listener what to run; must be fast and must not throw
   */
  void onRevocation(Runnable listener);
}
