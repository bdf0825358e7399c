package dev.custos.server;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.authz.RequestAuthorizer;
import dev.custos.authz.SourceIps;
import dev.custos.customer.CustomerTokenService;
import dev.custos.customer.JwtIdentityProvider;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.CustomerTokenEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.org.CreatedApiToken;
import dev.custos.org.OrgTokenService;
import dev.custos.org.OrgUser;
import dev.custos.otp.OtpEngine;
import dev.custos.redis.CustosRedis;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.TokenRole;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: Custos embedded exactly as a host service would embed it, behind Jetty's
 * core HTTP server (non-blocking I/O, so a slow client holds a connection, not a thread).
 *
 * <p>Endpoints (JSON:API): {@code POST /customers/{id}/token/verification}, {@code POST
 * /customers/{id}/token}, {@code GET /accounts}, {@code GET /cards}, {@code POST /cards}, {@code
 * GET /customers/{id}}, {@code GET /identity}, {@code GET /.well-known/jwks.json}, {@code GET
 * /health}, {@code GET /metrics}, and in sandbox mode {@code GET /sandbox/messages}. Every GET
 * route answers HEAD, every route OPTIONS (a CORS preflight for the configured origins). Every
 * error is a JSON:API error document, those of the HTTP layer (431, 413, malformed URIs) included;
 * one access-log line per request names method, path, status and time, never a token or code.
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
  /** The longest request body read, in bytes. */
  public static final int MAX_BODY_BYTES = CustomerTokenEndpoints.MAX_DOCUMENT_LENGTH;

  private static final Logger log = LoggerFactory.getLogger(CustosServer.class);
  private static final Pattern CUSTOMER_TOKEN = Pattern.compile("/customers/([^/]+)/token");
  private static final Pattern CUSTOMER_VERIFICATION =
      Pattern.compile("/customers/([^/]+)/token/verification");
  private static final Pattern CUSTOMER = Pattern.compile("/customers/([^/]+)");
  private static final Pattern CARD = Pattern.compile("/cards/([^/]+)");
  private static final Pattern USER_TOKENS = Pattern.compile("/users/([^/]+)/api-tokens");
  private static final Pattern USER_TOKEN = Pattern.compile("/users/([^/]+)/api-tokens/([^/]+)");
  private static final String JWKS_PATH = "/.well-known/jwks.json";

  /** The largest request head (request line and headers) read; larger is answered 431. */
  public static final int MAX_HEADER_BYTES = 8 * 1024;

  private static final String HEALTH_PATH = "/health";

  /** The most of an oversized body read (and dropped) so that its 413 arrives intact. */
  private static final long DRAINED_BODY_BYTES = 1024 * 1024;

  private static final String METRICS_PATH = "/metrics";
  private static final Pattern ORIGIN =
      Pattern.compile("https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");

  private final Options options;
  private final Server http;
  private final ServerConnector connector;
  private final ServerMetrics metrics = new ServerMetrics();
  private final KeyRing keys;
  private final TokenMinter minter;
  private final RequestAuthorizer authorizer;
  private final CustomerTokenEndpoints endpoints;
  private final SandboxSender sender;
  private final Fixtures fixtures;
  private final CustosRedis redis;
  private final String orgToken;
  private final String adminCredential;
  private final OrgTokenService orgTokens;
  private final ClientAddress clientAddress;
  private final ConnectionGuard guard;
  private final AtomicLong nextCardId = new AtomicLong(7100);
  private final Scope accounts;
  private final Scope cards;
  private final Scope cardsWrite;
  private final Scope customers;

  private CustosServer(Options options) throws IOException {
    this.options = options;
    this.fixtures = options.fixtures == null ? Fixtures.builtIn() : Fixtures.load(options.fixtures);
    SigningKey key =
        options.signingKey != null
            ? options.signingKey
            : SigningKey.generate(PasetoVersion.V2_PUBLIC);
    this.keys = KeyRing.of(key);
    this.minter =
        TokenMinter.builder().keyRing(keys).issuer(options.issuer).clock(options.clock).build();
    TokenVerifier verifier =
        TokenVerifier.builder().keyRing(keys).issuer(options.issuer).clock(options.clock).build();
    this.sender = new SandboxSender(options.clock, options.sandbox);
    this.redis =
        options.redis == null
            ? null
            : CustosRedis.builder(options.redis).clock(options.clock).connect();
    OtpEngine.Builder otpBuilder =
        OtpEngine.builder()
            .brand(options.brand)
            .sender(sender)
            .clock(options.clock)
            .allowedCountryCodes(options.allowedCountryCodes);
    if (redis != null) {
      // Every server on the Redis must read the others' verification tokens and code MACs: they
      // share the signing key, so the OTP master key is derived from it (HKDF, its own label).
      otpBuilder.store(redis.otpStore()).masterKey(otpMasterKey(key));
    }
    OtpEngine otp = otpBuilder.build();
    if (options.sandboxPasscode) {
      otp = new SandboxPasscodeEngine(otp, sender);
    }
    metrics.bind(otp);
    RequestAuthorizer.Builder authorizerBuilder =
        RequestAuthorizer.builder()
            .verifier(verifier)
            .clock(options.clock)
            .listener(metrics.authorizationListener());
    if (redis != null) {
      authorizerBuilder.revocationStore(redis.revocationStore());
    }
    this.authorizer = authorizerBuilder.build();
    CustomerTokenService.Builder serviceBuilder =
        CustomerTokenService.builder()
            .directory(fixtures.directory)
            .otpEngine(otp)
            .minter(minter)
            .authorizer(authorizer)
            .listener(metrics.tokenListener())
            .clock(options.clock);
    if (options.jwtIssuer != null) {
      serviceBuilder.identityProvider(identityProvider(options, redis));
    }
    CustomerTokenService service = serviceBuilder.build();
    this.endpoints = new CustomerTokenEndpoints(authorizer, service);
    ScopeCatalog catalog = ScopeCatalog.unit();
    this.accounts = catalog.find("accounts").orElseThrow();
    this.cards = catalog.find("cards").orElseThrow();
    this.cardsWrite = catalog.find("cards-write").orElseThrow();
    this.customers = catalog.find("customers").orElseThrow();
    this.orgToken =
        options.sandbox
            ? minter.mint(TokenRequest.org(catalog.parse("customers customer-token-write"))).token()
            : null;
    // The reference server's stand-in for the platform's own user login: one admin credential of
    // user 1, printed in sandbox mode. Org API tokens never count as a user.
    this.adminCredential = options.sandbox ? "admin_" + randomToken() : null;
    OrgTokenService.Builder orgTokenBuilder =
        OrgTokenService.builder().minter(minter).authorizer(authorizer).clock(options.clock);
    if (redis != null) {
      orgTokenBuilder.store(redis.apiTokenStore()); // every server lists and revokes the same
    }
    this.orgTokens = orgTokenBuilder.build();
    this.clientAddress = new ClientAddress(options.trustedProxies);

    int cores = Runtime.getRuntime().availableProcessors();
    // Handlers block on the SMS provider and on Redis, so threads outnumber cores; slow clients do
    // not take threads at all (the selector reads their bytes as they come).
    QueuedThreadPool threads = new QueuedThreadPool(Math.max(32, 16 * cores), 4);
    threads.setName("custos-http");
    this.http = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setRequestHeaderSize(MAX_HEADER_BYTES);
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    if (options.tlsKeyStore == null) {
      this.connector = new ServerConnector(http, 1, 1, new HttpConnectionFactory(config));
    } else {
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setKeyStore(options.tlsKeyStore);
      tls.setKeyStorePassword(new String(options.tlsPassword));
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      // Clients dial the server by IP as often as by name; the certificate is the client's check.
      secure.setSniHostCheck(false);
      secure.setStsMaxAge(Duration.ofDays(365).toSeconds());
      config.addCustomizer(secure);
      this.connector =
          new ServerConnector(
              http,
              1,
              1,
              new SslConnectionFactory(tls, "http/1.1"),
              new HttpConnectionFactory(config));
    }
    connector.setHost(options.bind);
    connector.setPort(options.port);
    connector.setIdleTimeout(options.idleTimeoutMillis);
    http.addConnector(connector);
    http.addBean(new NetworkConnectionLimit(options.maxConnections, connector));
    this.guard =
        new ConnectionGuard(
            options.maxConnectionsPerClient,
            options.requestHeadTimeout,
            options.trustedProxies,
            connector.getScheduler());
    connector.addEventListener(guard);
    http.setErrorHandler(this::httpError);
    http.setHandler(new GracefulHandler(new Api()));
    http.setStopTimeout(options.shutdownGraceSeconds * 1_000L);
  }

  /**
   * Returns the default options: sandbox mode, 127.0.0.1:8080, built-in fixtures, a generated key.
   *
   * @return new options
   */
  public static Options options() {
    return new Options();
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
  public static CustosServer start(Options options) throws IOException {
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

  /**
   * Returns the sandbox org API token holding {@code customers customer-token-write}.
   *
   * @return the token, or empty outside sandbox mode
   */
  public Optional<String> sandboxOrgToken() {
    return Optional.ofNullable(orgToken);
  }

  /**
   * Returns the sandbox admin credential of user {@code 1}, who manages org API tokens at {@code
   * /users/1/api-tokens}.
   *
   * @return the credential, or empty outside sandbox mode
   */
  public Optional<String> sandboxAdminCredential() {
    return Optional.ofNullable(adminCredential);
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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

  /** The platform's identity provider, from a JWKS URL or a JWK Set file. */
  private static JwtIdentityProvider identityProvider(Options options, CustosRedis redis)
      throws IOException {
    JwtIdentityProvider.Builder b =
        JwtIdentityProvider.builder(options.jwtIssuer)
            .audience(options.jwtAudience)
            .maxAge(options.jwtMaxAge)
            .clock(options.clock);
    if (redis != null) {
      b.replayStore(redis.jwtReplayStore()); // a JWT is used once across every server
    }
    String jwks = options.jwtJwks;
    if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
      b.jwksUri(URI.create(jwks));
    } else {
      try {
        b.jwkSet(java.nio.file.Files.readString(Path.of(jwks), StandardCharsets.UTF_8));
      } catch (java.nio.file.NoSuchFileException e) {
        throw new IOException("cannot read JWK Set file " + jwks + ": no such file", e);
      }
    }
    return b.build();
  }

  /** The OTP master key of servers sharing a Redis: HKDF-SHA256 of the signing key's PASERK. */
  private static byte[] otpMasterKey(SigningKey key) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(
        new HKDFParameters(
            key.exportSecretPaserk().getBytes(StandardCharsets.US_ASCII),
            null,
            "custos server otp master key v1".getBytes(StandardCharsets.US_ASCII)));
    byte[] master = new byte[32];
    hkdf.generateBytes(master, 0, master.length);
    return master;
  }

  private static final List<String> GET = List.of("GET");
  private static final List<String> POST = List.of("POST");
  private static final List<String> GET_POST = List.of("GET", "POST");
  private static final List<String> DELETE = List.of("DELETE");

  /**
   * A path the server serves: its template (the metric label, never an id from the path) and the
   * methods it takes (HEAD and OPTIONS besides).
   */
  private record Route(Pattern pattern, String template, List<String> methods) {}

  private static final List<Route> ROUTES_WITH_IDS =
      List.of(
          new Route(CUSTOMER_VERIFICATION, "/customers/{id}/token/verification", POST),
          new Route(CUSTOMER_TOKEN, "/customers/{id}/token", POST),
          new Route(CUSTOMER, "/customers/{id}", GET),
          new Route(CARD, "/cards/{id}", GET),
          new Route(USER_TOKENS, "/users/{id}/api-tokens", GET_POST),
          new Route(USER_TOKEN, "/users/{id}/api-tokens/{id}", DELETE));

  /** The route of a path, or null for no such path. */
  private Route routeOf(String path) {
    List<String> fixed =
        switch (path) {
          case JWKS_PATH, HEALTH_PATH, METRICS_PATH, "/accounts", "/identity" -> GET;
          case "/cards" -> GET_POST;
          case "/sandbox/messages" -> options.sandbox ? GET : null;
          default -> null;
        };
    if (fixed != null) {
      return new Route(null, path, fixed);
    }
    for (Route route : ROUTES_WITH_IDS) {
      if (route.pattern().matcher(path).matches()) {
        return route;
      }
    }
    return null;
  }

  /** One request as the routes see it. Holds the Authorization header: no toString of its own. */
  private static final class Call {
    final String method;
    final String path;
    final String query;
    final String authorization;
    final String body;
    final InetAddress client;

    Call(
        String method,
        String path,
        String query,
        String authorization,
        String body,
        InetAddress client) {
      this.method = method;
      this.path = path;
      this.query = query;
      this.authorization = authorization;
      this.body = body;
      this.client = client;
    }
  }

  /** The client's address, for org tokens' {@code sourceIp}; null if it cannot be told. */
  private InetAddress clientOf(Request request) {
    return clientAddress.of(
        Request.getRemoteAddr(request),
        request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR));
  }

  /** Every request: method and media checks, the body read without holding a thread, the route. */
  private final class Api extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      long start = System.nanoTime();
      guard.headArrived(request);
      String method = request.getMethod();
      String path = request.getHttpURI().getPath();
      Route route = routeOf(path);
      try {
        if (route == null) {
          throw notFound();
        }
        List<String> methods = route.methods();
        if (method.equals("OPTIONS")) {
          preflight(request, response, methods);
          send(request, response, callback, new Reply(204, Map.of(), ""), start);
          return true;
        }
        boolean head = method.equals("HEAD") && methods.contains("GET");
        String effective = head ? "GET" : method;
        if (!methods.contains(effective)) {
          response.getHeaders().put(HttpHeader.ALLOW, allowHeader(methods));
          throw new ApiException(
              ApiError.of(ApiErrorCode.METHOD_NOT_ALLOWED, "use " + String.join(" or ", methods))
                  .withMeta(Map.of("allow", String.join(", ", methods))));
        }
        if (!effective.equals("POST")) {
          dispatch(request, response, callback, start, effective, null);
          return true;
        }
        requireJsonApi(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (request.getLength() > MAX_BODY_BYTES) {
          if (request.getLength() > DRAINED_BODY_BYTES) {
            throw tooLarge(); // not worth reading: answered, then the connection closes
          }
          // Read and dropped first: a connection closed on unread bytes resets, and the client
          // may lose the 413 before reading it.
          Reply refusal = Reply.of(JsonApiResponse.error(tooLarge().error()));
          Content.Source.consumeAll(
              request,
              Callback.from(
                  () -> send(request, response, callback, refusal, start),
                  failure -> send(request, response, callback, refusal, start)));
          return true;
        }
        // Read without holding a thread while a slow client sends; route once it is all here.
        Content.Source.asByteArrayAsync(
            request,
            MAX_BODY_BYTES,
            new Promise.Invocable<byte[]>() {
              @Override
              public void succeeded(byte[] bytes) {
                String body;
                try {
                  body =
                      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                } catch (CharacterCodingException e) {
                  send(
                      request,
                      response,
                      callback,
                      Reply.of(
                          JsonApiResponse.error(
                              ApiError.of(
                                      ApiErrorCode.INVALID_VALUE, "the request body is not UTF-8")
                                  .atMember())),
                      start);
                  return;
                }
                dispatch(request, response, callback, start, effective, body);
              }

              @Override
              public void failed(Throwable failure) {
                send(request, response, callback, Reply.of(bodyFailure(failure)), start);
              }

              @Override
              public InvocationType getInvocationType() {
                // The routes block (the SMS provider, Redis): never run them on a selector thread.
                return InvocationType.BLOCKING;
              }
            });
      } catch (ApiException e) {
        send(request, response, callback, Reply.of(JsonApiResponse.error(e.error())), start);
      }
      return true;
    }
  }

  private void dispatch(
      Request request,
      Response response,
      Callback callback,
      long start,
      String method,
      String body) {
    String path = request.getHttpURI().getPath();
    Reply reply;
    try {
      if (path.equals(JWKS_PATH)) {
        reply = new Reply(200, Map.of("Content-Type", "application/jwk-set+json"), keys.toJwkSet());
      } else if (path.equals(METRICS_PATH)) {
        reply =
            new Reply(
                200,
                Map.of("Content-Type", "text/plain; version=0.0.4; charset=utf-8"),
                metrics.scrape());
      } else if (path.equals(HEALTH_PATH)) {
        reply = new Reply(200, Map.of("Content-Type", "application/json"), "{\"status\":\"up\"}");
      } else {
        Call call =
            new Call(
                method,
                path,
                request.getHttpURI().getQuery(),
                request.getHeaders().get(HttpHeader.AUTHORIZATION),
                body,
                clientOf(request));
        reply = Reply.of(route(call));
      }
    } catch (ApiException e) {
      reply = Reply.of(JsonApiResponse.error(e.error()));
    } catch (RuntimeException e) {
      log.error(
          "internal error on {} {}: {}", loggable(method), loggable(path), e.getClass().getName());
      reply =
          Reply.of(
              JsonApiResponse.error(
                  ApiError.of(ApiErrorCode.INTERNAL_ERROR, "the server failed to answer")));
    }
    send(request, response, callback, reply, start);
  }

  /** Writes a reply with the headers every response carries, and logs it. */
  private void send(
      Request request, Response response, Callback callback, Reply reply, long start) {
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    HttpFields.Mutable headers = response.getHeaders();
    reply.headers().forEach(headers::put);
    // Tokens and verification tokens travel in bodies: no cache may keep any of them.
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    cors(request, headers);
    response.setStatus(reply.status());
    if (reply.status() != 204) {
      headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    }
    boolean head = request.getMethod().equals("HEAD") || body.length == 0;
    response.write(true, head ? null : ByteBuffer.wrap(body), callback);
    String path = request.getHttpURI().getPath();
    Route route = routeOf(path);
    metrics.request(
        route == null ? "unmatched" : route.template(),
        request.getMethod(),
        reply.status(),
        System.nanoTime() - start);
    log.info(
        "{} {} {} {}ms",
        loggable(request.getMethod()),
        loggable(request.getHttpURI().getPath()),
        reply.status(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** CORS for the configured origins only: never a wildcard, nothing for other origins. */
  private void cors(Request request, HttpFields.Mutable headers) {
    if (options.corsOrigins.isEmpty()) {
      return;
    }
    headers.add(HttpHeader.VARY, "Origin");
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null && options.corsOrigins.contains(origin)) {
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      headers.put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, "Retry-After, WWW-Authenticate");
    }
  }

  /** OPTIONS: the route's methods, and for an allowed origin what a preflight needs. */
  private void preflight(Request request, Response response, List<String> methods) {
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.ALLOW, allowHeader(methods));
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null
        && options.corsOrigins.contains(origin)
        && request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null) {
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, String.join(", ", methods));
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type");
      headers.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
    }
  }

  private static String allowHeader(List<String> methods) {
    List<String> all = new ArrayList<>(methods);
    if (methods.contains("GET")) {
      all.add("HEAD");
    }
    all.add("OPTIONS");
    return String.join(", ", all);
  }

  /**
   * The JSON:API media type exactly, as the spec requires: {@code application/vnd.api+json} with no
   * parameters but {@code ext} and {@code profile}. A request without a type is read as one.
   */
  static void requireJsonApi(String contentType) throws ApiException {
    if (contentType == null) {
      return;
    }
    String[] parts = contentType.split(";", -1);
    boolean ok = parts[0].trim().equalsIgnoreCase(JsonApiResponse.MEDIA_TYPE);
    for (int i = 1; ok && i < parts.length; i++) {
      String name = parts[i].split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
      ok = name.equals("ext") || name.equals("profile");
    }
    if (!ok) {
      throw new ApiException(
          ApiError.of(
              ApiErrorCode.UNSUPPORTED_MEDIA_TYPE,
              "send "
                  + JsonApiResponse.MEDIA_TYPE
                  + " without media type parameters other than ext and profile"));
    }
  }

  private static ApiException tooLarge() {
    return new ApiException(
        ApiError.of(
            ApiErrorCode.PAYLOAD_TOO_LARGE,
            "the request body is longer than " + MAX_BODY_BYTES + " bytes"));
  }

  /** A body that could not be read: over the bound, or the client went away. */
  private static JsonApiResponse bodyFailure(Throwable failure) {
    return JsonApiResponse.error(tooLarge().error());
  }

  /** Errors raised by Jetty itself (a head too large, a malformed URI), as JSON:API documents. */
  private boolean httpError(Request request, Response response, Callback callback) {
    int status =
        request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : 500;
    ApiError error =
        switch (status) {
          case 431 ->
              ApiError.of(
                  ApiErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE,
                  "the request line and headers are longer than " + MAX_HEADER_BYTES + " bytes");
          case 413 -> tooLarge().error();
          case 404 -> notFound().error();
          case 400 -> ApiError.of(ApiErrorCode.INVALID_VALUE, "the request is malformed");
          default ->
              status >= 500
                  ? ApiError.of(ApiErrorCode.INTERNAL_ERROR, "the server failed to answer")
                  : ApiError.of(ApiErrorCode.INVALID_VALUE, "the request was refused");
        };
    JsonApiResponse json = JsonApiResponse.error(error);
    byte[] body = json.body().getBytes(StandardCharsets.UTF_8);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, JsonApiResponse.MEDIA_TYPE);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.setStatus(error.status());
    response.write(true, ByteBuffer.wrap(body), callback);
    log.info("{} {} {} (refused by the HTTP layer)", "-", "-", error.status());
    return true;
  }

  /**
   * What a client sent, fit for one log line: control characters (a newline would forge a line, an
   * escape sequence repaint a terminal) and anything outside printable ASCII become {@code
   * \\uXXXX}, and it is cut at 200 characters.
   */
  static String loggable(String text) {
    if (text == null) {
      return "-";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), 200) + 16);
    for (int i = 0; i < text.length() && out.length() < 200; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '\\') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (out.length() >= 200 && text.length() > 200) {
      out.append("...");
    }
    return out.toString();
  }

  /** What goes back on the wire: a JSON:API response, or a body of another media type. */
  private record Reply(int status, Map<String, String> headers, String body) {
    static Reply of(JsonApiResponse response) {
      return new Reply(response.status(), response.headers(), response.body());
    }
  }

  private JsonApiResponse route(Call call) throws ApiException {
    String method = call.method;
    String path = call.path;
    String authorization = call.authorization;
    Matcher m;
    if ((m = CUSTOMER_VERIFICATION.matcher(path)).matches()) {
      return endpoints.createVerification(
          authorization, call.client, decode(m.group(1)), call.body);
    }
    if ((m = CUSTOMER_TOKEN.matcher(path)).matches()) {
      return endpoints.createToken(authorization, call.client, decode(m.group(1)), call.body);
    }
    if ((m = USER_TOKENS.matcher(path)).matches()) {
      OrgUser user = orgUser(authorization);
      String userId = decode(m.group(1));
      if (method.equals("POST")) {
        CreatedApiToken created =
            orgTokens.create(user, userId, ApiTokenDocuments.parse(call.body));
        return JsonApiResponse.ok(201, ApiTokenDocuments.created(created));
      }
      return JsonApiResponse.ok(200, ApiTokenDocuments.list(orgTokens.list(user, userId)));
    }
    if ((m = USER_TOKEN.matcher(path)).matches()) {
      orgTokens.revoke(orgUser(authorization), decode(m.group(1)), decode(m.group(2)));
      return JsonApiResponse.ok(200, "{\"meta\":{\"revoked\":true}}");
    }
    if ((m = CARD.matcher(path)).matches()) {
      return oneCard(authorizer.authenticate(authorization, call.client), decode(m.group(1)));
    }
    if ((m = CUSTOMER.matcher(path)).matches()) {
      return customer(authorizer.authenticate(authorization, call.client), decode(m.group(1)));
    }
    switch (path) {
      case "/identity" -> {
        return endpoints.identity(authorization, call.client);
      }
      case "/accounts" -> {
        VerifiedToken caller = authorizer.authenticate(authorization, call.client);
        Optional<String> only =
            authorizer.customerFilter(caller, accounts, customerFilter(call.query));
        List<Object> data = new ArrayList<>();
        for (Fixtures.Account a : fixtures.accounts.values()) {
          if ((only.isEmpty() || only.get().equals(a.customerId()))
              && caller.resources().allowsAccount(a.id())) {
            data.add(
                resource(
                    "depositAccount",
                    a.id(),
                    a.attributes(),
                    Map.of("customer", ref("customer", a.customerId()))));
          }
        }
        return JsonApiResponse.ok(200, JSONObjectUtils.toJSONString(Map.of("data", data)));
      }
      case "/cards" -> {
        VerifiedToken caller = authorizer.authenticate(authorization, call.client);
        if (method.equals("POST")) {
          return createCard(caller, call.body);
        }
        Optional<String> only =
            authorizer.customerFilter(caller, cards, customerFilter(call.query));
        List<Object> data = new ArrayList<>();
        for (Fixtures.Card c : fixtures.cards) {
          if ((only.isEmpty() || only.get().equals(c.customerId()))
              && caller.resources().allowsCard(c.id(), c.accountId())) {
            data.add(card(c));
          }
        }
        return JsonApiResponse.ok(200, JSONObjectUtils.toJSONString(Map.of("data", data)));
      }
      case "/sandbox/messages" -> {
        if (!options.sandbox) {
          throw notFound();
        }
        VerifiedToken caller = authorizer.authenticate(authorization, call.client);
        if (caller.role() != TokenRole.ORG) {
          // A code read back with the token it would upgrade is no second factor at all.
          throw new ApiException(
              ApiError.of(ApiErrorCode.FORBIDDEN, "sandbox messages need an org API token"));
        }
        Optional<String> only =
            authorizer.customerFilter(caller, customers, customerFilter(call.query));
        List<Object> data = new ArrayList<>();
        for (SandboxSender.Delivered d : sender.messages(only.orElse(null))) {
          Map<String, Object> attributes = new LinkedHashMap<>();
          attributes.put("customerId", d.customerId());
          attributes.put("channel", d.channel().name().toLowerCase(Locale.ROOT));
          attributes.put("to", d.to());
          attributes.put("language", d.language());
          attributes.put("body", d.body());
          attributes.put("sentAt", d.sentAt().toString());
          data.add(resource("sandboxMessage", Long.toString(d.id()), attributes, Map.of()));
        }
        return JsonApiResponse.ok(200, JSONObjectUtils.toJSONString(Map.of("data", data)));
      }
      default -> throw notFound();
    }
  }

  private JsonApiResponse customer(VerifiedToken caller, String id) throws ApiException {
    authorizer.authorize(caller, customers, id);
    Fixtures.Profile profile = fixtures.profiles.get(id);
    if (profile == null) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.CUSTOMER_NOT_FOUND, "no customer with this id"));
    }
    return JsonApiResponse.ok(
        200,
        JSONObjectUtils.toJSONString(
            Map.of(
                "data", resource(profile.type(), profile.id(), profile.attributes(), Map.of()))));
  }

  /**
   * The org user behind a request: in the reference server, only the sandbox admin credential
   * (compared in constant time). Any other bearer, an org API token included, is no user.
   */
  private OrgUser orgUser(String authorization) throws ApiException {
    if (authorization == null) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.UNAUTHORIZED, "the Authorization header is missing")
              .withAuthenticate("Bearer"));
    }
    String given = authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
    if (adminCredential != null
        && java.security.MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8),
            adminCredential.getBytes(StandardCharsets.UTF_8))) {
      return OrgUser.admin("1");
    }
    throw new ApiException(
        ApiError.of(ApiErrorCode.FORBIDDEN, "API tokens are managed by admin users only"));
  }

  /** One card: a card of another customer, or outside the token's resources, does not exist. */
  private JsonApiResponse oneCard(VerifiedToken caller, String id) throws ApiException {
    Fixtures.Card found = null;
    for (Fixtures.Card c : fixtures.cards) {
      if (c.id().equals(id)) {
        found = c;
      }
    }
    if (found == null) {
      authorizer.customerFilter(caller, cards, null); // the scope is checked first, as for a hit
      throw notFound();
    }
    authorizer.authorizeCard(caller, cards, found.customerId(), found.id(), found.accountId());
    return JsonApiResponse.ok(200, JSONObjectUtils.toJSONString(Map.of("data", card(found))));
  }

  /** Create Individual Debit Card, as in the spec's second how-to guide. */
  private JsonApiResponse createCard(VerifiedToken caller, String body) throws ApiException {
    // The scope first: a token that may not create cards learns nothing about which accounts
    // exist. Then a missing account and another customer's account are answered alike.
    Optional<String> own = authorizer.customerFilter(caller, cardsWrite, null);
    Map<String, Object> data = null;
    if (body != null && ApiTokenDocuments.read(body).get("data") instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      data = object;
    }
    if (data == null) {
      throw new ApiException(
          ApiError.of(
                  ApiErrorCode.INVALID_VALUE,
                  "the request body must be a JSON:API document with data")
              .atMember());
    }
    if (!"individualDebitCard".equals(data.get("type"))) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.INVALID_VALUE, "data.type must be individualDebitCard")
              .atMember("data", "type"));
    }
    String accountId = accountId(data);
    Fixtures.Account account = fixtures.accounts.get(accountId);
    if (account == null || (own.isPresent() && !own.get().equals(account.customerId()))) {
      throw notFound();
    }
    authorizer.authorizeAccount(caller, cardsWrite, account.customerId(), account.id());
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("last4Digits", String.format("%04d", nextCardId.get() % 10_000));
    attributes.put("expirationDate", YearMonth.now(options.clock).plusYears(4).toString());
    attributes.put("status", "Active");
    if (data.get("attributes") instanceof Map<?, ?> given && given.get("shippingAddress") != null) {
      attributes.put("shippingAddress", shippingAddress(given.get("shippingAddress")));
    }
    Fixtures.Card card =
        new Fixtures.Card(
            Long.toString(nextCardId.incrementAndGet()),
            "individualDebitCard",
            account.id(),
            account.customerId(),
            attributes);
    fixtures.cards.add(card);
    return JsonApiResponse.ok(201, JSONObjectUtils.toJSONString(Map.of("data", card(card))));
  }

  private static final Set<String> ADDRESS_FIELDS =
      Set.of("street", "street2", "city", "state", "postalCode", "country");

  /** A shipping address of the spec's fields only, each a string of at most 100 characters. */
  private static Map<String, Object> shippingAddress(Object value) throws ApiException {
    if (!(value instanceof Map<?, ?> address)) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.INVALID_VALUE, "shippingAddress must be an object")
              .atAttribute("shippingAddress"));
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<?, ?> field : address.entrySet()) {
      String name = String.valueOf(field.getKey());
      if (!ADDRESS_FIELDS.contains(name)) {
        throw new ApiException(
            ApiError.of(ApiErrorCode.INVALID_VALUE, "unknown member")
                .atAttribute("shippingAddress", name));
      }
      if (!(field.getValue() instanceof String text) || text.isEmpty() || text.length() > 100) {
        throw new ApiException(
            ApiError.of(
                    ApiErrorCode.INVALID_VALUE, name + " must be a string of 1 to 100 characters")
                .atAttribute("shippingAddress", name));
      }
      kept.put(name, text);
    }
    return kept;
  }

  private static String accountId(Map<String, Object> data) throws ApiException {
    Object id = null;
    if (data.get("relationships") instanceof Map<?, ?> relationships
        && relationships.get("account") instanceof Map<?, ?> account
        && account.get("data") instanceof Map<?, ?> ref) {
      id = ref.get("id");
    }
    if (!(id instanceof String accountId)) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.INVALID_VALUE, "the account relationship is required")
              .atMember("data", "relationships", "account", "data", "id"));
    }
    return accountId;
  }

  private static Map<String, Object> card(Fixtures.Card c) {
    return resource(
        c.type(),
        c.id(),
        c.attributes(),
        Map.of(
            "account",
            ref("depositAccount", c.accountId()),
            "customer",
            ref("customer", c.customerId())));
  }

  private static Map<String, Object> resource(
      String type, String id, Map<String, Object> attributes, Map<String, Object> relationships) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("type", type);
    resource.put("id", id);
    resource.put("attributes", attributes);
    if (!relationships.isEmpty()) {
      resource.put("relationships", relationships);
    }
    return resource;
  }

  private static Map<String, Object> ref(String type, String id) {
    return Map.of("data", Map.of("type", type, "id", id));
  }

  private static String customerFilter(String query) throws ApiException {
    if (query == null) {
      return null;
    }
    String value = null;
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (name.equals("filter[customerId]")) {
        value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return value;
  }

  private static String decode(String s) throws ApiException {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiException(ApiError.of(ApiErrorCode.INVALID_VALUE, "malformed URL encoding"));
    }
  }

  private static ApiException notFound() {
    return new ApiException(ApiError.of(ApiErrorCode.NOT_FOUND, "no such resource"));
  }

  /** Where and how a {@link CustosServer} runs. Not thread-safe. */
  public static final class Options {
    String bind = "127.0.0.1";
    int port = 8080;
    Path fixtures;

    /** Null until set: sandbox mode then follows the key (on with a generated key only). */
    Boolean sandbox;

    String[] allowedCountryCodes = new String[0];
    boolean sandboxPasscode;
    SigningKey signingKey;
    String issuer = "custos-sandbox";
    String brand = "Unit";
    String redis;
    Clock clock = Clock.systemUTC();
    int shutdownGraceSeconds = 2;
    Set<String> corsOrigins = Set.of();
    KeyStore tlsKeyStore;
    char[] tlsPassword;
    String jwtIssuer;
    String jwtJwks;
    String jwtAudience;
    Duration jwtMaxAge = Duration.ofMinutes(5);
    SourceIps trustedProxies;
    long idleTimeoutMillis = 30_000;
    int maxConnections = 1_000;
    int maxConnectionsPerClient = 50;
    Duration requestHeadTimeout = Duration.ofSeconds(10);

    private Options() {}

    /**
     * Lets browser front ends of these origins call the API (CORS): responses to them carry {@code
     * Access-Control-Allow-Origin} with the origin itself, and OPTIONS preflights allow {@code
     * Authorization} and {@code Content-Type} with the route's methods. None by default: no CORS
     * header at all; never a wildcard.
     *
     * @param origins origins such as {@code https://app.example.com}: scheme, host and an optional
     *     port, nothing else
     * @return these options
     * @throws IllegalArgumentException if an origin is not of that form, or is {@code *}
     * @throws NullPointerException if the array or an origin is null
     */
    public Options corsOrigins(String... origins) {
      Set<String> checked = new java.util.LinkedHashSet<>();
      for (String origin : origins) {
        Objects.requireNonNull(origin, "origin");
        if (!ORIGIN.matcher(origin).matches()) {
          throw new IllegalArgumentException(
              "a CORS origin is scheme://host[:port], such as https://app.example.com; was "
                  + loggable(origin));
        }
        checked.add(origin);
      }
      this.corsOrigins = Set.copyOf(checked);
      return this;
    }

    /**
     * Accepts JWTs of the platform's identity provider in place of one-time codes (Unit's {@code
     * jwtToken}): RS256-signed by a key of its JWK Set, of this issuer, for this audience, fresh
     * ({@link #jwtMaxAge}), used once (across servers with {@link #redis}), naming a customer's (or
     * an authorized user's) {@code jwtSubject} from the fixtures. Off by default.
     *
     * @param issuer the provider's {@code iss}
     * @param jwks the provider's JWKS URL ({@code https://...}), or a JWK Set file
     * @param audience the {@code aud} the provider puts in JWTs for this application
     * @return these options
     * @throws NullPointerException if an argument is null
     */
    public Options jwtIdentityProvider(String issuer, String jwks, String audience) {
      this.jwtIssuer = Objects.requireNonNull(issuer, "issuer");
      this.jwtJwks = Objects.requireNonNull(jwks, "jwks");
      this.jwtAudience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /**
     * Sets how long after its {@code iat} an identity provider's JWT is accepted; 5 minutes by
     * default.
     *
     * @param maxAge 1 second to 1 hour
     * @return these options
     * @throws IllegalArgumentException if out of range
     * @throws NullPointerException if {@code maxAge} is null
     */
    public Options jwtMaxAge(Duration maxAge) {
      JwtIdentityProvider.builder("check").maxAge(maxAge); // validates
      this.jwtMaxAge = maxAge;
      return this;
    }

    /**
     * Trusts these proxies to name the client in {@code X-Forwarded-For} (for org tokens' {@code
     * sourceIp}); none by default, when only the connection's address counts.
     *
     * @param cidrs addresses and CIDR blocks of the proxies
     * @return these options
     * @throws IllegalArgumentException if an entry is not an address or block
     * @throws NullPointerException if the array or an entry is null
     */
    public Options trustedProxies(String... cidrs) {
      for (String cidr : cidrs) {
        Objects.requireNonNull(cidr, "cidr");
      }
      this.trustedProxies = cidrs.length == 0 ? null : SourceIps.parse(String.join(",", cidrs));
      return this;
    }

    /**
     * Serves HTTPS with the key and certificate chain of a keystore (see {@link #tlsPkcs12(Path,
     * char[])} and {@link #tlsPem(Path, Path)} for files); plain HTTP by default. With TLS every
     * response also carries {@code Strict-Transport-Security} (one year).
     *
     * @param keyStore a keystore holding one private key entry and its chain
     * @param password the key's password, copied; clear your array after the call
     * @return these options
     * @throws NullPointerException if an argument is null
     */
    public Options tls(KeyStore keyStore, char[] password) {
      this.tlsKeyStore = Objects.requireNonNull(keyStore, "keyStore");
      this.tlsPassword = Objects.requireNonNull(password, "password").clone();
      return this;
    }

    /**
     * Serves HTTPS from a PKCS#12 keystore file.
     *
     * @param file the keystore, holding one private key entry and its certificate chain
     * @param password the keystore's password (read it from the environment or a file, never from a
     *     command line)
     * @return these options
     * @throws IOException if the file cannot be read, is not PKCS#12, the password is wrong, or it
     *     holds no private key
     * @throws NullPointerException if an argument is null
     */
    public Options tlsPkcs12(Path file, char[] password) throws IOException {
      return tls(
          TlsKeys.pkcs12(Objects.requireNonNull(file, "file"), password),
          Objects.requireNonNull(password, "password"));
    }

    /**
     * Serves HTTPS from PEM files: a certificate chain (the server's first) and an unencrypted
     * PKCS#8 private key ({@code BEGIN PRIVATE KEY}; RSA, EC or Ed25519).
     *
     * @param certificates the certificate chain
     * @param privateKey the private key
     * @return these options
     * @throws IOException if a file cannot be read or is not of that form, or the key does not fit
     *     the certificate
     * @throws NullPointerException if an argument is null
     */
    public Options tlsPem(Path certificates, Path privateKey) throws IOException {
      char[] password = new char[0];
      return tls(
          TlsKeys.pem(
              Objects.requireNonNull(certificates, "certificates"),
              Objects.requireNonNull(privateKey, "privateKey"),
              password),
          password);
    }

    /**
     * Sets how long a connection may stay silent (a request half sent, or none at all) before it is
     * closed; 30 seconds by default.
     *
     * @param millis 100 ms to 10 minutes
     * @return these options
     * @throws IllegalArgumentException if out of range
     */
    public Options idleTimeoutMillis(long millis) {
      if (millis < 100 || millis > 600_000) {
        throw new IllegalArgumentException("idle timeout must be 100 ms to 10 minutes");
      }
      this.idleTimeoutMillis = millis;
      return this;
    }

    /**
     * Sets how many connections are open at most; beyond it the server stops accepting until one
     * closes; 1,000 by default.
     *
     * @param max 1 to 100,000
     * @return these options
     * @throws IllegalArgumentException if out of range
     */
    public Options maxConnections(int max) {
      if (max < 1 || max > 100_000) {
        throw new IllegalArgumentException("max connections must be 1 to 100000");
      }
      this.maxConnections = max;
      return this;
    }

    /**
     * Sets how many connections one client address may hold open; a connection beyond it is closed
     * as soon as it opens. Trusted proxies ({@link #trustedProxies}) are exempt, as every client
     * behind one shares its address. 50 by default.
     *
     * @param max 1 to 100,000
     * @return these options
     * @throws IllegalArgumentException if out of range
     */
    public Options maxConnectionsPerClient(int max) {
      if (max < 1 || max > 100_000) {
        throw new IllegalArgumentException("max connections per client must be 1 to 100000");
      }
      this.maxConnectionsPerClient = max;
      return this;
    }

    /**
     * Sets how long a connection may take to send a whole request head (request line and headers),
     * from its opening or from the end of its previous exchange; a connection that has not by then
     * is closed. 10 seconds by default.
     *
     * @param timeout 100 ms to 10 minutes
     * @return these options
     * @throws IllegalArgumentException if out of range
     * @throws NullPointerException if {@code timeout} is null
     */
    public Options requestHeadTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.toMillis() < 100 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("request head timeout must be 100 ms to 10 minutes");
      }
      this.requestHeadTimeout = timeout;
      return this;
    }

    /**
     * Sets how long {@link CustosServer#close()} waits for requests in flight; 2 seconds by
     * default.
     *
     * @param seconds 0 to 60
     * @return these options
     * @throws IllegalArgumentException if out of range
     */
    public Options shutdownGrace(int seconds) {
      if (seconds < 0 || seconds > 60) {
        throw new IllegalArgumentException("shutdown grace must be 0 to 60 seconds");
      }
      this.shutdownGraceSeconds = seconds;
      return this;
    }

    /**
     * Sets the address to bind; 127.0.0.1 by default.
     *
     * @param bind an IP address or host name
     * @return these options
     * @throws NullPointerException if {@code bind} is null
     */
    public Options bind(String bind) {
      this.bind = Objects.requireNonNull(bind, "bind");
      return this;
    }

    /**
     * Sets the port; 8080 by default, 0 for any free port.
     *
     * @param port 0 to 65535
     * @return these options
     * @throws IllegalArgumentException if out of range
     */
    public Options port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Reads customers, accounts and cards from a JSON file instead of the built-in fixtures.
     *
     * @param file a fixtures file of the built-in one's shape
     * @return these options
     * @throws NullPointerException if {@code file} is null
     */
    public Options fixtures(Path file) {
      this.fixtures = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Turns sandbox mode on or off. Sandbox mode keeps "delivered" codes for {@code GET
     * /sandbox/messages} and mints a sandbox org token; outside it the server has no SMS provider
     * and needs a signing key. By default it is on with a generated key and off with a given one: a
     * real key never serves codes or prints an org token unless asked to.
     *
     * @param sandbox whether to run in sandbox mode
     * @return these options
     */
    public Options sandbox(boolean sandbox) {
      this.sandbox = sandbox;
      return this;
    }

    /**
     * Accepts Unit's sandbox passcode {@code 000001} for any pending verification (sandbox only).
     *
     * @param enabled whether to accept it
     * @return these options
     */
    public Options sandboxPasscode(boolean enabled) {
      this.sandboxPasscode = enabled;
      return this;
    }

    /**
     * Signs with the given key instead of one generated at start.
     *
     * @param key the signing key
     * @return these options
     * @throws NullPointerException if {@code key} is null
     */
    public Options signingKey(SigningKey key) {
      this.signingKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * Sets the tokens' issuer; {@code custos-sandbox} by default.
     *
     * @param issuer the issuer
     * @return these options
     * @throws NullPointerException if {@code issuer} is null
     */
    public Options issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * Sets the one time source of every component: token times, verification expiry, send windows
     * and lockouts; {@link Clock#systemUTC()} by default.
     *
     * @param clock the clock
     * @return these options
     * @throws NullPointerException if {@code clock} is null
     */
    public Options clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Shares verification, limit and revocation state through Redis, so that several servers act as
     * one; needs a {@link #signingKey} shared by all of them.
     *
     * @param redisUri a {@code redis://} or {@code rediss://} URI
     * @return these options
     * @throws NullPointerException if {@code redisUri} is null
     */
    public Options redis(String redisUri) {
      this.redis = Objects.requireNonNull(redisUri, "redisUri");
      return this;
    }

    /**
     * Restricts one-time codes to phone numbers of these country calling codes (against SMS pumping
     * to premium numbers abroad); every country by default.
     *
     * @param countryCodes calling codes such as {@code 1} or {@code 34}
     * @return these options
     * @throws IllegalArgumentException if a code is not 1 to 3 digits without a leading 0
     * @throws NullPointerException if the array or a code is null
     */
    public Options allowedCountryCodes(String... countryCodes) {
      OtpEngine.builder().allowedCountryCodes(countryCodes); // validates
      this.allowedCountryCodes = countryCodes.clone();
      return this;
    }

    /** Checks the options belong together. */
    Options validated() {
      if (sandbox == null) {
        sandbox = signingKey == null;
      }
      if (redis != null && signingKey == null) {
        throw new IllegalStateException(
            "--redis needs --key: servers sharing state must share their signing key");
      }
      if (!sandbox && signingKey == null) {
        throw new IllegalStateException("outside sandbox mode a signing key file is required");
      }
      if (sandboxPasscode && !sandbox) {
        throw new IllegalStateException("the sandbox passcode is available in sandbox mode only");
      }
      return this;
    }
  }
}
