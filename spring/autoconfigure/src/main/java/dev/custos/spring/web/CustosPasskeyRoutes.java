package dev.custos.spring.web;

import dev.custos.passkey.PasskeyEndpoints;
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
            r -> CustosRoutes.serve(r, false, (s, q) -> endpoints.startRegistration(id(s), q)))
        .POST(passkeys, r -> CustosRoutes.serve(r, true, (s, q) -> endpoints.register(id(s), q)))
        .GET(passkeys, r -> CustosRoutes.serve(r, false, (s, q) -> endpoints.list(id(s), q)))
        .DELETE(
            passkeys + "/{passkeyId}",
            r ->
                CustosRoutes.serve(
                    r, false, (s, q) -> endpoints.delete(id(s), s.pathVariable("passkeyId"), q)))
        .build();
  }

  private static String id(ServerRequest route) {
    return route.pathVariable("customerId");
  }
}
