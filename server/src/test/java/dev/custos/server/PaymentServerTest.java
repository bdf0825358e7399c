package dev.custos.server;

import static dev.custos.server.ServerEndToEndTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PSD2's dynamic linking through the reference server: a verification of one payment, a token bound
 * to it, and the sandbox's {@code POST /payments} spending it once.
 */
class PaymentServerTest {
  private static final String PAYMENT =
      "{\"amount\":\"12.50\",\"currency\":\"EUR\",\"payee\":\"Acme Ltd\"}";

  private final HttpClient client = HttpClient.newHttpClient();
  private final CustosServer server;
  private final String org;

  PaymentServerTest() throws Exception {
    server = CustosServer.start(CustosServer.options().port(0).shutdownGrace(0));
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

  /** A payment token for this payment: the verification's SMS read from the sandbox outbox. */
  private String boundToken(String verified, String minted) throws Exception {
    HttpResponse<String> started =
        send(
            "POST",
            "/customers/100001/token/verification",
            org,
            "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":"
                + "{\"channel\":\"sms\",\"transaction\":"
                + verified
                + "}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String sms =
        (String)
            read(
                send("GET", "/sandbox/messages?filter%5BcustomerId%5D=100001", org, null),
                "data",
                "0",
                "attributes",
                "body");
    HttpResponse<String> token =
        send(
            "POST",
            "/customers/100001/token",
            org,
            "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"payments-write\","
                + "\"verificationToken\":\""
                + read(started, "data", "attributes", "verificationToken")
                + "\",\"verificationCode\":\""
                + sms.replaceAll(".*?(\\d{6}).*", "$1")
                + "\",\"transaction\":"
                + minted
                + "}}}");
    if (token.statusCode() != 201) {
      return "refused " + read(token, "errors", "0", "code");
    }
    return (String) read(token, "data", "attributes", "token");
  }

  private HttpResponse<String> pay(String token, String payment) throws Exception {
    return send(
        "POST",
        "/payments",
        token,
        "{\"data\":{\"type\":\"payment\",\"attributes\":" + payment + "}}");
  }

  @Test
  void boundToken_paysItsPaymentOnce() throws Exception {
    String token = boundToken(PAYMENT, PAYMENT);

    HttpResponse<String> paid = pay(token, PAYMENT);
    HttpResponse<String> again = pay(token, PAYMENT);

    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
    assertThat(read(paid, "data", "attributes", "amount")).isEqualTo("12.50");
    assertThat(again.statusCode()).isEqualTo(401);
  }

  @Test
  void boundToken_anotherPayment_403AndItsOwnStillPays() throws Exception {
    String token = boundToken(PAYMENT, PAYMENT);

    HttpResponse<String> other =
        pay(token, "{\"amount\":\"12.50\",\"currency\":\"EUR\",\"payee\":\"Acme  Ltd.\"}");

    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(read(other, "errors", "0", "code")).isEqualTo("transaction_mismatch");
    assertThat(pay(token, PAYMENT).statusCode()).isEqualTo(201);
  }

  @Test
  void mint_anotherPaymentThanVerified_aWrongCode() throws Exception {
    assertThat(
            boundToken(
                PAYMENT, "{\"amount\":\"13.50\",\"currency\":\"EUR\",\"payee\":\"Acme Ltd\"}"))
        .isEqualTo("refused incorrect_verification_code");
  }

  @Test
  void payments_badPaymentDocument_400AtTheMember() throws Exception {
    String token = boundToken(PAYMENT, PAYMENT);

    HttpResponse<String> bad =
        pay(token, "{\"amount\":\"12.505\",\"currency\":\"EUR\",\"payee\":\"Acme Ltd\"}");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(read(bad, "errors", "0", "source", "pointer")).isEqualTo("/data/attributes/amount");
  }
}
