package dev.custos.jsonapi;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.CustomerTokenService;
import dev.custos.error.ApiException;
import dev.custos.token.VerifiedToken;
import java.net.InetAddress;
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
  /** The longest request document read, in characters; longer ones are answered 413. */
  public static final int MAX_DOCUMENT_LENGTH = 16_384;

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
    return createVerification(authorizationHeader, null, customerId, body);
  }

  /**
   * Create Customer Token Verification, from a client whose address an org token's {@code sourceIp}
   * is checked against.
   *
   * @param authorizationHeader the request's {@code Authorization} header, or null
   * @param client the client's address, or null if not known
   * @param customerId the path's customer id
   * @param body the request body, or null
   * @return 201 with the verification token, or an error response
   */
  public JsonApiResponse createVerification(
      String authorizationHeader, InetAddress client, String customerId, String body) {
    try {
      VerifiedToken caller = authorizer.authenticate(authorizationHeader, client);
      return created(
          JsonApiCodec.renderVerification(
              service.createVerification(
                  caller, customerId, JsonApiCodec.parseVerification(body))));
    } catch (ApiException e) {
      return error(e);
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
    return createToken(authorizationHeader, null, customerId, body);
  }

  /**
   * Create Customer Token, from a client whose address an org token's {@code sourceIp} is checked
   * against.
   *
   * @param authorizationHeader the request's {@code Authorization} header, or null
   * @param client the client's address, or null if not known
   * @param customerId the path's customer id
   * @param body the request body, or null
   * @return 201 with the customer bearer token, or an error response
   */
  public JsonApiResponse createToken(
      String authorizationHeader, InetAddress client, String customerId, String body) {
    try {
      VerifiedToken caller = authorizer.authenticate(authorizationHeader, client);
      return created(
          JsonApiCodec.renderBearerToken(
              service.createToken(caller, customerId, JsonApiCodec.parseCustomerToken(body))));
    } catch (ApiException e) {
      return error(e);
    }
  }

  /**
   * {@code GET /identity}: the calling token's decoded claims, never the token itself (Unit: "to
   * retrieve decoded token information").
   *
   * @param authorizationHeader the request's {@code Authorization} header, or null
   * @return 200 with {@code {"data":{"type":"tokenIdentity","id":<jti>,"attributes":{"role",
   *     "customerId","scope","upgradableScope","resources","twoFactor","issuedAt","expiresAt"}}}},
   *     or 401 for a missing, invalid, expired or revoked token
   */
  public JsonApiResponse identity(String authorizationHeader) {
    return identity(authorizationHeader, null);
  }

  /**
   * {@code GET /identity} from a client whose address an org token's {@code sourceIp} is checked
   * against.
   *
   * @param authorizationHeader the request's {@code Authorization} header, or null
   * @param client the client's address, or null if not known
   * @return as {@link #identity(String)}; 403 for an org token used from outside its sourceIp
   */
  public JsonApiResponse identity(String authorizationHeader, InetAddress client) {
    try {
      return JsonApiResponse.ok(
          200, JsonApiCodec.renderIdentity(authorizer.authenticate(authorizationHeader, client)));
    } catch (ApiException e) {
      return error(e);
    }
  }

  private static JsonApiResponse created(String body) {
    return JsonApiResponse.ok(201, body);
  }

  private static JsonApiResponse error(ApiException e) {
    return JsonApiResponse.error(e.error());
  }
}
