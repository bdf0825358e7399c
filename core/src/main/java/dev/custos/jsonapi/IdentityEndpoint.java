package dev.custos.jsonapi;

/**
 * {@code GET /identity}: the calling token's decoded claims, never the token itself (Unit: "to
 * retrieve decoded token information"), for customer and org tokens alike. Made by {@link
 * JsonApiEndpoints}. Thread-safe.
 */
public final class IdentityEndpoint {
  private final Exchange exchange;

  IdentityEndpoint(Exchange exchange) {
    this.exchange = exchange;
  }

  /**
   * Answers {@code GET /identity}.
   *
   * @param request the request (its body is not read)
   * @return 200 with {@code {"data":{"type":"tokenIdentity","id":<jti>,"attributes":{"role",
   *     "customerId","scope","upgradableScope","resources","twoFactor","issuedAt","expiresAt"}}}};
   *     401 for a missing, invalid, expired or revoked token; 403 for an org token used from
   *     outside its {@code sourceIp}
   */
  public JsonApiResponse identity(ApiRequest request) {
    return Exchange.answer(
        () ->
            Exchange.document(
                200, CustomerTokenDocuments.renderIdentity(exchange.caller(request))));
  }
}
