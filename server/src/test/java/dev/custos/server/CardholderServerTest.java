package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.FakeClock;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cardholder token on the reference server: minted after a code sent to the card's phone, it is
 * refused on every endpoint but its own card's (the table below covers every route the server
 * serves, so a new route needs a line here).
 */
class CardholderServerTest {
  private static final String CARD = "7002";
  private static final String CUSTOMER = "100002";

  private final HttpClient client = HttpClient.newHttpClient();
  private CustosServer server;
  private String orgToken;

  @BeforeEach
  void start() throws Exception {
    server =
        CustosServer.start(
            CustosServer.options()
                .port(0)
                .shutdownGrace(0)
                .clock(FakeClock.create())
                .passkeys("localhost", "http://localhost:8080"));
    orgToken = server.sandboxOrgToken().orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return ServerEndToEndTest.send(client, server.uri(), method, path, token, body);
  }

  private static Object read(HttpResponse<String> response, String... path) throws Exception {
    return ServerEndToEndTest.read(response, path);
  }

  /** Verification to the card's phone, the code read back from the sandbox, the token minted. */
  private String cardholderToken(String scope) throws Exception {
    HttpResponse<String> verification =
        send(
            "POST",
            "/cards/" + CARD + "/cardholder/token/verification",
            orgToken,
            "{\"data\":{\"type\":\"cardholderTokenVerification\","
                + "\"attributes\":{\"channel\":\"sms\"}}}");
    assertThat(verification.statusCode()).as(verification.body()).isEqualTo(201);
    HttpResponse<String> messages = send("GET", "/sandbox/messages", orgToken, null);
    assertThat(read(messages, "data", "0", "attributes", "cardId")).isEqualTo(CARD);
    assertThat(read(messages, "data", "0", "attributes", "to")).isEqualTo("+1 ********03");
    String code =
        ((String) read(messages, "data", "0", "attributes", "body"))
            .replaceAll(".*?(\\d{6}).*", "$1");
    HttpResponse<String> minted =
        send(
            "POST",
            "/cards/" + CARD + "/cardholder/token",
            orgToken,
            "{\"data\":{\"type\":\"cardholderToken\",\"attributes\":{\"scope\":\""
                + scope
                + "\",\"verificationToken\":\""
                + read(verification, "data", "attributes", "verificationToken")
                + "\",\"verificationCode\":\""
                + code
                + "\"}}}");
    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    assertThat(read(minted, "data", "type")).isEqualTo("cardholderBearerToken");
    return (String) read(minted, "data", "attributes", "token");
  }

  @Test
  void cardholderToken_everyEndpoint_onlyItsOwnCardAnswers() throws Exception {
    String token = cardholderToken("cards cards-sensitive cards-write cards-sensitive-write");
    String card = "{\"data\":{\"type\":\"cardholderToken\",\"attributes\":{\"scope\":\"cards\"}}}";
    String cardVerification =
        "{\"data\":{\"type\":\"cardholderTokenVerification\",\"attributes\":{\"channel\":\"sms\"}}}";
    String customer = ServerEndToEndTest.tokenBody("cards", null, null);
    String customerVerification =
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\"}}}";
    String newCard =
        "{\"data\":{\"type\":\"individualDebitCard\",\"attributes\":{},\"relationships\":"
            + "{\"account\":{\"data\":{\"type\":\"depositAccount\",\"id\":\"10002\"}}}}}";
    // Each route the server serves, with the path a cardholder token of card 7002 would try.
    Map<String, Object[]> expected = new LinkedHashMap<>();
    expected.put("GET /cards/{id}", new Object[] {"/cards/7002", null, 200});
    expected.put("GET /cards", new Object[] {"/cards", null, 200});
    expected.put("GET /identity", new Object[] {"/identity", null, 200});
    expected.put("GET /health", new Object[] {"/health", null, 200});
    expected.put("GET /.well-known/jwks.json", new Object[] {"/.well-known/jwks.json", null, 200});
    expected.put("GET /metrics", new Object[] {"/metrics", null, 200});
    expected.put("POST /cards", new Object[] {"/cards", newCard, 404});
    expected.put("GET /accounts", new Object[] {"/accounts", null, 403});
    expected.put("POST /payments", new Object[] {"/payments", "{}", 403});
    expected.put("GET /customers/{id}", new Object[] {"/customers/" + CUSTOMER, null, 403});
    expected.put(
        "POST /customers/{id}/token/verification",
        new Object[] {"/customers/" + CUSTOMER + "/token/verification", customerVerification, 403});
    expected.put(
        "POST /customers/{id}/token",
        new Object[] {"/customers/" + CUSTOMER + "/token", customer, 403});
    expected.put(
        "DELETE /customers/{id}/tokens/{id}",
        new Object[] {"/customers/" + CUSTOMER + "/tokens/x", null, 403});
    expected.put(
        "DELETE /customers/{id}/tokens",
        new Object[] {"/customers/" + CUSTOMER + "/tokens", null, 403});
    expected.put(
        "POST /cards/{id}/cardholder/token/verification",
        new Object[] {"/cards/7001/cardholder/token/verification", cardVerification, 404});
    expected.put(
        "POST /cards/{id}/cardholder/token",
        new Object[] {"/cards/7001/cardholder/token", card, 404});
    expected.put("GET /users/{id}/api-tokens", new Object[] {"/users/1/api-tokens", null, 403});
    expected.put("POST /users/{id}/api-tokens", new Object[] {"/users/1/api-tokens", "{}", 403});
    expected.put(
        "DELETE /users/{id}/api-tokens/{id}", new Object[] {"/users/1/api-tokens/1", null, 403});
    expected.put("GET /sandbox/messages", new Object[] {"/sandbox/messages", null, 403});
    expected.put("GET /sandbox/idp/jwks.json", new Object[] {"/sandbox/idp/jwks.json", null, 200});
    expected.put(
        "POST /sandbox/idp/token",
        new Object[] {
          "/sandbox/idp/token",
          "{\"data\":{\"type\":\"sandboxJwt\",\"attributes\":{\"subject\":\"user-100001\"}}}",
          403
        });
    String passkeys = "/customers/" + CUSTOMER + "/passkeys";
    expected.put(
        "POST /customers/{id}/passkeys/registration",
        new Object[] {passkeys + "/registration", null, 403});
    expected.put("POST /customers/{id}/passkeys", new Object[] {passkeys, "{}", 403});
    expected.put("GET /customers/{id}/passkeys", new Object[] {passkeys, null, 403});
    expected.put(
        "DELETE /customers/{id}/passkeys/{id}", new Object[] {passkeys + "/AAAA", null, 403});
    expected.put("GET /sandbox/passkeys", new Object[] {"/sandbox/passkeys", null, 200});
    expected.put("GET /sandbox/passkeys.js", new Object[] {"/sandbox/passkeys.js", null, 200});
    assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(server.endpoints());

    for (Map.Entry<String, Object[]> e : expected.entrySet()) {
      String method = e.getKey().substring(0, e.getKey().indexOf(' '));
      Object[] row = e.getValue();
      HttpResponse<String> response = send(method, (String) row[0], token, (String) row[1]);
      assertThat(response.statusCode()).as(e.getKey() + ": " + response.body()).isEqualTo(row[2]);
    }
    // The other customer's card and the same customer's other cards: as if they did not exist.
    assertThat(send("GET", "/cards/7001", token, null).statusCode()).isEqualTo(404);
    List<?> listed = (List<?>) read(send("GET", "/cards", token, null), "data");
    assertThat(listed).hasSize(1);
    assertThat(read(send("GET", "/identity", token, null), "data", "attributes", "resources"))
        .isEqualTo(List.of(Map.of("type", "card", "ids", List.of(CARD))));
  }

  @Test
  void cardholderVerification_toAPhoneOfNobody_isRefusedAtThePhone() throws Exception {
    HttpResponse<String> response =
        send(
            "POST",
            "/cards/" + CARD + "/cardholder/token/verification",
            orgToken,
            "{\"data\":{\"type\":\"cardholderTokenVerification\",\"attributes\":{\"channel\":\"sms\","
                + "\"phone\":{\"countryCode\":\"1\",\"number\":\"5555550999\"}}}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response, "errors", "0", "source", "pointer"))
        .isEqualTo("/data/attributes/phone");
  }
}
