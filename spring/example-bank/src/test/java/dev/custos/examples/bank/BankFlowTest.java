package dev.custos.examples.bank;

import static dev.custos.examples.bank.HttpCalls.SMS_VERIFICATION;
import static dev.custos.examples.bank.HttpCalls.tokenRequest;
import static dev.custos.examples.bank.HttpCalls.verified;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.kit.CapturingOtpSender;
import dev.custos.spring.test.AutoConfigureCustosTest;
import dev.custos.spring.test.CustosTestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The spec's whole flow against the bank over real HTTP, as its front end and backend make it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureCustosTest
class BankFlowTest extends SigningKeyForTests {
  @LocalServerPort int port;
  @Autowired CustosTestTokens tokens;
  @Autowired CapturingOtpSender sms;

  // README:flow-test
  @Test
  void specFlow_orgTokenToPaymentToRevocation() {
    HttpCalls bank = new HttpCalls(port);
    String backend = tokens.org("customers customer-token-write").mint();
    String payment = "{\"accountId\":\"10001\",\"amountCents\":1500,\"description\":\"rent\"}";
    String token =
        bank.postJsonApi(
                "/customers/100001/token",
                backend,
                tokenRequest(
                    "accounts customer-token-write", ",\"upgradableScope\":\"payments-write\""))
            .at("/data/attributes/token");

    var refused = bank.postJson("/customers/100001/payments", token, payment);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("WWW-Authenticate"))
        .isEqualTo("Bearer error=\"insufficient_scope\", scope=\"payments-write\"");
    assertThat(refused.at("/errors/0/meta/upgradable")).isEqualTo("true");

    String verification =
        bank.postJsonApi("/customers/100001/token/verification", token, SMS_VERIFICATION)
            .at("/data/attributes/verificationToken");
    String upgraded =
        bank.postJsonApi(
                "/customers/100001/token",
                token,
                tokenRequest("accounts payments-write", verified(verification, sms.code("100001"))))
            .at("/data/attributes/token");
    assertThat(bank.postJson("/customers/100001/payments", upgraded, payment).status())
        .isEqualTo(201);

    assertThat(bank.delete("/session", upgraded).status()).isEqualTo(204);
    assertThat(bank.get("/customers/100001/accounts", upgraded).status()).isEqualTo(401);
  }

  // README:end

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
