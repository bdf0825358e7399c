package dev.custos.jsonapi;

import dev.custos.ApiError;
import dev.custos.ApiException;
import dev.custos.CustomerTokenService;
import dev.custos.RequestAuthorizer;
import dev.custos.token.VerifiedToken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The spec's two endpoints as functions from request parts to a response, for any HTTP server:
 * {@code POST /customers/{customerId}/token/verification} and {@code POST
 * /customers/{customerId}/token}.
 *
 * <pre>{@code
 * JsonApiResponse response =
 *     endpoints.createToken(request.header("Authorization"), pathCustomerId, request.body());
 * reply(response.status(), response.headers(), response.body());
 * }</pre>
 *
 * <p>Each call authenticates first (401 before the body is read), then parses the document (400),
 * then runs the operation; every failure becomes an error document. Thread-safe.
 */
public final class CustomerTokenEndpoints {
  private final RequestAuthorizer authorizer;
  private final CustomerTokenService service;

  /**
   * Creates the endpoints.
   *
   * @param authorizer authenticates the caller's org token
   * @param service performs the operations
   * @throws NullPointerException if an argument is null
   */
  public CustomerTokenEndpoints(RequestAuthorizer authorizer, CustomerTokenService service) {
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * Create Customer Token Verification.
   *
   * @param authorizationHeader the request's {@code Authorization} header, or null
   * @param customerId the path's customer id
   * @param body the request body, or null
   * @return 201 with the verification token, or an error response
   */
  public JsonApiResponse createVerification(
      String authorizationHeader, String customerId, String body) {
    try {
      VerifiedToken caller = authorizer.authenticate(authorizationHeader);
      return created(
          JsonApiCodec.renderVerification(
              service.createVerification(
                  caller, customerId, JsonApiCodec.parseVerification(body))));
    } catch (ApiException e) {
      return error(e.error());
    }
  }

  /**
   * Create Customer Token.
   *
   * @param authorizationHeader the request's {@code Authorization} header, or null
   * @param customerId the path's customer id
   * @param body the request body, or null
   * @return 201 with the customer bearer token, or an error response
   */
  public JsonApiResponse createToken(String authorizationHeader, String customerId, String body) {
    try {
      VerifiedToken caller = authorizer.authenticate(authorizationHeader);
      return created(
          JsonApiCodec.renderBearerToken(
              service.createToken(caller, customerId, JsonApiCodec.parseCustomerToken(body))));
    } catch (ApiException e) {
      return error(e.error());
    }
  }

  /**
   * Returns the response for an error, with the headers its status calls for.
   *
   * @param error the error
   * @return the error response
   * @throws NullPointerException if {@code error} is null
   */
  public static JsonApiResponse error(ApiError error) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", JsonApiCodec.MEDIA_TYPE);
    error
        .retryAfter()
        .ifPresent(
            wait ->
                headers.put(
                    "Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
    if (error.status() == 401) {
      headers.put("WWW-Authenticate", "Bearer");
    }
    return new JsonApiResponse(error.status(), headers, JsonApiCodec.renderError(error));
  }

  /**
   * Returns a success response with the JSON:API media type.
   *
   * @param status the HTTP status, such as 200 or 201
   * @param body the JSON:API document
   * @return the response
   * @throws NullPointerException if {@code body} is null
   */
  public static JsonApiResponse ok(int status, String body) {
    return new JsonApiResponse(status, Map.of("Content-Type", JsonApiCodec.MEDIA_TYPE), body);
  }

  private static JsonApiResponse created(String body) {
    return ok(201, body);
  }
}
