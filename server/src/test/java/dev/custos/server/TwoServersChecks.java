package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.passkey.testing.SoftwareAuthenticator;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers on different ports, sharing one Redis deployment and one key, behave as one: the
 * checks every deployment passes (a subclass names the deployment).
 */
abstract class TwoServersChecks {

  static final String PASSKEY_ORIGIN = "http://localhost:8080";

  final HttpClient client = HttpClient.newHttpClient();
  CustosServer a;
  CustosServer b;
  String orgToken;

  /** The deployment's URI, for {@code --redis}. */
  abstract String redisUri();

  /** Points the options at the deployment: {@code --redis} unless a subclass says otherwise. */
  ServerOptions shared(ServerOptions options) {
    return options.redis(redisUri());
  }

  /**
   * The servers' Redis timeout: generous, as the Redis store's own deployment tests are: these
   * check what two servers do together, not how fast replicas acknowledge on a loaded machine (past
   * the default's 250 ms the servers rightly fail closed with a 503).
   */
  static final java.time.Duration SLOW = java.time.Duration.ofSeconds(10);

  @BeforeEach
  void start() throws Exception {
    SigningKey key = SigningKey.generate(PasetoVersion.V2_PUBLIC);
    a = CustosServer.start(shared(options(key)));
    b = CustosServer.start(shared(options(key)));
    orgToken = a.sandboxOrgToken().orElseThrow();
  }

  /** Starts a verification on server A; returns its verification token and the code sent. */
  String[] startOnA(String customer) throws Exception {
    HttpResponse<String> started =
        send(
            a,
            "POST",
            "/customers/" + customer + "/token/verification",
            orgToken,
            "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    HttpResponse<String> messages =
        send(a, "GET", "/sandbox/messages?filter%5BcustomerId%5D=" + customer, orgToken, null);
    String body = (String) ServerEndToEndTest.read(messages, "data", "0", "attributes", "body");
    return new String[] {
      (String) ServerEndToEndTest.read(started, "data", "attributes", "verificationToken"),
      body.replaceAll(".*?(\\d{6}).*", "$1")
    };
  }

  private ServerOptions options(SigningKey key) {
    return CustosServer.options()
        .port(0)
        .shutdownGrace(0)
        .signingKey(key)
        .sandbox(true)
        .redisTimeout(SLOW)
        .passkeys("localhost", PASSKEY_ORIGIN);
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  /** A passkey enrolled on one server verifies on the other; its challenge is used once. */
  @Test
  @SuppressWarnings("unchecked")
  void passkeyEnrolledOnOne_verifiesOnTheOther_once() throws Exception {
    SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
    HttpResponse<String> registration =
        send(a, "POST", "/customers/100001/passkeys/registration", orgToken, null);
    Map<String, Object> started = attributes(registration);
    HttpResponse<String> registered =
        send(
            b,
            "POST",
            "/customers/100001/passkeys",
            orgToken,
            document(
                "passkey",
                Map.of(
                    "verificationToken", started.get("verificationToken"),
                    "credential",
                        phone.register(
                            (Map<String, Object>) started.get("publicKey"), PASSKEY_ORIGIN))));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

    Map<String, Object> verification =
        attributes(
            send(
                b,
                "POST",
                "/customers/100001/token/verification",
                orgToken,
                document("customerTokenVerification", Map.of("channel", "passkey"))));
    String body =
        document(
            "customerToken",
            Map.of(
                "scope", "payments-write",
                "verificationToken", verification.get("verificationToken"),
                "passkeyAssertion",
                    phone.assertion(
                        (Map<String, Object>) verification.get("publicKey"), PASSKEY_ORIGIN)));
    HttpResponse<String> minted = send(a, "POST", "/customers/100001/token", orgToken, body);
    HttpResponse<String> replayed = send(b, "POST", "/customers/100001/token", orgToken, body);

    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(ServerEndToEndTest.read(replayed, "errors", "0", "code"))
        .isEqualTo("passkey_challenge_used");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attributes(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return (Map<String, Object>) ServerEndToEndTest.read(response, "data", "attributes");
  }

  private static String document(String type, Map<String, Object> attributes) {
    return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(
        Map.of("data", Map.of("type", type, "attributes", attributes)));
  }

  /** A token bound to one payment, spent on both servers at once: one payment. */
  @Test
  void boundPaymentToken_spentOnBothAtOnce_onePayment() throws Exception {
    String payment = "{\"amount\":\"12.50\",\"currency\":\"EUR\",\"payee\":\"Acme Ltd\"}";
    HttpResponse<String> started =
        send(
            a,
            "POST",
            "/customers/100001/token/verification",
            orgToken,
            "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":"
                + "{\"channel\":\"sms\",\"transaction\":"
                + payment
                + "}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    HttpResponse<String> messages =
        send(a, "GET", "/sandbox/messages?filter%5BcustomerId%5D=100001", orgToken, null);
    String body = (String) ServerEndToEndTest.read(messages, "data", "0", "attributes", "body");
    assertThat(body).contains("12.50 EUR", "Acme Ltd");
    String code = body.replaceAll(".*?(\\d{6}).*", "$1");
    HttpResponse<String> minted =
        send(
            b,
            "POST",
            "/customers/100001/token",
            orgToken,
            "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"payments-write\","
                + "\"verificationToken\":\""
                + ServerEndToEndTest.read(started, "data", "attributes", "verificationToken")
                + "\",\"verificationCode\":\""
                + code
                + "\",\"transaction\":"
                + payment
                + "}}}");
    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    String token = (String) ServerEndToEndTest.read(minted, "data", "attributes", "token");
    String pay = "{\"data\":{\"type\":\"payment\",\"attributes\":" + payment + "}}";

    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      java.util.List<java.util.concurrent.Future<Integer>> paid = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        CustosServer server = i % 2 == 0 ? a : b;
        paid.add(
            pool.submit(
                () -> {
                  go.await();
                  return send(server, "POST", "/payments", token, pay).statusCode();
                }));
      }
      go.countDown();
      java.util.List<Integer> statuses = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<Integer> p : paid) {
        statuses.add(p.get());
      }
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
      assertThat(statuses).filteredOn(s -> s != 201).allMatch(s -> s == 403 || s == 401);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void verificationStartedOnOne_completesOnTheOther() throws Exception {
    String[] started = startOnA("100001");
    String verificationToken = started[0];
    String code = started[1];

    HttpResponse<String> minted =
        send(
            b,
            "POST",
            "/customers/100001/token",
            orgToken,
            ServerEndToEndTest.tokenBody("customers cards-write cards", verificationToken, code));

    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    HttpResponse<String> again =
        send(
            a,
            "POST",
            "/customers/100001/token",
            orgToken,
            ServerEndToEndTest.tokenBody("customers cards-write cards", verificationToken, code));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(ServerEndToEndTest.read(again, "errors", "0", "code"))
        .isEqualTo("verification_not_found");
  }

  @Test
  void revocationOnOne_holdsOnTheOtherWithinASecond() throws Exception {
    HttpResponse<String> minted =
        send(
            a,
            "POST",
            "/customers/100001/token",
            orgToken,
            ServerEndToEndTest.tokenBody("customers cards", null, null));
    String token = (String) ServerEndToEndTest.read(minted, "data", "attributes", "token");
    assertThat(send(b, "GET", "/cards", token, null).statusCode()).isEqualTo(200);

    a.revoke(token);

    long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    int status = 200;
    while (status == 200 && System.nanoTime() < deadline) {
      status = send(b, "GET", "/cards", token, null).statusCode();
    }
    assertThat(status).isEqualTo(401);
  }

  HttpResponse<String> send(
      CustosServer server, String method, String path, String bearer, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.uri() + path))
            .header("Authorization", "Bearer " + bearer)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/vnd.api+json");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void apiTokenCreatedOnOne_listedAndRevokedOnTheOther_refusedOnBoth() throws Exception {
    String body =
        "{\"data\":{\"type\":\"apiToken\",\"attributes\":{\"description\":\"shared\","
            + "\"scope\":\"customers\",\"expiration\":\""
            + java.time.Instant.now().plusSeconds(3_600)
            + "\"}}}";
    HttpResponse<String> created =
        send(a, "POST", "/users/1/api-tokens", a.sandboxAdminCredential().orElseThrow(), body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = (String) ServerEndToEndTest.read(created, "data", "id");
    String token = (String) ServerEndToEndTest.read(created, "data", "attributes", "token");
    String adminOnB = b.sandboxAdminCredential().orElseThrow();
    assertThat(send(a, "GET", "/identity", token, null).statusCode()).isEqualTo(200);

    assertThat(send(b, "GET", "/users/1/api-tokens", adminOnB, null).body()).contains(id);
    assertThat(send(b, "DELETE", "/users/1/api-tokens/" + id, adminOnB, null).statusCode())
        .isEqualTo(200);

    // A has the token cached; the revocation reaches it through Redis within the poll's reach.
    long deadline = System.nanoTime() + 2_000_000_000L;
    int status = send(a, "GET", "/identity", token, null).statusCode();
    while (status == 200 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      status = send(a, "GET", "/identity", token, null).statusCode();
    }
    assertThat(status).isEqualTo(401);
    assertThat(
            send(a, "GET", "/users/1/api-tokens", a.sandboxAdminCredential().orElseThrow(), null)
                .body())
        .doesNotContain(id);
  }
}
