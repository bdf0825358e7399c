package dev.custos.server;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.CustomerTokenService;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.CustomerTokenEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
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
import dev.custos.token.json.StrictJson;
import dev.custos.token.json.StrictJsonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: Custos embedded exactly as a host service would embed it, behind the JDK's
 * HTTP server.
 *
 * <p>Endpoints (JSON:API): {@code POST /customers/{id}/token/verification}, {@code POST
 * /customers/{id}/token}, {@code GET /accounts}, {@code GET /cards}, {@code POST /cards}, {@code
 * GET /customers/{id}}, {@code GET /.well-known/jwks.json}, and in sandbox mode {@code GET
 * /sandbox/messages}. Every error is a JSON:API error document; one access-log line per request
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
  /** The longest request body read, in bytes. */
  public static final int MAX_BODY_BYTES = CustomerTokenEndpoints.MAX_DOCUMENT_LENGTH;

  private static final Logger log = LoggerFactory.getLogger(CustosServer.class);
  private static final Pattern CUSTOMER_TOKEN = Pattern.compile("/customers/([^/]+)/token");
  private static final Pattern CUSTOMER_VERIFICATION =
      Pattern.compile("/customers/([^/]+)/token/verification");
  private static final Pattern CUSTOMER = Pattern.compile("/customers/([^/]+)");
  private static final String JWKS_PATH = "/.well-known/jwks.json";

  private final Options options;
  private final HttpServer http;
  private final ExecutorService executor;
  private final KeyRing keys;
  private final TokenMinter minter;
  private final RequestAuthorizer authorizer;
  private final CustomerTokenEndpoints endpoints;
  private final SandboxSender sender;
  private final Fixtures fixtures;
  private final CustosRedis redis;
  private final String orgToken;
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
    RequestAuthorizer.Builder authorizerBuilder =
        RequestAuthorizer.builder().verifier(verifier).clock(options.clock);
    if (redis != null) {
      authorizerBuilder.revocationStore(redis.revocationStore());
    }
    this.authorizer = authorizerBuilder.build();
    CustomerTokenService service =
        CustomerTokenService.builder()
            .directory(fixtures.directory)
            .otpEngine(otp)
            .minter(minter)
            .build();
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

    this.http = HttpServer.create(new InetSocketAddress(options.bind, options.port), 0);
    this.executor =
        Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
    http.setExecutor(executor);
    http.createContext("/", this::handle);
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
    server.http.start();
    return server;
  }

  /**
   * Returns the server's base URI, such as {@code http://127.0.0.1:8080}.
   *
   * @return the base URI, with the port actually bound
   */
  public URI uri() {
    return URI.create("http://" + options.bind + ":" + http.getAddress().getPort());
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
    http.stop(options.shutdownGraceSeconds);
    executor.shutdown();
    try {
      executor.awaitTermination(Math.max(1, options.shutdownGraceSeconds), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  private void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Reply reply;
    try {
      reply = path.equals(JWKS_PATH) ? jwks(method) : Reply.of(route(exchange, method, path));
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
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    log.info(
        "{} {} {} {}ms",
        loggable(method),
        loggable(path),
        reply.status(),
        (System.nanoTime() - start) / 1_000_000);
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

  private JsonApiResponse route(HttpExchange exchange, String method, String path)
      throws ApiException, IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher m;
    if ((m = CUSTOMER_VERIFICATION.matcher(path)).matches()) {
      allow(method, "POST");
      return endpoints.createVerification(authorization, decode(m.group(1)), body(exchange));
    }
    if ((m = CUSTOMER_TOKEN.matcher(path)).matches()) {
      allow(method, "POST");
      return endpoints.createToken(authorization, decode(m.group(1)), body(exchange));
    }
    if ((m = CUSTOMER.matcher(path)).matches()) {
      allow(method, "GET");
      return customer(authorizer.authenticate(authorization), decode(m.group(1)));
    }
    switch (path) {
      case "/accounts" -> {
        allow(method, "GET");
        VerifiedToken caller = authorizer.authenticate(authorization);
        Optional<String> only =
            authorizer.customerFilter(caller, accounts, customerFilter(exchange));
        List<Object> data = new ArrayList<>();
        for (Fixtures.Account a : fixtures.accounts.values()) {
          if (only.isEmpty() || only.get().equals(a.customerId())) {
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
        allow(method, "GET", "POST");
        VerifiedToken caller = authorizer.authenticate(authorization);
        if (method.equals("POST")) {
          return createCard(caller, body(exchange));
        }
        Optional<String> only = authorizer.customerFilter(caller, cards, customerFilter(exchange));
        List<Object> data = new ArrayList<>();
        for (Fixtures.Card c : fixtures.cards) {
          if (only.isEmpty() || only.get().equals(c.customerId())) {
            data.add(card(c));
          }
        }
        return JsonApiResponse.ok(200, JSONObjectUtils.toJSONString(Map.of("data", data)));
      }
      case "/sandbox/messages" -> {
        if (!options.sandbox) {
          throw notFound();
        }
        allow(method, "GET");
        VerifiedToken caller = authorizer.authenticate(authorization);
        if (caller.role() != TokenRole.ORG) {
          // A code read back with the token it would upgrade is no second factor at all.
          throw new ApiException(
              ApiError.of(ApiErrorCode.FORBIDDEN, "sandbox messages need an org API token"));
        }
        Optional<String> only =
            authorizer.customerFilter(caller, customers, customerFilter(exchange));
        List<Object> data = new ArrayList<>();
        for (SandboxSender.Delivered d : sender.messages(only.orElse(null))) {
          Map<String, Object> attributes = new LinkedHashMap<>();
          attributes.put("customerId", d.customerId());
          attributes.put("channel", d.channel().name().toLowerCase(Locale.ROOT));
          attributes.put("to", d.to());
          attributes.put("body", d.body());
          attributes.put("sentAt", d.sentAt().toString());
          data.add(resource("sandboxMessage", Long.toString(d.id()), attributes, Map.of()));
        }
        return JsonApiResponse.ok(200, JSONObjectUtils.toJSONString(Map.of("data", data)));
      }
      default -> throw notFound();
    }
  }

  private Reply jwks(String method) throws ApiException {
    allow(method, "GET");
    return new Reply(200, Map.of("Content-Type", "application/jwk-set+json"), keys.toJwkSet());
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

  /** Create Individual Debit Card, as in the spec's second how-to guide. */
  private JsonApiResponse createCard(VerifiedToken caller, String body) throws ApiException {
    // The scope first: a token that may not create cards learns nothing about which accounts
    // exist. Then a missing account and another customer's account are answered alike.
    Optional<String> own = authorizer.customerFilter(caller, cardsWrite, null);
    Map<String, Object> data = null;
    try {
      if (body != null && StrictJson.readObject(body).get("data") instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        data = object;
      }
    } catch (StrictJsonException e) {
      throw new ApiException(
          ApiError.of(
                  ApiErrorCode.INVALID_VALUE,
                  "the request body is not a JSON object with unique members: " + e.getMessage())
              .atMember(e.path().toArray(new String[0])));
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
    authorizer.authorize(caller, cardsWrite, account.customerId());
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

  private static String customerFilter(HttpExchange exchange) throws ApiException {
    String query = exchange.getRequestURI().getRawQuery();
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

  private static String body(HttpExchange exchange) throws ApiException, IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null
        && !type.startsWith(JsonApiResponse.MEDIA_TYPE)
        && !type.startsWith("application/json")) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, "send " + JsonApiResponse.MEDIA_TYPE));
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new ApiException(
            ApiError.of(
                ApiErrorCode.PAYLOAD_TOO_LARGE,
                "the request body is longer than " + MAX_BODY_BYTES + " bytes"));
      }
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.INVALID_VALUE, "the request body is not UTF-8").atMember());
    }
  }

  private static void allow(String method, String... allowed) throws ApiException {
    for (String a : allowed) {
      if (a.equals(method)) {
        return;
      }
    }
    throw new ApiException(
        ApiError.of(ApiErrorCode.METHOD_NOT_ALLOWED, "use " + String.join(" or ", allowed))
            .withMeta(Map.of("allow", String.join(", ", allowed))));
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

    private Options() {}

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
