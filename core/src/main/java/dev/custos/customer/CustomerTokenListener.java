package dev.custos.customer;

import java.util.Optional;

/**
 * Hears every customer token a {@link CustomerTokenService} mints: for a host's metrics. It is told
 * whether two-factor verification backed the token and which authorized user it is bound to, if
 * any; never the token, the customer or its scopes.
 *
 * <p>Called on the minting thread after the token is minted, so implementations must be quick and
 * thread-safe. A listener that throws does not undo or fail the minting: the service ignores its
 * failure.
 *
 * <p>Compatibility: a service provider interface, implemented by hosts. New events arrive in minor
 * releases as methods that by default do nothing; a new abstract method is a major release.
 */
@FunctionalInterface
public interface CustomerTokenListener {
  /**
   * Hears one minted token.
   *
   * @param twoFactor whether the token was minted after a verified one-time code
   */
  void minted(boolean twoFactor);

  /**
   * Hears one minted token, naming the authorized user of a business it is bound to (Unit's {@code
   * relationships.authorizedUserResource}); by default as {@link #minted(boolean)}.
   *
   * @param twoFactor whether the token was minted after a verified one-time code or JWT
   * @param authorizedUser the authorized user's id, or empty for a token of the whole customer
   */
  default void minted(boolean twoFactor, Optional<String> authorizedUser) {
    minted(twoFactor);
  }
}
