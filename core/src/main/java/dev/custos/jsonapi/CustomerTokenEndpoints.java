package dev.custos.jsonapi;

import dev.custos.customer.CustomerTokenService;

/**
 * The spec's two endpoints as functions from a request to a response, for any HTTP server: {@code
 * POST /customers/{customerId}/token/verification} and {@code POST /customers/{customerId}/token}.
 * Made by {@link JsonApiEndpoints}.
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
   * @return 201 with the verification token, or an error response
   */
  public JsonApiResponse createVerification(String customerId, ApiRequest request) {
    return exchange.answerCaller(
        request,
        (caller, body) ->
            Exchange.document(
                201,
                CustomerTokenDocuments.renderVerification(
                    service.createVerification(
                        caller, customerId, CustomerTokenDocuments.parseVerification(body)))));
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
}
