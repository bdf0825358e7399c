package dev.custos.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.customer.CustomerTokenService;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.ApiRequest;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.org.OrgTokenService;
import dev.custos.org.OrgUserAuthenticator;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpSender;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Custos's endpoints, and one of the host's own, on the JDK's HTTP server. */
public final class JdkHttpServerHost {
  private static final Scope CUSTOMERS = ScopeCatalog.unit().find("customers").orElseThrow();
  private final CustomerDirectory customers;
  private final TokenMinter minter;
  private final RequestAuthorizer authorizer;
  private final JsonApiEndpoints api;

  /**
   * @param keys your signing keys (load them from PASERK or JWK in production)
   * @param customers your customers, as Custos needs them
   * @param sender your SMS and voice provider
   * @param users your platform's own login: who may manage org API tokens
   */
  public JdkHttpServerHost(
      KeyRing keys, CustomerDirectory customers, OtpSender sender, OrgUserAuthenticator users) {
    this.customers = customers;
    String issuer = "https://api.example.com";
    minter = TokenMinter.builder().keyRing(keys).issuer(issuer).build();
    TokenVerifier verifier = TokenVerifier.builder().keyRing(keys).issuer(issuer).build();
    authorizer = RequestAuthorizer.builder().verifier(verifier).build();
    OtpEngine otp = OtpEngine.builder().brand("Acme").sender(sender).build();
    api =
        JsonApiEndpoints.builder()
            .authorizer(authorizer)
            .customerTokens(
                CustomerTokenService.builder()
                    .directory(customers)
                    .otpEngine(otp)
                    .minter(minter)
                    .authorizer(authorizer)
                    .build())
            .orgTokens(
                OrgTokenService.builder().minter(minter).authorizer(authorizer).build(), users)
            .trustedProxies("10.0.0.0/8") // your load balancers, if any
            .build();
  }

  /** Your backend's own org token: what it sends to create customer tokens for your front end. */
  public String backendOrgToken() {
    var scopes = ScopeCatalog.unit().parse("customers customer-token-write");
    return minter.mint(TokenRequest.org(scopes)).token();
  }

  /** In development only: keeps each customer's last code where your test or console reads it. */
  public static OtpSender developmentSender(Map<String, String> codes) {
    return message -> codes.put(message.customerId(), message.code());
  }

  // The HTTP glue, all of it:
  public HttpServer serve(int port) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    http.createContext("/", exchange -> reply(exchange, route(exchange)));
    http.start();
    return http;
  }

  private JsonApiResponse route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String[] id = path.split("/"); // ids at 2 and 4: /customers/{id}, /users/{id}/api-tokens/{id}
    String shape =
        path.replaceFirst("^/(customers|users)/[^/]+", "/$1/{id}")
            .replaceFirst("(/api-tokens)/[^/]+$", "$1/{id}");
    ApiRequest request =
        ApiRequest.builder()
            .authorization(exchange.getRequestHeaders().getFirst("Authorization"))
            .contentType(exchange.getRequestHeaders().getFirst("Content-Type"))
            .body(exchange.getRequestBody().readNBytes(JsonApiEndpoints.MAX_BODY_BYTES + 1))
            .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
            .forwardedFor(exchange.getRequestHeaders().get("X-Forwarded-For"))
            .build();
    return switch (exchange.getRequestMethod() + " " + shape) {
      case "POST /customers/{id}/token/verification" ->
          api.customerTokens().createVerification(id[2], request);
      case "POST /customers/{id}/token" -> api.customerTokens().createToken(id[2], request);
      case "POST /users/{id}/api-tokens" -> api.orgTokens().create(id[2], request);
      case "GET /users/{id}/api-tokens" -> api.orgTokens().list(id[2], request);
      case "DELETE /users/{id}/api-tokens/{id}" -> api.orgTokens().revoke(id[2], id[4], request);
      case "GET /identity" -> api.identity().identity(request);
      case "GET /customers/{id}" -> customer(id[2], request);
      default -> JsonApiResponse.error(ApiError.of(ApiErrorCode.NOT_FOUND, "no such resource"));
    };
  }

  private static void reply(HttpExchange exchange, JsonApiResponse response) throws IOException {
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    response.headers().forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(response.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  // One of your own endpoints, guarded exactly as Custos guards its own:
  private JsonApiResponse customer(String customerId, ApiRequest request) {
    try {
      authorizer.authorize(api.authenticate(request), CUSTOMERS, customerId); // 401, 403, 404
      Customer found = customers.find(customerId).orElseThrow(JdkHttpServerHost::notFound);
      return JsonApiResponse.ok(
          200, "{\"data\":{\"type\":\"customer\",\"id\":\"" + found.id() + "\"}}");
    } catch (ApiException e) {
      return JsonApiResponse.error(e.error());
    }
  }

  private static ApiException notFound() {
    return new ApiException(ApiError.of(ApiErrorCode.CUSTOMER_NOT_FOUND, "no such customer"));
  }
}
