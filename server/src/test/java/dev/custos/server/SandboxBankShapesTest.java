package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.FakeClock;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample bank's documents carry the members Unit's resources always carry, so that Unit's own
 * typed clients parse them (its Python SDK reads {@code attributes["createdAt"]} of every card,
 * account and customer, and requires milliseconds in every timestamp).
 */
class SandboxBankShapesTest {
  private static final String UNIT_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  private final HttpClient client = HttpClient.newHttpClient();
  private CustosServer server;
  private String orgToken;

  @BeforeEach
  void start() throws Exception {
    server =
        CustosServer.start(
            CustosServer.options().port(0).shutdownGrace(0).clock(FakeClock.create()));
    orgToken = server.sandboxOrgToken().orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }

  /** A GET as a customer token of the path's customer (reads are customer-scoped here). */
  private HttpResponse<String> get(String customer, String path) throws Exception {
    HttpResponse<String> minted =
        ServerEndToEndTest.send(
            client,
            server.uri(),
            "POST",
            "/customers/" + customer + "/token",
            orgToken,
            ServerEndToEndTest.tokenBody("customers accounts cards", null, null));
    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    String token = (String) ServerEndToEndTest.read(minted, "data", "attributes", "token");
    return ServerEndToEndTest.send(client, server.uri(), "GET", path, token, null);
  }

  @Test
  void cardsAndAccounts_everyOneWithUnitsMembers() throws Exception {
    List<Object> cards = new java.util.ArrayList<>();
    List<Object> accounts = new java.util.ArrayList<>();
    for (String customer : List.of("100001", "100002")) {
      cards.addAll((List<?>) ServerEndToEndTest.read(get(customer, "/cards"), "data"));
      accounts.addAll((List<?>) ServerEndToEndTest.read(get(customer, "/accounts"), "data"));
    }
    assertThat(cards).hasSize(2);
    assertThat(accounts).hasSize(2);
    for (Object card : cards) {
      Map<String, Object> attributes = map(map(card).get("attributes"));
      assertThat((String) attributes.get("createdAt")).matches(UNIT_TIME);
      assertThat(attributes).containsKeys("last4Digits", "expirationDate", "status");
      if ("businessDebitCard".equals(map(card).get("type"))) {
        assertThat(attributes).containsKeys("fullName", "dateOfBirth", "address", "phone", "email");
      }
    }
    for (Object account : accounts) {
      Map<String, Object> attributes = map(map(account).get("attributes"));
      assertThat((String) attributes.get("createdAt")).matches(UNIT_TIME);
      assertThat(attributes)
          .containsKeys(
              "depositProduct", "routingNumber", "accountNumber", "hold", "available", "balance");
    }
  }

  @Test
  void customers_individualFullNameBusinessContact_bothCreatedAt() throws Exception {
    HttpResponse<String> individual = get("100001", "/customers/100001");
    HttpResponse<String> business = get("100002", "/customers/100002");

    assertThat((String) ServerEndToEndTest.read(individual, "data", "attributes", "createdAt"))
        .matches(UNIT_TIME);
    assertThat(ServerEndToEndTest.read(individual, "data", "attributes", "fullName", "first"))
        .isEqualTo("Jane");
    assertThat(map(ServerEndToEndTest.read(individual, "data", "attributes")))
        .containsKeys("dateOfBirth", "address", "email", "phone")
        .doesNotContainKey("name");
    assertThat(map(ServerEndToEndTest.read(business, "data", "attributes")))
        .containsKeys("createdAt", "name", "stateOfIncorporation", "ein", "entityType", "address");
    assertThat(ServerEndToEndTest.read(business, "data", "attributes", "contact", "email"))
        .isEqualTo("ops@piedpiper.example");
  }
}
