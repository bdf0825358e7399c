package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /metrics after real traffic: the counts, the latency by route, and nothing identifying. */
class MetricsTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private CustosServer server;
  private String org;

  @BeforeEach
  void start() throws Exception {
    server =
        CustosServer.start(CustosServer.options().port(0).shutdownGrace(0).sandboxPasscode(true));
    org = server.sandboxOrgToken().orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return ServerEndToEndTest.send(client, server.uri(), method, path, token, body);
  }

  private static String token(String scope, String verificationToken, String code) {
    String verification =
        verificationToken == null
            ? ""
            : ",\"verificationToken\":\""
                + verificationToken
                + "\",\"verificationCode\":\""
                + code
                + "\"";
    return "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\""
        + scope
        + "\""
        + verification
        + "}}}";
  }

  @Test
  void metrics_afterTraffic_countEachEventWithoutIdentifyingAnyone() throws Exception {
    assertThat(
            send("POST", "/customers/100001/token", org, token("accounts", null, null))
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> started =
        send(
            "POST",
            "/customers/100001/token/verification",
            org,
            "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\"}}}");
    String verificationToken =
        (String) ServerEndToEndTest.read(started, "data", "attributes", "verificationToken");
    send("POST", "/customers/100001/token", org, token("cards-write", verificationToken, "999999"));
    HttpResponse<String> minted =
        send(
            "POST",
            "/customers/100001/token",
            org,
            token("cards-write", verificationToken, "000001"));
    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    send("GET", "/accounts", null, null);
    send("FOO", "/nowhere/100001", null, null);

    HttpResponse<String> metrics = send("GET", "/metrics", null, null);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    String text = metrics.body();
    assertThat(text)
        .contains("custos_tokens_minted_total{two_factor=\"false\"} 1.0")
        .contains("custos_tokens_minted_total{two_factor=\"true\"} 1.0")
        .contains("custos_verifications_started_total 1.0")
        .contains("custos_verifications_total{outcome=\"approved\"} 1.0")
        .contains("custos_verifications_total{outcome=\"incorrect_code\"} 1.0")
        .contains("custos_authorization_denials_total{reason=\"missing_credentials\"} 1.0")
        .contains("custos_verifications_refused_total{limit=\"customer_locked\"} 0.0")
        .contains(
            "custos_http_requests_seconds_count{method=\"POST\",route=\"/customers/{id}/token\",status=\"201\"} 2")
        .contains("method=\"OTHER\",route=\"unmatched\",status=\"404\"");
    assertThat(text)
        .doesNotContain("100001")
        .doesNotContain(org)
        .doesNotContain(verificationToken)
        .doesNotContain("5555550101");
  }
}
