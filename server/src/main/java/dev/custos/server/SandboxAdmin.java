package dev.custos.server;

import dev.custos.org.OrgUser;
import dev.custos.org.OrgUserAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The sandbox's stand-in for the platform's own user login: one admin credential of user {@code 1},
 * who manages org API tokens. Thread-safe.
 */
final class SandboxAdmin implements OrgUserAuthenticator {
  private final String credential;

  SandboxAdmin() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.credential = "admin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** The admin credential, printed at start in sandbox mode. */
  String credential() {
    return credential;
  }

  /**
   * The admin, for a bearer of the admin credential (compared in constant time); any other bearer,
   * an org API token included, is no user.
   */
  @Override
  public Optional<OrgUser> authenticate(String authorizationHeader) {
    String given =
        authorizationHeader.startsWith("Bearer ") ? authorizationHeader.substring(7) : "";
    boolean admin =
        MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), credential.getBytes(StandardCharsets.UTF_8));
    return admin ? Optional.of(OrgUser.admin("1")) : Optional.empty();
  }
}
