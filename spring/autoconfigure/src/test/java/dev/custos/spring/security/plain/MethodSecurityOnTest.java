package dev.custos.spring.security.plain;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * @PreAuthorize holds in an application that never turned method security on.
 */
@SpringBootTest(classes = PlainApp.class, properties = "custos.sandbox=true")
@AutoConfigureMockMvc
class MethodSecurityOnTest {
  @Autowired MockMvc mvc;
  @Autowired TokenMinter minter;

  private String bearer(String scopes, boolean twoFactor) {
    TokenRequest request = TokenRequest.customer("100001", ScopeCatalog.unit().parse(scopes));
    return "Bearer " + minter.mint(twoFactor ? request.twoFactorVerified() : request).token();
  }

  @Test
  void preAuthorize_withoutEnableMethodSecurity_stillEnforced() throws Exception {
    mvc.perform(post("/payments").header("Authorization", bearer("accounts", false)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.errors[0].meta.requiredScope").value("payments-write"));
    mvc.perform(post("/payments").header("Authorization", bearer("payments-write", true)))
        .andExpect(status().isOk());
  }
}
