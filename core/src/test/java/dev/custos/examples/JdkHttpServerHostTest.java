package dev.custos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.custos.core.testing.TestPlatform;
import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.org.OrgUser;
import dev.custos.otp.Phone;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's host on the JDK's HTTP server, shown whole there, driven over real HTTP as a front
 * end, a backend, a platform admin and an attacker would drive it.
 */
class JdkHttpServerHostTest {
  private static final Path SOURCE =
      Path.of("src/test/java/dev/custos/examples/JdkHttpServerHost.java");
  private static final String ADMIN = "Bearer admin-session-7f3a";

  private final Map<String, String> codes = new ConcurrentHashMap<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private JdkHttpServerHost host;
  private HttpServer http;

  @BeforeEach
  void start() throws Exception {
    Map<String, Customer> store =
        Map.of(
            "100042", Customer.individual("100042", Phone.of("1", "5555550123")),
            "100043", Customer.individual("100043", Phone.of("1", "5555550124")));
    CustomerDirectory customers = id -> Optional.ofNullable(store.get(id));
    host =
        new JdkHttpServerHost(
            KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC)),
            customers,
            JdkHttpServerHost.developmentSender(codes),
            header -> header.equals(ADMIN) ? Optional.of(OrgUser.admin("1")) : Optional.empty());
    http = host.serve(0);
  }

  @AfterEach
  void stop() {
    http.stop(0);
  }

  private HttpResponse<String> send(
      String method, String path, String token, String contentType, byte[] body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", token.startsWith("Bearer ") ? token : "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String token, String json) throws Exception {
    return send(
        "POST", path, token, "application/vnd.api+json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static Object read(HttpResponse<String> response, String... path) throws Exception {
    return TestPlatform.read(response.body(), path);
  }

  private static String tokenDocument(String attributes) {
    return "{\"data\":{\"type\":\"customerToken\",\"attributes\":{" + attributes + "}}}";
  }

  @Test
  void readme_showsThisHostWhole() throws Exception {
    String source = Files.readString(SOURCE);
    String shown = source.substring(source.indexOf("import "));
    String readme = Files.readString(Path.of("..", "README.md"));

    assertThat(readme).contains("```java\n" + shown + "```\n");
  }

  @Test
  void glue_fortyLinesAtMost() throws Exception {
    List<String> lines = Files.readAllLines(SOURCE);
    int from = lines.indexOf("  // The HTTP glue, all of it:");
    int to =
        lines.indexOf("  // One of your own endpoints, guarded exactly as Custos guards its own:");

    assertThat(from).isPositive();
    assertThat(lines.subList(from + 1, to).stream().filter(l -> !l.isBlank()).count())
        .isLessThanOrEqualTo(40);
  }

  @Test
  void frontEnd_tokenThenTwoFactorUpgrade_thenOnlyItsOwnCustomer() throws Exception {
    String orgToken = host.backendOrgToken();
    HttpResponse<String> minted =
        post("/customers/100042/token", orgToken, tokenDocument("\"scope\":\"customers\""));
    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    String token = (String) read(minted, "data", "attributes", "token");

    assertThat(send("GET", "/customers/100042", token, null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/customers/100043", token, null, null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/customers/100042", null, null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/identity", token, null, null).body()).contains("\"100042\"");

    HttpResponse<String> verification =
        post(
            "/customers/100042/token/verification",
            orgToken,
            "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\"}}}");
    assertThat(verification.statusCode()).as(verification.body()).isEqualTo(201);
    HttpResponse<String> upgraded =
        post(
            "/customers/100042/token",
            orgToken,
            tokenDocument(
                "\"scope\":\"customers cards-write\",\"verificationToken\":\""
                    + read(verification, "data", "attributes", "verificationToken")
                    + "\",\"verificationCode\":\""
                    + codes.get("100042")
                    + "\""));
    assertThat(upgraded.statusCode()).as(upgraded.body()).isEqualTo(201);
    assertThat(upgraded.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(upgraded.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void hostileRequests_answeredByTheLibraryAsByEveryAdapter() throws Exception {
    String orgToken = host.backendOrgToken();
    String valid = tokenDocument("\"scope\":\"customers\"");

    assertThat(
            send("POST", "/customers/100042/token", orgToken, "text/plain", valid.getBytes())
                .statusCode())
        .isEqualTo(415);
    assertThat(
            post("/customers/100042/token", orgToken, valid.replace("}}}", "}},\"x\":1}"))
                .statusCode())
        .isEqualTo(400);
    byte[] large = ("{\"pad\":\"" + "x".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThat(send("POST", "/customers/100042/token", orgToken, null, large).statusCode())
        .isEqualTo(413);
    byte[] utf16 = valid.getBytes(StandardCharsets.UTF_16);
    assertThat(send("POST", "/customers/100042/token", orgToken, null, utf16).statusCode())
        .isEqualTo(400);
    assertThat(send("DELETE", "/customers/100042/token", orgToken, null, null).statusCode())
        .isEqualTo(404);
    assertThat(post("/customers/100042/token", "not-a-token", valid).statusCode()).isEqualTo(401);
    assertThat(
            post("/customers/100042/token", null, valid).headers().firstValue("WWW-Authenticate"))
        .contains("Bearer");
  }

  @Test
  void orgTokens_adminManages_forgedForwardedForFromAnUntrustedPeerIgnored() throws Exception {
    String created =
        "{\"data\":{\"type\":\"apiToken\",\"attributes\":{\"description\":\"backend\","
            + "\"scope\":\"customers customer-token-write\",\"expiration\":\""
            + Instant.now().plusSeconds(3_600)
            + "\",\"sourceIp\":\"127.0.0.1\"}}}";
    assertThat(post("/users/1/api-tokens", host.backendOrgToken(), created).statusCode())
        .isEqualTo(403); // an org token is no user
    HttpResponse<String> response = post("/users/1/api-tokens", ADMIN, created);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String id = (String) read(response, "data", "id");
    String token = (String) read(response, "data", "attributes", "token");

    // The peer (127.0.0.1) is no trusted proxy: its X-Forwarded-For names nobody.
    assertThat(
            send("GET", "/identity", token, null, null, "X-Forwarded-For", "203.0.113.9")
                .statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/users/1/api-tokens", ADMIN, null, null).body()).contains(id);
    assertThat(send("DELETE", "/users/1/api-tokens/" + id, ADMIN, null, null).statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/identity", token, null, null).statusCode()).isEqualTo(401);
  }
}
