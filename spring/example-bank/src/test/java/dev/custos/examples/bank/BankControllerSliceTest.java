package dev.custos.examples.bank;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.custos.spring.test.AutoConfigureCustosTest;
import dev.custos.spring.test.CustosTestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A {@code @WebMvcTest} slice of the bank's controller sees the Custos filter and rules, with real
 * tokens from {@link CustosTestTokens} as MockMvc post-processors.
 */
@WebMvcTest(BankController.class)
@Import(Bank.class)
@AutoConfigureCustosTest
class BankControllerSliceTest extends SigningKeyForTests {
  @Autowired MockMvc mvc;
  @Autowired CustosTestTokens tokens;

  @Test
  void accounts_ownToken_200_anothersToken_404_noToken_401() throws Exception {
    mvc.perform(get("/customers/100001/accounts").with(tokens.customer("100001", "accounts")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value("10001"));
    mvc.perform(get("/customers/100001/accounts").with(tokens.customer("100002", "accounts")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/customers/100001/accounts"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer"));
  }

  @Test
  void payment_withoutTwoFactorScope_403NamingIt_withIt_201() throws Exception {
    String payment = "{\"accountId\":\"10001\",\"amountCents\":100,\"description\":\"tea\"}";

    mvc.perform(
            post("/customers/100001/payments")
                .with(tokens.customer("100001", "accounts"))
                .contentType("application/json")
                .content(payment))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.errors[0].meta.requiredScope").value("payments-write"));
    mvc.perform(
            post("/customers/100001/payments")
                .with(tokens.customer("100001", "payments-write").twoFactorVerified())
                .contentType("application/json")
                .content(payment))
        .andExpect(status().isCreated());
  }
}
