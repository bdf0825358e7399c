package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /users/{userId}/api-tokens over HTTP: the admin's own tokens, created, listed, revoked. */
class ApiTokensServerTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private CustosServer server;
  private String admin;

  @BeforeEach
  void start() throws Exception {
    server = CustosServer.start(CustosServer.options().port(0).shutdownGrace(0));
    admin = server.sandboxAdminCredential().orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return ServerEndToEndTest.send(client, server.uri(), method, path, token, body);
  }

  private static String create(String attributes) {
    return "{\"data\":{\"type\":\"apiToken\",\"attributes\":{" + attributes + "}}}";
  }

  private static String valid() {
    return create(
        "\"description\":\"backend\",\"scope\":\"customers customer-token-write\","
            + "\"expiration\":\""
            + Instant.now().plusSeconds(86_400)
            + "\",\"sourceIp\":\"127.0.0.1,::1\"");
  }

  @Test
  void createListUseRevoke_theWholeLife() throws Exception {
    HttpResponse<String> created = send("POST", "/users/1/api-tokens", admin, valid());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = (String) ServerEndToEndTest.read(created, "data", "id");
    String token = (String) ServerEndToEndTest.read(created, "data", "attributes", "token");
    assertThat((String) ServerEndToEndTest.read(created, "data", "attributes", "expiration"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    HttpResponse<String> listed = send("GET", "/users/1/api-tokens", admin, null);
    assertThat((List<?>) ServerEndToEndTest.read(listed, "data")).hasSize(1);
    assertThat(listed.body()).contains(id).doesNotContain(token);

    HttpResponse<String> minted =
        send(
            "POST",
            "/customers/100001/token",
            token,
            ServerEndToEndTest.tokenBody("customers accounts", null, null));
    assertThat(minted.statusCode()).as("the new org token works").isEqualTo(201);

    assertThat(send("DELETE", "/users/1/api-tokens/" + id, admin, null).statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/identity", token, null).statusCode())
        .as("revoked at once")
        .isEqualTo(401);
    assertThat(send("DELETE", "/users/1/api-tokens/" + id, admin, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void orgTokenLimitedToAnAccount_mintsCustomerTokensWithinItsLimitOnly() throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            "/users/1/api-tokens",
            admin,
            create(
                "\"description\":\"one account\",\"scope\":\"customers customer-token-write\","
                    + "\"expiration\":\""
                    + Instant.now().plusSeconds(86_400)
                    + "\",\"resources\":[{\"type\":\"account\",\"ids\":[\"10001\"]}]"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String limited = (String) ServerEndToEndTest.read(created, "data", "attributes", "token");

    HttpResponse<String> minted =
        send(
            "POST",
            "/customers/100002/token",
            limited,
            ServerEndToEndTest.tokenBody("customers accounts", null, null));
    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    String customerToken = (String) ServerEndToEndTest.read(minted, "data", "attributes", "token");
    HttpResponse<String> accounts = send("GET", "/accounts", customerToken, null);
    assertThat(accounts.statusCode()).isEqualTo(200);
    assertThat((List<?>) ServerEndToEndTest.read(accounts, "data"))
        .as("customer 100002's account 10002 is outside the org token's limit")
        .isEmpty();

    HttpResponse<String> wider =
        send(
            "POST",
            "/customers/100002/token",
            limited,
            "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"accounts\","
                + "\"resources\":[{\"type\":\"account\",\"ids\":[\"10002\"]}]}}}");
    assertThat(wider.statusCode()).isEqualTo(403);
    assertThat(wider.body()).contains("\"pointer\":\"/data/attributes/resources\"");
  }

  @Test
  void noEscalation_orgTokensAndOtherUsersRefused() throws Exception {
    String orgToken = server.sandboxOrgToken().orElseThrow();

    assertThat(send("POST", "/users/1/api-tokens", orgToken, valid()).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/users/1/api-tokens", orgToken, null).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/users/2/api-tokens", admin, null).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/users/1/api-tokens", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void invalidAttributes_400AtTheirPointers() throws Exception {
    String future = Instant.now().plusSeconds(3_600).toString();
    String[][] cases = {
      {"\"scope\":\"customers\",\"expiration\":\"" + future + "\"", "/data/attributes/description"},
      {
        "\"description\":\"x\",\"scope\":\"applications-write nonsense\",\"expiration\":\""
            + future
            + "\"",
        "/data/attributes/scope"
      },
      {
        "\"description\":\"x\",\"scope\":\"customers\",\"expiration\":\"2020-01-01T00:00:00Z\"",
        "/data/attributes/expiration"
      },
      {
        "\"description\":\"x\",\"scope\":\"customers\",\"expiration\":\"tomorrow\"",
        "/data/attributes/expiration"
      },
      {
        "\"description\":\"x\",\"scope\":\"customers\",\"expiration\":\""
            + future
            + "\",\"sourceIp\":\"10.0.0.1, 10.0.0.2\"",
        "/data/attributes/sourceIp"
      },
      {
        "\"description\":\"x\",\"scope\":\"customers\",\"expiration\":\""
            + future
            + "\",\"resources\":[]",
        "/data/attributes/resources"
      },
    };
    for (String[] c : cases) {
      HttpResponse<String> response = send("POST", "/users/1/api-tokens", admin, create(c[0]));
      assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(ServerEndToEndTest.read(response, "errors", "0", "source", "pointer"))
          .as(c[0])
          .isEqualTo(c[1]);
    }
  }

  /** Read as strictly as a customer-token document: the same unknown member, the same 400. */
  @Test
  void unknownMembers_400AtTheirPointersAsAtTheCustomerTokenEndpoint() throws Exception {
    String document = valid();
    String[][] cases = {
      {document.substring(0, document.length() - 1) + ",\"meta\":{}}", "/meta"},
      {document.replace("\"type\":\"apiToken\"", "\"type\":\"apiToken\",\"id\":\"1\""), "/data/id"},
      {
        document.replace("\"description\"", "\"nickname\":\"x\",\"description\""),
        "/data/attributes/nickname"
      },
    };
    for (String[] c : cases) {
      HttpResponse<String> response = send("POST", "/users/1/api-tokens", admin, c[0]);
      assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(ServerEndToEndTest.read(response, "errors", "0", "source", "pointer"))
          .as(c[0])
          .isEqualTo(c[1]);
    }
    assertThat(send("GET", "/users/1/api-tokens", admin, null).body()).contains("\"data\":[]");
  }

  @Test
  void resources_limitTheOrgToken() throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            "/users/1/api-tokens",
            admin,
            create(
                "\"description\":\"one account\",\"scope\":\"accounts\",\"expiration\":\""
                    + Instant.now().plusSeconds(3_600)
                    + "\",\"resources\":[{\"type\":\"account\",\"ids\":[\"10002\"]}]"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String token = (String) ServerEndToEndTest.read(created, "data", "attributes", "token");

    HttpResponse<String> accounts = send("GET", "/accounts", token, null);

    assertThat((List<?>) ServerEndToEndTest.read(accounts, "data")).hasSize(1);
    assertThat(ServerEndToEndTest.read(accounts, "data", "0", "id")).isEqualTo("10002");
  }
}
