package dev.custos.jsonapi;

import dev.custos.customer.CardholderTokenService;

/**
 * Unit's two cardholder-token endpoints as functions from a request to a response, for any HTTP
 * server: {@code POST /cards/{cardId}/cardholder/token/verification} and {@code POST
 * /cards/{cardId}/cardholder/token}. Made by {@link JsonApiEndpoints}.
 *
 * <pre>{@code
 * JsonApiResponse response = endpoints.cardholderTokens().createToken(pathCardId, request);
 * reply(response.status(), response.headers(), response.body());
 * }</pre>
 *
 * <p>Each call checks the body's envelope, authenticates, reads the document strictly (400 at the
 * member's pointer) and runs the operation, as the customer-token endpoints do; every failure
 * becomes an error document. Thread-safe.
 */
public final class CardholderTokenEndpoints {
  private final Exchange exchange;
  private final CardholderTokenService service;

  CardholderTokenEndpoints(Exchange exchange, CardholderTokenService service) {
    this.exchange = exchange;
    this.service = service;
  }

  /**
   * Create Cardholder Token Verification.
   *
   * @param cardId the path's card id
   * @param request the request
   * @return 201 with a {@code cardholderTokenVerification} document, or an error response
   */
  public JsonApiResponse createVerification(String cardId, ApiRequest request) {
    return exchange.answerCaller(
        request,
        (caller, body) ->
            Exchange.document(
                201,
                CustomerTokenDocuments.renderVerification(
                    "cardholderTokenVerification",
                    service.createVerification(
                        caller,
                        cardId,
                        CustomerTokenDocuments.parseCardholderVerification(body)))));
  }

  /**
   * Create Cardholder Token.
   *
   * @param cardId the path's card id
   * @param request the request
   * @return 201 with a {@code cardholderBearerToken} document, or an error response
   */
  public JsonApiResponse createToken(String cardId, ApiRequest request) {
    return exchange.answerCaller(
        request,
        (caller, body) ->
            Exchange.document(
                201,
                CustomerTokenDocuments.renderBearerToken(
                    "cardholderBearerToken",
                    service.createToken(
                        caller, cardId, CustomerTokenDocuments.parseCardholderToken(body)))));
  }
}
