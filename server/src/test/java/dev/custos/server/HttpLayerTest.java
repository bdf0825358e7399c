package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP layer as clients and attackers meet it, on loopback: slow and abusive clients, limits
 * answered as JSON:API errors, methods, media types, CORS, security headers and shutdown.
 */
class HttpLayerTest {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Socket> sockets = new ArrayList<>();
  private CustosServer server;

  private CustosServer start(ServerOptions options) throws IOException {
    server = CustosServer.start(options.port(0));
    return server;
  }

  private CustosServer start() throws IOException {
    return start(CustosServer.options().shutdownGrace(0));
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(
        request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.uri() + path));
  }

  private Socket socket() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.uri().getPort());
    socket.setSoTimeout(5_000);
    sockets.add(socket);
    return socket;
  }

  /** Sends raw bytes and reads the whole response (the server closes or the client asked it). */
  private String raw(String request) throws IOException {
    Socket socket = socket();
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return readAll(socket.getInputStream());
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // what arrived is the answer
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void partialRequestsFromFiftyConnections_otherClientsStillAnsweredWithinASecond()
      throws Exception {
    // One address here for every client: its bound is raised so that only threads are tested.
    start(CustosServer.options().shutdownGrace(0).maxConnectionsPerClient(100));
    for (int i = 0; i < 50; i++) {
      OutputStream out = socket().getOutputStream();
      out.write("POST /customers/100001/token HTTP/1.1\r\nHost: x\r\nContent-Le".getBytes());
      out.flush();
    }

    for (int i = 0; i < 5; i++) {
      long begin = System.nanoTime();
      HttpResponse<String> health = send(request("/health"));
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void silentConnection_closedAfterTheIdleTimeout() throws Exception {
    start(CustosServer.options().shutdownGrace(0).idleTimeoutMillis(300));
    Socket socket = socket();
    socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes());

    long begin = System.nanoTime();
    int read = socket.getInputStream().read();
    long waited = (System.nanoTime() - begin) / 1_000_000;

    assertThat(read).as("the server closed the connection").isEqualTo(-1);
    assertThat(waited).isBetween(200L, 4_000L);
  }

  @Test
  void headersTooLarge_431AsJsonApi() throws Exception {
    start();
    HttpResponse<String> response =
        send(request("/health").header("X-Padding", "a".repeat(CustosServer.MAX_HEADER_BYTES)));

    assertThat(response.statusCode()).isEqualTo(431);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/vnd.api+json");
    assertThat(response.body()).contains("\"code\":\"request_header_fields_too_large\"");
  }

  @Test
  void bodyTooLarge_413AsJsonApiWithoutReadingIt() throws Exception {
    start();
    String head =
        "POST /customers/100001/token HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/vnd.api+json\r\nContent-Length: 5000000\r\n\r\n";

    String response = raw(head + "{\"data\":");

    assertThat(response).startsWith("HTTP/1.1 413 ");
    assertThat(response).contains("\"code\":\"payload_too_large\"");
  }

  @Test
  void chunkedBodyOverTheBound_413AsJsonApi() throws Exception {
    start();
    String chunk = "x".repeat(CustosServer.MAX_BODY_BYTES + 10);
    String request =
        "POST /customers/100001/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            + "Content-Type: application/vnd.api+json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(chunk.length())
            + "\r\n"
            + chunk
            + "\r\n0\r\n\r\n";

    String response = raw(request);

    assertThat(response).startsWith("HTTP/1.1 413 ");
    assertThat(response).contains("\"code\":\"payload_too_large\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/customers/%zz", "/customers/%", "/accounts?filter[customerId]=%zz"})
  void malformedPercentEncoding_400AsJsonApi(String target) throws Exception {
    start();
    String token = server.sandboxOrgToken().orElseThrow();

    String response =
        raw(
            "GET "
                + target
                + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + token
                + "\r\nConnection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 400 ");
    assertThat(response).contains("application/vnd.api+json").contains("\"status\":\"400\"");
  }

  @Test
  void wrongMethod_405WithAllow() throws Exception {
    start();

    HttpResponse<String> response =
        send(request("/accounts").method("DELETE", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
    assertThat(response.body()).contains("\"code\":\"method_not_allowed\"");
  }

  @Test
  void head_everyGetRoute_sameHeadersNoBody() throws Exception {
    start();
    String token = server.sandboxOrgToken().orElseThrow();
    for (String path : new String[] {"/health", "/.well-known/jwks.json", "/accounts"}) {
      HttpResponse<String> get =
          send(request(path).header("Authorization", "Bearer " + token).GET());
      HttpResponse<String> head =
          send(
              request(path)
                  .header("Authorization", "Bearer " + token)
                  .method("HEAD", HttpRequest.BodyPublishers.noBody()));

      assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
      assertThat(head.body()).as(path).isEmpty();
      assertThat(head.headers().firstValue("Content-Length"))
          .as(path)
          .contains(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length));
    }
  }

  /** A token request without a token, of the given media type, to a fresh server. */
  private HttpResponse<String> postTyped(String type) throws Exception {
    start();
    return send(
        request("/customers/100001/token")
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/vnd.api+json; charset=utf-8",
        "application/json",
        "application/jsonp",
        "application/vnd.api+jsonx",
        "text/plain"
      })
  void otherMediaTypes_415(String type) throws Exception {
    HttpResponse<String> response = postTyped(type);

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("\"code\":\"unsupported_media_type\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/vnd.api+json",
        "APPLICATION/VND.API+JSON",
        "application/vnd.api+json; ext=\"https://jsonapi.org/ext/atomic\"",
        "application/vnd.api+json;profile=\"https://example.com/p\""
      })
  void jsonApiMediaType_withExtOrProfileOnly_accepted(String type) throws Exception {
    HttpResponse<String> response = postTyped(type);

    assertThat(response.statusCode()).as("past the media check: unauthenticated").isEqualTo(401);
  }

  @Test
  void cors_configuredOrigin_preflightAndResponsesCarryIt() throws Exception {
    start(CustosServer.options().shutdownGrace(0).corsOrigins("https://app.example.com"));

    HttpResponse<String> preflight =
        send(
            request("/customers/100001/token")
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    HttpResponse<String> health =
        send(request("/health").header("Origin", "https://app.example.com"));
    HttpResponse<String> other =
        send(request("/health").header("Origin", "https://evil.example.com"));

    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://app.example.com");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("POST");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .contains("Authorization, Content-Type");
    assertThat(health.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://app.example.com");
    assertThat(health.headers().allValues("Vary")).contains("Origin");
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void cors_notConfigured_noCorsHeadersAtAll() throws Exception {
    start();

    HttpResponse<String> preflight =
        send(
            request("/customers/100001/token")
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Allow")).contains("POST, OPTIONS");
    assertThat(preflight.headers().map().keySet())
        .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "https://app.example.com/", "app.example.com", "https://a b"})
  void cors_wildcardOrNotAnOrigin_refused(String origin) {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> CustosServer.options().corsOrigins(origin));
  }

  @Test
  void everyResponse_noStoreAndNosniff() throws Exception {
    start();
    String token = server.sandboxOrgToken().orElseThrow();
    String body =
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"customers accounts\"}}}";

    HttpResponse<String> minted =
        send(
            request("/customers/100001/token")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/vnd.api+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    HttpResponse<String> missing = send(request("/nothing-here"));

    assertThat(minted.statusCode()).isEqualTo(201);
    for (HttpResponse<String> r : List.of(minted, missing)) {
      assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.headers().firstValue("Server")).isEmpty();
    }
  }

  @Test
  void close_requestInFlight_answeredBeforeTheServerStops() throws Exception {
    start(CustosServer.options().shutdownGrace(5));
    String body = "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"accounts\"}}}";
    Socket socket = socket();
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /customers/100001/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/vnd.api+json\r\nContent-Length: "
                + body.length()
                + "\r\n\r\n"
                + body.substring(0, 10))
            .getBytes(StandardCharsets.UTF_8));
    out.flush();
    // The request is in the handler, waiting for the rest of its body.
    assertThat(send(request("/health")).statusCode()).isEqualTo(200);

    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    out.write(body.substring(10).getBytes(StandardCharsets.UTF_8));
    out.flush();
    String response = readAll(socket.getInputStream());
    closing.get();
    server = null;

    assertThat(response).startsWith("HTTP/1.1 401 ").contains("\"code\":\"unauthorized\"");
  }
}
