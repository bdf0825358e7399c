package dev.custos.jsonapi;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.org.OrgTokenService;
import dev.custos.org.OrgUser;
import dev.custos.org.OrgUserAuthenticator;

/**
 * Unit's org API token endpoints as functions from a request to a response: {@code POST} and {@code
 * GET /users/{userId}/api-tokens}, {@code DELETE /users/{userId}/api-tokens/{tokenId}}. The caller
 * is a platform user, known through the host's {@link OrgUserAuthenticator}; an org API token is no
 * user. Made by {@link JsonApiEndpoints}.
 *
 * <p>Request documents are read as strictly as the customer-token ones (an unknown member at any
 * level is a 400 at its pointer). Thread-safe.
 */
public final class OrgTokenEndpoints {
  private final OrgTokenService service;
  private final OrgUserAuthenticator users;

  OrgTokenEndpoints(OrgTokenService service, OrgUserAuthenticator users) {
    this.service = service;
    this.users = users;
  }

  /**
   * Create API Token.
   *
   * @param userId the path's user id
   * @param request the request
   * @return 201 with the record and, this once, the token; or an error response (401 without
   *     credentials; 403 for no user or another user's tokens; 400 at the attribute; 503 when the
   *     records cannot be stored)
   */
  public JsonApiResponse create(String userId, ApiRequest request) {
    return Exchange.answer(
        () -> {
          String body = Envelope.body(request);
          OrgUser user = user(request);
          return Exchange.document(
              201,
              ApiTokenDocuments.created(
                  service.create(user, userId, ApiTokenDocuments.parse(body))));
        });
  }

  /**
   * List API Tokens: the user's live tokens, oldest first, never their values.
   *
   * @param userId the path's user id
   * @param request the request (its body is not read)
   * @return 200 with the records, or an error response
   */
  public JsonApiResponse list(String userId, ApiRequest request) {
    return Exchange.answer(
        () -> Exchange.document(200, ApiTokenDocuments.list(service.list(user(request), userId))));
  }

  /**
   * Revoke API Token: refused from the next request on, on every instance sharing the revocation
   * store.
   *
   * @param userId the path's user id
   * @param tokenId the path's token id
   * @param request the request (its body is not read)
   * @return 200 with {@code {"meta":{"revoked":true}}}, or an error response (404 for no such token
   *     of this user)
   */
  public JsonApiResponse revoke(String userId, String tokenId, ApiRequest request) {
    return Exchange.answer(
        () -> {
          service.revoke(user(request), userId, tokenId);
          return Exchange.document(200, "{\"meta\":{\"revoked\":true}}");
        });
  }

  private OrgUser user(ApiRequest request) throws ApiException {
    return Exchange.loginUser(users, request)
        .orElseThrow(
            () ->
                new ApiException(
                    ApiError.of(
                        ApiErrorCode.FORBIDDEN, "API tokens are managed by admin users only")));
  }
}
