package dev.custos.spring.web;

import dev.custos.jsonapi.ApiRequest;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.passkey.PasskeyEndpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The passkey endpoints on Spring MVC, as {@link CustosRoutes} mounts the others: each route hands
 * the request to {@code custos-passkey}'s endpoint object and writes what it answers. A class of
 * its own, so that a host without passkeys never loads a passkey type.
 */
public final class CustosPasskeyRoutes {
  private CustosPasskeyRoutes() {}

  /**
   * Returns the routes: {@code POST /customers/{id}/passkeys/registration}, {@code GET} and {@code
   * POST /customers/{id}/passkeys}, {@code DELETE /customers/{id}/passkeys/{passkeyId}}.
   *
   * @param endpoints the passkey endpoints
   * @param basePath where they are served ({@code ""} for the root)
   * @return the router function
   */
  public static RouterFunction<ServerResponse> of(PasskeyEndpoints endpoints, String basePath) {
    String passkeys = basePath + "/customers/{customerId}/passkeys";
    return RouterFunctions.route()
        .POST(
            passkeys + "/registration",
            r -> serve(r, false, (s, q) -> endpoints.startRegistration(id(s), q)))
        .POST(passkeys, r -> serve(r, true, (s, q) -> endpoints.register(id(s), q)))
        .GET(passkeys, r -> serve(r, false, (s, q) -> endpoints.list(id(s), q)))
        .DELETE(
            passkeys + "/{passkeyId}",
            r -> serve(r, false, (s, q) -> endpoints.delete(id(s), s.pathVariable("passkeyId"), q)))
        .build();
  }

  private static String id(ServerRequest route) {
    return route.pathVariable("customerId");
  }

  private static ServerResponse serve(
      ServerRequest route,
      boolean withBody,
      BiFunction<ServerRequest, ApiRequest, JsonApiResponse> endpoint)
      throws IOException {
    JsonApiResponse answer =
        endpoint.apply(route, ServletExchange.request(route.servletRequest(), withBody));
    ServerResponse.BodyBuilder response = ServerResponse.status(answer.status());
    answer.headers().forEach(response::header);
    return response.body(answer.body().getBytes(StandardCharsets.UTF_8));
  }
}
