package dev.custos.examples.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.spring.test.AutoConfigureCustosTest;
import dev.custos.spring.test.CapturingOtpSender;
import dev.custos.spring.test.CustosTestTokens;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The spec's whole flow against the bank over real HTTP, as its front end and backend make it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureCustosTest
class BankFlowTest {
  @DynamicPropertySource
  static void signingKey(DynamicPropertyRegistry properties) {
    String key = SigningKey.generate(PasetoVersion.V4_PUBLIC).exportSecretPaserk();
    properties.add("custos.key.value", () -> key);
    properties.add("custos.key.file", () -> "");
  }

  @LocalServerPort int port;
  @Autowired CustosTestTokens tokens;
  @Autowired CapturingOtpSender sms;

  @Test
  void specFlow_orgTokenToPaymentToRevocation_eachStepAnsweredAsTheSpecSays() {
    HttpCalls api = new HttpCalls(port);
    String backend = tokens.org("customers customer-token-write").mint();
    var token =
        api.postJsonApi(
            "/customers/100001/token",
            backend,
            "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"accounts"
                + " customer-token-write\",\"upgradableScope\":\"payments-write\"}}}");
    String customerToken = token.at("/data/attributes/token");
    assertThat(api.get("/customers/100001/accounts", customerToken).status()).isEqualTo(200);

    var refused =
        api.postJson(
            "/customers/100001/payments",
            customerToken,
            "{\"accountId\":\"10001\",\"amountCents\":1500}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("WWW-Authenticate"))
        .isEqualTo("Bearer error=\"insufficient_scope\", scope=\"payments-write\"");
    assertThat(refused.at("/errors/0/meta/twoFactorRequired")).isEqualTo("true");
    assertThat(refused.at("/errors/0/meta/upgradable")).isEqualTo("true");

    var verification =
        api.postJsonApi(
            "/customers/100001/token/verification",
            customerToken,
            "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\"}}}");
    var upgraded =
        api.postJsonApi(
            "/customers/100001/token",
            customerToken,
            "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"accounts"
                + " payments-write\",\"verificationToken\":\""
                + verification.at("/data/attributes/verificationToken")
                + "\",\"verificationCode\":\""
                + sms.code("100001")
                + "\"}}}");
    String paymentToken = upgraded.at("/data/attributes/token");
    var payment =
        api.postJson(
            "/customers/100001/payments",
            paymentToken,
            "{\"accountId\":\"10001\",\"amountCents\":1500,\"description\":\"rent\"}");
    assertThat(payment.status()).isEqualTo(201);

    assertThat(api.delete("/session", paymentToken).status()).isEqualTo(204);
    var revoked = api.get("/customers/100001/accounts", paymentToken);
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
  }

  @Test
  void protectedResourceMetadata_describesCustosTokensTruthfully() {
    var metadata = new HttpCalls(port).get("/.well-known/oauth-protected-resource", null);

    assertThat(metadata.status()).isEqualTo(200);
    assertThat(metadata.json().get("tls_client_certificate_bound_access_tokens").asBoolean())
        .isFalse();
    assertThat(metadata.at("/authorization_servers/0")).isEqualTo("https://bank.example.com");
    assertThat(metadata.at("/bearer_methods_supported/0")).isEqualTo("header");
  }
}
