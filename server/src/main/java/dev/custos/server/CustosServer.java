package dev.custos.server;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.authz.RequestAuthorizerBuilder;
import dev.custos.customer.CustomerTokenService;
import dev.custos.customer.CustomerTokenServiceBuilder;
import dev.custos.customer.JwtIdentityProvider;
import dev.custos.customer.SandboxIdentityProvider;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.CardholderTokenEndpoints;
import dev.custos.jsonapi.CustomerTokenEndpoints;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.OrgTokenEndpoints;
import dev.custos.org.OrgTokenService;
import dev.custos.org.OrgUserAuthenticator;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpEngineBuilder;
import dev.custos.redis.CustosRedis;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: Custos embedded exactly as a host service would embed it, behind Jetty's
 * core HTTP server (non-blocking I/O, so a slow client holds a connection, not a thread). It wires
 * the library's services and endpoint objects, routes requests to them through one table, and adds
 * the sandbox bank the customer tokens are for; the wire format is the library's.
 *
 * <p>Endpoints (JSON:API): {@code POST /customers/{id}/token/verification}, {@code POST
 * /customers/{id}/token}, {@code DELETE /customers/{id}/tokens} and {@code DELETE
 * /customers/{id}/tokens/{id}} (Custos's revocations), {@code GET} and {@code POST
 * /users/{id}/api-tokens}, {@code DELETE /users/{id}/api-tokens/{id}}, {@code GET /identity},
 * {@code GET /accounts}, {@code GET /cards}, {@code POST /cards}, {@code GET /cards/{id}}, {@code
 * GET /customers/{id}}, {@code POST /payments} (a token bound to a payment makes it once), {@code
 * GET /.well-known/jwks.json}, {@code GET /health}, {@code GET /metrics}, with passkeys {@code POST
 * /customers/{id}/passkeys/registration}, {@code GET} and {@code POST /customers/{id}/passkeys} and
 * {@code DELETE /customers/{id}/passkeys/{id}}, and in sandbox mode {@code GET /sandbox/messages}
 * and the passkey page {@code GET /sandbox/passkeys}. Every GET route answers HEAD, every route
 * OPTIONS (a CORS preflight for the configured origins). Every error is a JSON:API error document,
 * those of the HTTP layer (431, 413, malformed URIs) included; one access-log line per request
 * names method, path, status and time, never a token or code.
 *
 * <pre>{@code
 * try (CustosServer server = CustosServer.start(CustosServer.options().port(0))) {
 *   URI api = server.uri();
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} stops it gracefully.
 */
public final class CustosServer implements AutoCloseable {
  /** The longest request body read, in bytes: the library's bound. */
  public static final int MAX_BODY_BYTES = JsonApiEndpoints.MAX_BODY_BYTES;

  /** The largest request head (request line and headers) read; larger is answered 431. */
  public static final int MAX_HEADER_BYTES = 8 * 1024;

  private static final Logger log = LoggerFactory.getLogger(CustosServer.class);

  private final ServerOptions options;
  private final ServerMetrics metrics = new ServerMetrics();
  private final KeyRing keys;
  private final RequestAuthorizer authorizer;
  private final CustosRedis redis;
  private final String orgToken;
  private final SandboxAdmin admin;
  private final SandboxIdentityProvider sandboxIdp;
  private final PasskeyRoutes passkeys;
  private final Routes routes;
  private final Server http;
  private final ServerConnector connector;

  private CustosServer(ServerOptions options) throws IOException {
    this.options = options;
    Fixtures fixtures =
        options.fixtures == null ? Fixtures.builtIn() : Fixtures.load(options.fixtures);
    SigningKey key =
        options.signingKey != null
            ? options.signingKey
            : SigningKey.generate(PasetoVersion.V2_PUBLIC);
    this.keys = KeyRing.of(key);
    TokenMinter minter =
        TokenMinter.builder().keyRing(keys).issuer(options.issuer).clock(options.clock).build();
    TokenVerifier verifier =
        TokenVerifier.builder().keyRing(keys).issuer(options.issuer).clock(options.clock).build();
    SandboxSender sender = new SandboxSender(options.clock, options.sandbox);
    this.redis =
        options.redis == null
            ? null
            : (options.redisCluster
                    ? CustosRedis.clusterBuilder(options.redis)
                    : CustosRedis.builder(options.redis))
                .clock(options.clock)
                .timeout(options.redisTimeout)
                .connect();
    RequestAuthorizerBuilder authorizerBuilder =
        RequestAuthorizer.builder().verifier(verifier).listener(metrics.authorizationListener());
    OrgTokenService.Builder orgTokenBuilder = OrgTokenService.builder().minter(minter);
    if (redis != null) {
      authorizerBuilder.revocationStore(redis.revocationStore());
      orgTokenBuilder.store(redis.apiTokenStore()); // every server lists and revokes the same
    }
    this.authorizer = authorizerBuilder.build();
    OtpEngine otp = otpEngine(options, sender, key);
    this.passkeys =
        PasskeyRoutes.create(
            options, key, otp, authorizer, fixtures.directory, redis, options.clock);
    CustomerTokenServiceBuilder customerTokenBuilder =
        CustomerTokenService.builder()
            .directory(fixtures.directory)
            .cards(fixtures.cardDirectory)
            .otpEngine(otp)
            .minter(minter)
            .authorizer(authorizer)
            .listener(metrics.tokenListener());
    if (passkeys != null) {
      customerTokenBuilder.passkeys(passkeys.passkeys());
    }
    // The reference server's stand-in for the platform's own user login, in sandbox mode only.
    this.admin = options.sandbox ? new SandboxAdmin() : null;
    // A sandbox without an identity provider of its own gets one, so jwtToken can be tried.
    boolean ownProvider = options.jwtProvider != null;
    this.sandboxIdp =
        options.sandbox && !ownProvider
            ? SandboxIdentityProvider.create(options.clock, fixtures.jwtSubjects)
            : null;
    JwtIdentityProvider.Builder provider =
        sandboxIdp != null
            ? sandboxIdp.trust()
            : ownProvider ? options.jwtProvider.builder(options.jwtMaxAge, options.clock) : null;
    if (provider != null) {
      if (redis != null) {
        provider.replayStore(redis.jwtReplayStore()); // a JWT is used once across every server
      }
      customerTokenBuilder.identityProvider(provider.build());
    }
    OrgUserAuthenticator users = admin != null ? admin : header -> Optional.empty();
    CustomerTokenService customerTokens = customerTokenBuilder.build();
    JsonApiEndpoints.Builder apiBuilder =
        JsonApiEndpoints.builder()
            .authorizer(authorizer)
            .customerTokens(customerTokens)
            .cardholderTokens(customerTokens.cardholderTokens())
            .orgTokens(orgTokenBuilder.authorizer(authorizer).build(), users)
            .trustedProxies(options.trustedProxyCidrs);
    if (options.sandbox) {
      apiBuilder.sandboxOutbox(sender.outbox());
    }
    if (sandboxIdp != null) {
      apiBuilder.sandboxIdentityProvider(sandboxIdp);
    }
    JsonApiEndpoints api = apiBuilder.build();
    // The platform backend's org token, as a host's backend would mint its own.
    this.orgToken =
        options.sandbox
            ? minter
                .mint(
                    TokenRequest.org(
                        ScopeCatalog.unit().parse("customers customer-token-write cards-write")))
                .token()
            : null;
    this.routes =
        routes(
            api,
            new SandboxBank(fixtures, api, authorizer, options.clock),
            new SandboxPayments(api, authorizer, options.clock));
    this.http = new Server(HttpConnectors.threads());
    this.connector = HttpConnectors.connector(http, options);
    ConnectionGuard guard =
        new ConnectionGuard(
            options.maxConnectionsPerClient,
            options.requestHeadTimeout,
            options.trustedProxies,
            connector.getScheduler());
    connector.addEventListener(guard);
    http.addConnector(connector);
    http.addBean(new NetworkConnectionLimit(options.maxConnections, connector));
    http.setErrorHandler(new HttpErrors());
    http.setHandler(
        new GracefulHandler(new HttpAdapter(routes, metrics, guard, options.corsOrigins)));
    http.setStopTimeout(options.shutdownGraceSeconds * 1_000L);
  }

  /** Every route, once: the library's endpoints, the sandbox's, and the server's own. */
  private Routes routes(JsonApiEndpoints api, SandboxBank bank, SandboxPayments payments) {
    CustomerTokenEndpoints customerTokens = api.customerTokens();
    CardholderTokenEndpoints cardholderTokens = api.cardholderTokens();
    OrgTokenEndpoints orgTokens = api.orgTokens();
    Routes routes =
        new Routes()
            .add(
                "POST",
                "/customers/{id}/token/verification",
                c -> Reply.of(customerTokens.createVerification(c.id(0), c.request)))
            .add(
                "POST",
                "/customers/{id}/token",
                c -> Reply.of(customerTokens.createToken(c.id(0), c.request)))
            .add(
                "DELETE",
                "/customers/{id}/tokens/{id}",
                c -> Reply.of(customerTokens.revokeToken(c.id(0), c.id(1), c.request)))
            .add(
                "DELETE",
                "/customers/{id}/tokens",
                c -> Reply.of(customerTokens.revokeTokens(c.id(0), c.request)))
            .add(
                "POST",
                "/cards/{id}/cardholder/token/verification",
                c -> Reply.of(cardholderTokens.createVerification(c.id(0), c.request)))
            .add(
                "POST",
                "/cards/{id}/cardholder/token",
                c -> Reply.of(cardholderTokens.createToken(c.id(0), c.request)))
            .add("GET", "/users/{id}/api-tokens", c -> Reply.of(orgTokens.list(c.id(0), c.request)))
            .add(
                "POST",
                "/users/{id}/api-tokens",
                c -> Reply.of(orgTokens.create(c.id(0), c.request)))
            .add(
                "DELETE",
                "/users/{id}/api-tokens/{id}",
                c -> Reply.of(orgTokens.revoke(c.id(0), c.id(1), c.request)))
            .add("GET", "/identity", c -> Reply.of(api.identity().identity(c.request)))
            .add("GET", "/accounts", bank::accounts)
            .add("GET", "/cards", bank::cards)
            .add("POST", "/cards", bank::createCard)
            .add("GET", "/cards/{id}", bank::card)
            .add("GET", "/customers/{id}", bank::customer)
            .add("POST", "/payments", payments::create)
            .add(
                "GET",
                "/.well-known/jwks.json",
                c -> Reply.of(200, "application/jwk-set+json", keys.toJwkSet()))
            .add("GET", "/health", c -> Reply.of(200, "application/json", "{\"status\":\"up\"}"))
            .add(
                "GET",
                "/metrics",
                c -> Reply.of(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
    if (admin != null) {
      routes.add(
          "GET",
          "/sandbox/messages",
          c -> Reply.of(api.sandboxMessages().messages(c.request, c.customerFilter())));
    }
    if (passkeys != null) {
      passkeys.addTo(routes, api, admin != null);
    }
    if (sandboxIdp != null) {
      routes
          .add(
              "GET",
              "/sandbox/idp/jwks.json",
              c -> Reply.of(200, "application/jwk-set+json", sandboxIdp.jwkSet()))
          .add(
              "POST",
              "/sandbox/idp/token",
              c -> Reply.of(api.sandboxIdentityProvider().token(c.request)));
    }
    return routes;
  }

  /** The OTP engine: the sandbox sender, shared state and key with Redis, the sandbox passcode. */
  private OtpEngine otpEngine(ServerOptions options, SandboxSender sender, SigningKey key) {
    OtpEngineBuilder otpBuilder =
        OtpEngine.builder()
            .brand(options.brand)
            .sender(sender)
            .clock(options.clock)
            .allowedCountryCodes(options.allowedCountryCodes);
    if (redis != null) {
      // Every server on the Redis must read the others' verification tokens and code MACs: they
      // share the signing key, so the OTP master key is derived from it (HKDF, its own label).
      otpBuilder.store(redis.otpStore()).masterKey(key.otpMasterKey());
    }
    OtpEngine otp = otpBuilder.build();
    if (options.sandboxPasscode) {
      otp = new SandboxPasscodeEngine(otp, sender);
    }
    metrics.bind(otp);
    return otp;
  }

  /**
   * Returns the default options: sandbox mode, 127.0.0.1:8080, built-in fixtures, a generated key.
   *
   * @return new options
   */
  public static ServerOptions options() {
    return new ServerOptions();
  }

  /**
   * Starts a server.
   *
   * @param options what to serve and where
   * @return the running server
   * @throws IOException if the fixtures cannot be read or the address cannot be bound
   * @throws IllegalStateException if sandbox mode is off without a signing key, the sandbox
   *     passcode is enabled outside sandbox mode, Redis is asked for without a signing key, or
   *     Redis cannot be reached or evicts keys
   * @throws NullPointerException if {@code options} is null
   */
  public static CustosServer start(ServerOptions options) throws IOException {
    CustosServer server = new CustosServer(Objects.requireNonNull(options, "options").validated());
    try {
      server.http.start();
    } catch (IOException e) {
      server.close();
      throw e;
    } catch (Exception e) {
      server.close();
      throw new IOException("the server could not start: " + e.getMessage(), e);
    }
    return server;
  }

  /**
   * Returns the server's base URI, such as {@code http://127.0.0.1:8080}.
   *
   * @return the base URI, with the port actually bound
   */
  public URI uri() {
    String scheme = options.tlsKeyStore == null ? "http" : "https";
    return URI.create(scheme + "://" + options.bind + ":" + connector.getLocalPort());
  }

  /** Every method and template this server serves, for tests that must cover all of them. */
  List<String> endpoints() {
    return routes.endpoints();
  }

  /**
   * Returns the sandbox org API token holding {@code customers customer-token-write cards-write}.
   *
   * @return the token, or empty outside sandbox mode
   */
  public Optional<String> sandboxOrgToken() {
    return Optional.ofNullable(orgToken);
  }

  /**
   * Returns the sandbox page that enrols a passkey and mints a token with it, on the relying
   * party's first origin (a browser must open it by that name: {@code localhost}, not {@code
   * 127.0.0.1}).
   *
   * @return the page's address, or empty outside sandbox mode or without passkeys
   */
  public Optional<URI> sandboxPasskeyPage() {
    return passkeys == null || admin == null
        ? Optional.empty()
        : Optional.of(URI.create(options.passkeyOrigins[0] + "/sandbox/passkeys"));
  }

  /**
   * Returns the sandbox admin credential of user {@code 1}, who manages org API tokens at {@code
   * /users/1/api-tokens}.
   *
   * @return the credential, or empty outside sandbox mode
   */
  public Optional<String> sandboxAdminCredential() {
    return Optional.ofNullable(admin).map(SandboxAdmin::credential);
  }

  /**
   * Returns the key id of the signing key.
   *
   * @return the PASERK key id
   */
  public String keyId() {
    return keys.signingKey().keyId();
  }

  /**
   * Stops accepting requests, lets those in flight finish (up to the shutdown grace period, 2
   * seconds by default), then stops.
   */
  @Override
  public void close() {
    try {
      // Stops accepting, lets requests in flight finish within the grace period, then stops.
      http.stop();
    } catch (Exception e) {
      log.warn("the HTTP server did not stop cleanly: {}", e.getClass().getName());
    }
    if (redis != null) {
      redis.close();
    }
  }

  /**
   * Revokes a token on this server (and, with Redis, on every server sharing it): the reference
   * server's stand-in for an admin endpoint.
   *
   * @param token the token to revoke
   * @throws ApiException 401 if the token is not valid now
   */
  public void revoke(String token) throws ApiException {
    authorizer.revoke(authorizer.authenticate("Bearer " + token));
  }
}
