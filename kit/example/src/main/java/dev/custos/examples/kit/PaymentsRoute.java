package dev.custos.examples.kit;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.VerifiedToken;

/**
 * A route of the user's own service: {@code POST /customers/{customerId}/payments}, which moves
 * money and so needs {@code payments-write} on a token of that customer. Thread-safe.
 */
public final class PaymentsRoute {
  private final RequestAuthorizer authorizer;
  private final Scope paymentsWrite;

  /**
   * Creates the route.
   *
   * @param authorizer the service's authorizer
   * @param catalog the service's scopes
   */
  public PaymentsRoute(RequestAuthorizer authorizer, ScopeCatalog catalog) {
    this.authorizer = authorizer;
    this.paymentsWrite = catalog.find("payments-write").orElseThrow();
  }

  /**
   * Makes a payment.
   *
   * @param authorization the request's {@code Authorization} header
   * @param customerId the path's customer
   * @param amountCents the amount
   * @return 201 with the payment, or Custos's error response
   */
  public JsonApiResponse pay(String authorization, String customerId, long amountCents) {
    try {
      VerifiedToken caller = authorizer.authenticate(authorization);
      authorizer.authorize(caller, paymentsWrite, customerId);
      return JsonApiResponse.ok(
          201,
          "{\"data\":{\"type\":\"payment\",\"attributes\":{\"amount\":" + amountCents + "}}}");
    } catch (ApiException e) {
      return JsonApiResponse.error(e.error());
    }
  }
}
