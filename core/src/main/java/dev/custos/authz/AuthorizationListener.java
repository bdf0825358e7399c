package dev.custos.authz;

/**
 * Hears every request a {@link RequestAuthorizer} refuses, with why: for a host's metrics. It is
 * told the reason only, never the token, the customer or the resource.
 *
 * <p>Called on the refusing thread before the refusal is thrown, so implementations must be quick
 * and thread-safe (a counter increment). A listener that throws does not change the refusal: the
 * authorizer ignores its failure.
 *
 * <p>Compatibility: a service provider interface, implemented by hosts. New events arrive in minor
 * releases as methods that by default do nothing; a new abstract method is a major release.
 */
@FunctionalInterface
public interface AuthorizationListener {
  /** Why a request was refused. */
  enum Denial {
    /** No Authorization header (401). */
    MISSING_CREDENTIALS,
    /** A header that is not {@code Bearer <token>}, or a token of impossible characters (401). */
    MALFORMED_CREDENTIALS,
    /** A token that does not verify: malformed, unknown key, bad signature, not yet valid (401). */
    INVALID_TOKEN,
    /** A token past its expiry (401). */
    EXPIRED_TOKEN,
    /** A revoked token (401). */
    REVOKED_TOKEN,
    /** The revocation store could not be asked (503): refused rather than let through. */
    STATE_UNAVAILABLE,
    /** The token lacks the scope the operation needs (403). */
    MISSING_SCOPE,
    /** A customer token reaching for another customer's resources (404 or 403). */
    OTHER_CUSTOMER,
    /**
     * A token reaching for an account or card outside its {@code resources} (404), or creating a
     * token with wider ones (403).
     */
    OUTSIDE_RESOURCES,
    /** A token creating a token with a scope beyond its own scope and upgradable scope (403). */
    BEYOND_CALLER,
    /** An org token used from an address outside its {@code sourceIp} (403). */
    SOURCE_IP,
    /**
     * A route that needs a recent two-factor verification, reached with a token minted without one
     * or too long ago (401 {@code insufficient_user_authentication}).
     */
    STALE_TWO_FACTOR
  }

  /**
   * Hears one refusal.
   *
   * @param denial why the request was refused
   */
  void denied(Denial denial);
}
