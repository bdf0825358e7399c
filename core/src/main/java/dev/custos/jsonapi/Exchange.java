package dev.custos.jsonapi;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.org.OrgUser;
import dev.custos.org.OrgUserAuthenticator;
import dev.custos.token.VerifiedToken;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every endpoint does around its operation: the caller authenticated with the client's address
 * (behind trusted proxies), the body's envelope, and the one place a failure becomes a response.
 */
final class Exchange {
  private static final Logger log = LoggerFactory.getLogger(JsonApiEndpoints.class);

  /** An endpoint's work on a document, for an authenticated caller. */
  interface CallerOperation {
    JsonApiResponse run(VerifiedToken caller, String body) throws ApiException;
  }

  private final RequestAuthorizer authorizer;
  private final ClientAddress clients;

  Exchange(RequestAuthorizer authorizer, ClientAddress clients) {
    this.authorizer = authorizer;
    this.clients = clients;
  }

  /** The caller, from the bearer token and the client's address. */
  VerifiedToken caller(ApiRequest request) throws ApiException {
    return authorizer.authenticate(
        request.authorization(), clients.of(request.remoteAddress(), request.forwardedFor()));
  }

  /**
   * Runs an operation and answers: its response, the error document of its refusal, or a 500
   * document (logged by class name only) for a fault of the host's or of Custos's.
   */
  static JsonApiResponse answer(JsonApiEndpoints.Operation operation) {
    try {
      return operation.run();
    } catch (ApiException e) {
      return JsonApiResponse.error(e.error());
    } catch (RuntimeException e) {
      log.error("internal error in an endpoint: {}", e.getClass().getName());
      return JsonApiResponse.error(
          ApiError.of(ApiErrorCode.INTERNAL_ERROR, "the server failed to answer"));
    }
  }

  /**
   * Answers a request with a document for a caller: the envelope first (415, 413, 400), then the
   * caller (401, 403), then the operation.
   */
  JsonApiResponse answerCaller(ApiRequest request, CallerOperation operation) {
    return answer(
        () -> {
          String body = Envelope.body(request);
          return operation.run(caller(request), body);
        });
  }

  /**
   * The platform user of the host's login behind a request (org API tokens are no users).
   *
   * @return the user, or empty when the login knows none for the credential
   * @throws ApiException 401 when the request has no Authorization header at all
   */
  static Optional<OrgUser> loginUser(OrgUserAuthenticator users, ApiRequest request)
      throws ApiException {
    String header = request.authorization();
    if (header == null || header.isEmpty()) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.UNAUTHORIZED, "the Authorization header is missing")
              .withAuthenticate("Bearer"));
    }
    return users.authenticate(header);
  }

  /** A response with one document of the given status. */
  static JsonApiResponse document(int status, String document) {
    return JsonApiResponse.ok(status, document);
  }

  static Map<String, Object> readDocument(ApiRequest request) throws ApiException {
    return RequestDocuments.object(Envelope.body(request));
  }
}
