package dev.custos.spring.web;

import dev.custos.jsonapi.ApiRequest;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The library's endpoints on Spring MVC, one table: each route hands the request to the library's
 * endpoint object and writes what it answers, byte for byte (status, headers, document).
 */
public final class CustosRoutes {
  private CustosRoutes() {}

  /** What a route asks of the library. */
  @FunctionalInterface
  interface Endpoint {
    JsonApiResponse answer(ServerRequest route, ApiRequest request);
  }

  /**
   * Returns the routes.
   *
   * @param api the library's endpoints
   * @param basePath where they are served ({@code ""} for the root)
   * @param orgTokens whether the org API token endpoints are served (the cardholder-token endpoints
   *     are, when {@code api} has them)
   * @param sandbox whether {@code GET /sandbox/messages} is served
   * @return the router function
   */
  public static RouterFunction<ServerResponse> of(
      JsonApiEndpoints api, String basePath, boolean orgTokens, boolean sandbox) {
    RouterFunctions.Builder routes =
        RouterFunctions.route()
            .POST(
                basePath + "/customers/{customerId}/token/verification",
                r ->
                    serve(
                        r,
                        true,
                        (s, q) ->
                            api.customerTokens()
                                .createVerification(s.pathVariable("customerId"), q)))
            .POST(
                basePath + "/customers/{customerId}/token",
                r ->
                    serve(
                        r,
                        true,
                        (s, q) ->
                            api.customerTokens().createToken(s.pathVariable("customerId"), q)))
            .DELETE(
                basePath + "/customers/{customerId}/tokens/{tokenId}",
                r ->
                    serve(
                        r,
                        false,
                        (s, q) ->
                            api.customerTokens()
                                .revokeToken(
                                    s.pathVariable("customerId"), s.pathVariable("tokenId"), q)))
            .DELETE(
                basePath + "/customers/{customerId}/tokens",
                r ->
                    serve(
                        r,
                        false,
                        (s, q) ->
                            api.customerTokens().revokeTokens(s.pathVariable("customerId"), q)))
            .GET(
                basePath + "/identity", r -> serve(r, false, (s, q) -> api.identity().identity(q)));
    if (servesCardholderTokens(api)) {
      routes
          .POST(
              basePath + "/cards/{cardId}/cardholder/token/verification",
              r ->
                  serve(
                      r,
                      true,
                      (s, q) ->
                          api.cardholderTokens().createVerification(s.pathVariable("cardId"), q)))
          .POST(
              basePath + "/cards/{cardId}/cardholder/token",
              r ->
                  serve(
                      r,
                      true,
                      (s, q) -> api.cardholderTokens().createToken(s.pathVariable("cardId"), q)));
    }
    if (orgTokens) {
      routes
          .POST(
              basePath + "/users/{userId}/api-tokens",
              r -> serve(r, true, (s, q) -> api.orgTokens().create(s.pathVariable("userId"), q)))
          .GET(
              basePath + "/users/{userId}/api-tokens",
              r -> serve(r, false, (s, q) -> api.orgTokens().list(s.pathVariable("userId"), q)))
          .DELETE(
              basePath + "/users/{userId}/api-tokens/{tokenId}",
              r ->
                  serve(
                      r,
                      false,
                      (s, q) ->
                          api.orgTokens()
                              .revoke(s.pathVariable("userId"), s.pathVariable("tokenId"), q)));
    }
    if (sandbox) {
      routes.GET(
          basePath + "/sandbox/messages",
          r ->
              serve(
                  r,
                  false,
                  (s, q) ->
                      api.sandboxMessages()
                          .messages(q, s.param("filter[customerId]").orElse(null))));
    }
    return routes.build();
  }

  /** Whether the endpoints were built with cardholder tokens (a host with a card directory). */
  private static boolean servesCardholderTokens(JsonApiEndpoints api) {
    try {
      api.cardholderTokens();
      return true;
    } catch (IllegalStateException noCardDirectory) {
      return false;
    }
  }

  /** Hands the request to the library's endpoint and writes its answer byte for byte. */
  static ServerResponse serve(ServerRequest route, boolean withBody, Endpoint endpoint)
      throws IOException {
    HttpServletRequest servlet = route.servletRequest();
    JsonApiResponse answer = endpoint.answer(route, ServletExchange.request(servlet, withBody));
    ServerResponse.BodyBuilder response = ServerResponse.status(answer.status());
    answer.headers().forEach(response::header);
    return response.body(answer.body().getBytes(StandardCharsets.UTF_8));
  }
}
