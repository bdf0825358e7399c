package dev.custos.jsonapi;

import dev.custos.customer.CustomerTokenService;
import java.time.Instant;
import java.util.Map;

/**
 * The spec's two endpoints, and Custos's two revocations, as functions from a request to a
 * response, for any HTTP server: {@code POST /customers/{customerId}/token/verification} and {@code
 * POST /customers/{customerId}/token}; {@code DELETE /customers/{customerId}/tokens/{tokenId}} and
 * {@code DELETE /customers/{customerId}/tokens}. Made by {@link JsonApiEndpoints}.
 *
 * <pre>{@code
 * JsonApiResponse response = endpoints.customerTokens().createToken(pathCustomerId, request);
 * reply(response.status(), response.headers(), response.body());
 * }</pre>
 *
 * <p>Each call checks the body's envelope (415, 413, 400 for a body that is not UTF-8), then
 * authenticates (401, or 403 for an org token used from outside its {@code sourceIp}), then reads
 * the document (400 at the member's pointer), then runs the operation; every failure becomes an
 * error document. Thread-safe.
 */
public final class CustomerTokenEndpoints {
  private final Exchange exchange;
  private final CustomerTokenService service;

  CustomerTokenEndpoints(Exchange exchange, CustomerTokenService service) {
    this.exchange = exchange;
    this.service = service;
  }

  /**
   * Create Customer Token Verification.
   *
   * @param customerId the path's customer id
   * @param request the request
   * @return 201 with the verification token (and, for {@code channel: "passkey"}, the browser's
   *     request options as {@code publicKey}), or an error response
   */
  public JsonApiResponse createVerification(String customerId, ApiRequest request) {
    return exchange.answerCaller(
        request,
        (caller, body) -> {
          Map<String, Object> attributes = CustomerTokenDocuments.verificationAttributes(body);
          return Exchange.document(
              201,
              CustomerTokenDocuments.isPasskey(attributes)
                  ? CustomerTokenDocuments.renderPasskeyVerification(
                      service.createPasskeyVerification(
                          caller,
                          customerId,
                          CustomerTokenDocuments.passkeyTransaction(attributes)))
                  : CustomerTokenDocuments.renderVerification(
                      service.createVerification(
                          caller,
                          customerId,
                          CustomerTokenDocuments.customerVerification(attributes))));
        });
  }

  /**
   * Create Customer Token.
   *
   * @param customerId the path's customer id
   * @param request the request
   * @return 201 with the customer bearer token, or an error response
   */
  public JsonApiResponse createToken(String customerId, ApiRequest request) {
    return exchange.answerCaller(
        request,
        (caller, body) ->
            Exchange.document(
                201,
                CustomerTokenDocuments.renderBearerToken(
                    service.createToken(
                        caller, customerId, CustomerTokenDocuments.parseCustomerToken(body)))));
  }

  /**
   * Revoke Customer Token, a Custos extension ({@code DELETE
   * /customers/{customerId}/tokens/{tokenId}}): the token with this id ({@code jti}) is refused
   * from the next request on, on every instance sharing the revocation store.
   *
   * @param customerId the path's customer id
   * @param tokenId the path's token id
   * @param request the request (its body is not read); an org token with {@code
   *     customer-token-write}
   * @return 200 with {@code {"meta":{"revoked":true}}}, or an error response
   */
  public JsonApiResponse revokeToken(String customerId, String tokenId, ApiRequest request) {
    return Exchange.answer(
        () -> {
          service.revocations().revokeToken(exchange.caller(request), customerId, tokenId);
          return Exchange.document(200, "{\"meta\":{\"revoked\":true}}");
        });
  }

  /**
   * Revoke Customer Tokens, a Custos extension ({@code DELETE /customers/{customerId}/tokens}):
   * every token of the customer issued before now is refused from the next request on, on every
   * instance sharing the revocation store; tokens minted afterwards are valid.
   *
   * @param customerId the path's customer id
   * @param request the request (its body is not read); an org token with {@code
   *     customer-token-write}
   * @return 200 with {@code {"meta":{"revoked":true,"issuedBefore":"…"}}} (Unit's time form), or an
   *     error response
   */
  public JsonApiResponse revokeTokens(String customerId, ApiRequest request) {
    return Exchange.answer(
        () -> {
          Instant before = service.revocations().revokeTokens(exchange.caller(request), customerId);
          return Exchange.document(
              200,
              "{\"meta\":{\"revoked\":true,\"issuedBefore\":\"" + UnitTime.format(before) + "\"}}");
        });
  }
}
