package dev.custos.server;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.org.OrgUser;
import dev.custos.org.OrgUserAuthenticator;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.TokenRole;
import dev.custos.token.VerifiedToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What only the sandbox has: the stand-in for the platform's own user login (one admin credential
 * of user {@code 1}, who manages org API tokens) and {@code GET /sandbox/messages}, the one-time
 * codes "delivered" by the sandbox sender. Thread-safe.
 */
final class SandboxAdmin implements OrgUserAuthenticator {
  private final String credential;
  private final SandboxSender sender;
  private final RequestAuthorizer authorizer;
  private final Scope customers = ScopeCatalog.unit().find("customers").orElseThrow();

  SandboxAdmin(SandboxSender sender, RequestAuthorizer authorizer) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.credential = "admin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    this.sender = sender;
    this.authorizer = authorizer;
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

  /** {@code GET /sandbox/messages}, for an authenticated caller: org tokens only. */
  Reply messages(VerifiedToken caller, Call call) throws ApiException {
    if (caller.role() != TokenRole.ORG) {
      // A code read back with the token it would upgrade is no second factor at all.
      throw new ApiException(
          ApiError.of(ApiErrorCode.FORBIDDEN, "sandbox messages need an org API token"));
    }
    Optional<String> only = authorizer.customerFilter(caller, customers, call.customerFilter());
    List<Object> data = new ArrayList<>();
    for (SandboxSender.Delivered d : sender.messages(only.orElse(null))) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      attributes.put("customerId", d.customerId());
      attributes.put("channel", d.channel().name().toLowerCase(Locale.ROOT));
      attributes.put("to", d.to());
      attributes.put("language", d.language());
      attributes.put("body", d.body());
      attributes.put("sentAt", d.sentAt().toString());
      data.add(SandboxBank.resource("sandboxMessage", Long.toString(d.id()), attributes, Map.of()));
    }
    return SandboxBank.ok(200, data);
  }
}
