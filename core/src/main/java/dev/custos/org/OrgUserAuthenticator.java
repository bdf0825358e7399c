package dev.custos.org;

import java.util.Optional;

/**
 * Who the platform's own user behind a request is: the host's login (a session, an admin console's
 * credential), which Custos does not own. API tokens are managed by users, never by API tokens, so
 * an org API token is no user here.
 *
 * <pre>{@code
 * OrgUserAuthenticator users = header -> yourLogin.userOf(header).map(u -> OrgUser.admin(u.id()));
 * }</pre>
 *
 * <p>Implementations must be thread-safe and quick, and must not throw for any header.
 *
 * <p>Compatibility: a service provider interface, implemented by hosts. A minor release adds a
 * method to it only with a default that keeps existing implementations working; a new abstract
 * method is a major release.
 */
@FunctionalInterface
public interface OrgUserAuthenticator {
  /**
   * Returns the user a request's {@code Authorization} header belongs to.
   *
   * @param authorizationHeader the header's value, never null (a request without one is refused
   *     before this is asked)
   * @return the user, or empty if the header is no user's credential (403)
   */
  Optional<OrgUser> authenticate(String authorizationHeader);
}
