package dev.custos.spring.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.custos.customer.CustomerTokenAttributes;
import dev.custos.customer.CustomerTokenService;
import dev.custos.customer.VerificationAttributes;
import dev.custos.otp.Channel;
import dev.custos.otp.Transaction;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** {@code @custos.pays(...)}: a token bound to a payment makes that payment, once. */
@SpringBootTest(
    classes = {SecuredApp.class, BoundPaymentMvcTest.Time.class},
    properties = "custos.sandbox=true")
@AutoConfigureMockMvc
class BoundPaymentMvcTest {
  @org.springframework.boot.test.context.TestConfiguration
  static class Time {
    @org.springframework.context.annotation.Bean
    dev.custos.testing.FakeClock clock() {
      return dev.custos.testing.FakeClock.create();
    }
  }

  @Autowired dev.custos.testing.FakeClock clock;
  @Autowired MockMvc mvc;
  @Autowired TokenMinter minter;
  @Autowired TokenVerifier verifier;
  @Autowired CustomerTokenService service;

  private String boundToken(Transaction payment) throws Exception {
    clock.advance(java.time.Duration.ofMinutes(1)); // past the phone's resend cooldown
    VerifiedToken org =
        verifier.verify(
            minter
                .mint(TokenRequest.org(ScopeCatalog.unit().parse("customers customer-token-write")))
                .token());
    String verification =
        service
            .createVerification(
                org, "100001", VerificationAttributes.of(Channel.SMS).withTransaction(payment))
            .verificationToken();
    String code = SecuredApp.SENT.get(SecuredApp.SENT.size() - 1).code();
    return "Bearer "
        + service
            .createToken(
                org,
                "100001",
                CustomerTokenAttributes.of("payments-write")
                    .withVerificationToken(verification)
                    .withVerificationCode(code)
                    .withTransaction(payment))
            .token();
  }

  @Test
  void pays_theBoundPaymentOnce_thenUsed_andAnotherPaymentRefused() throws Exception {
    String token = boundToken(Transaction.of("12.50", "EUR", "Acme Ltd"));
    String other = boundToken(Transaction.of("12.50", "EUR", "Acme Ltd"));

    pay(token, "12.5").andExpect(status().isOk());
    pay(token, "12.5").andExpect(status().isUnauthorized());
    pay(other, "99")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.errors[0].code").value("transaction_mismatch"));
  }

  private org.springframework.test.web.servlet.ResultActions pay(String token, String amount)
      throws Exception {
    return mvc.perform(
        post("/customers/100001/bound-payments")
            .header("Authorization", token)
            .param("amount", amount)
            .param("currency", "EUR")
            .param("payee", "Acme Ltd"));
  }
}
