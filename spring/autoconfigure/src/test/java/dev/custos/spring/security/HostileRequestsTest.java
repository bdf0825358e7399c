package dev.custos.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What an attacker sends, through Spring: typed refusals in the library's format, nothing logged.
 */
@SpringBootTest(classes = SecuredApp.class, properties = "custos.sandbox=true")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsTest {
  @Autowired MockMvc mvc;
  @Autowired TokenMinter minter;
  final ScopeCatalog catalog = ScopeCatalog.unit();

  private String org(String scopes) {
    return minter.mint(TokenRequest.org(catalog.parse(scopes))).token();
  }

  @Test
  void tokenEndpoint_badEnvelopes_413_415_400WithPointers() throws Exception {
    String auth = "Bearer " + org("customers customer-token-write");

    mvc.perform(
            post("/customers/100001/token")
                .header("Authorization", auth)
                .contentType("application/vnd.api+json")
                .content("{\"data\":\"" + "x".repeat(20_000) + "\"}"))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.errors[0].code").value("payload_too_large"));
    mvc.perform(
            post("/customers/100001/token")
                .header("Authorization", auth)
                .contentType("text/plain")
                .content("{}"))
        .andExpect(status().isUnsupportedMediaType());
    mvc.perform(
            post("/customers/100001/token")
                .header("Authorization", auth)
                .contentType("application/vnd.api+json")
                .content(new byte[] {'{', (byte) 0xC3, '}'}))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/customers/100001/token")
                .header("Authorization", auth)
                .contentType("application/vnd.api+json")
                .content(
                    "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"accounts\","
                        + "\"scope\":\"payments-write\"}}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].source.pointer").value("/data/attributes/scope"));
  }

  @Test
  void orgTokenSourceIp_enforcedAgainstTheContainersClientAddress() throws Exception {
    String limited =
        "Bearer "
            + minter
                .mint(TokenRequest.org(catalog.parse("accounts")).fromSourceIp("203.0.113.7"))
                .token();

    mvc.perform(
            get("/customers/100001/accounts")
                .header("Authorization", limited)
                .with(r -> withAddress(r, "203.0.113.7")))
        .andExpect(status().isOk());
    mvc.perform(
            get("/customers/100001/accounts")
                .header("Authorization", limited)
                .header("X-Forwarded-For", "203.0.113.7")
                .with(r -> withAddress(r, "198.51.100.9")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.errors[0].detail").value("source IP not allowed"));
  }

  private static org.springframework.mock.web.MockHttpServletRequest withAddress(
      org.springframework.mock.web.MockHttpServletRequest request, String address) {
    request.setRemoteAddr(address);
    return request;
  }

  @Test
  void refusals_neverLogTheTokenOrTheHeader(CapturedOutput output) throws Exception {
    String token = org("customers");
    String forged = token.substring(0, token.length() - 4) + "AAAA";

    mvc.perform(get("/customers/100001/accounts").header("Authorization", "Bearer " + forged))
        .andExpect(status().isUnauthorized())
        .andExpect(
            header()
                .string("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token")));
    mvc.perform(get("/customers/100001/accounts").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/customers/100001/accounts")
                .header("Authorization", "Bearer " + "<script>".repeat(3)))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            get("/customers/100001/accounts")
                .header("Authorization", "Bearer \u0000" + "<script>".repeat(3)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].code").value("invalid_value"));

    assertThat(output.getAll())
        .doesNotContain(token)
        .doesNotContain(forged)
        .doesNotContain(token.substring(10, 60))
        .doesNotContain("<script>");
  }
}
