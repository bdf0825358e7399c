package dev.custos.jsonapi;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.customer.SandboxIdentityProvider;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.org.OrgUser;
import dev.custos.org.OrgUserAuthenticator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A sandbox identity provider's JWTs for its admin: {@code POST /sandbox/idp/token} with {@code
 * {"data":{"type":"sandboxJwt","attributes":{"subject":…}}}} answers 201 {@code
 * {"data":{"type":"sandboxJwt","attributes":{"jwt":…,"expiresIn":300}}}}. Only an admin user of the
 * host's login (its {@link OrgUserAuthenticator}) gets one: a JWT stands in for a customer's second
 * factor. Made by {@link JsonApiEndpoints} for sandboxes. Thread-safe.
 */
public final class SandboxIdentityProviderEndpoint {
  private final SandboxIdentityProvider provider;
  private final OrgUserAuthenticator users;

  SandboxIdentityProviderEndpoint(SandboxIdentityProvider provider, OrgUserAuthenticator users) {
    this.provider = provider;
    this.users = users;
  }

  /**
   * Mints a JWT for the document's subject.
   *
   * @param request the request
   * @return 201 with the JWT; or 401 without credentials, 403 for anyone but an admin user, 400 at
   *     the member's pointer (an unknown subject at {@code /data/attributes/subject})
   */
  public JsonApiResponse token(ApiRequest request) {
    return Exchange.answer(
        () -> {
          String body = Envelope.body(request);
          if (!Exchange.loginUser(users, request).map(OrgUser::isAdmin).orElse(false)) {
            throw new ApiException(
                ApiError.of(
                    ApiErrorCode.FORBIDDEN,
                    "the sandbox identity provider serves admin users only"));
          }
          Map<String, Object> attributes =
              RequestDocuments.attributes(body, "sandboxJwt", Set.of("subject"));
          String subject = RequestDocuments.requiredString(attributes, "subject");
          String jwt;
          try {
            jwt = provider.jwtFor(subject);
          } catch (IllegalArgumentException e) {
            throw RequestDocuments.invalid("subject", e.getMessage());
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("jwt", jwt);
          out.put("expiresIn", SandboxIdentityProvider.LIFETIME.toSeconds());
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("type", "sandboxJwt");
          data.put("attributes", out);
          return Exchange.document(201, JSONObjectUtils.toJSONString(Map.of("data", data)));
        });
  }
}
