package dev.custos.spring.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.passkey.testing.SoftwareAuthenticator;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TwoFactorMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Passkeys through Spring MVC and Spring Security: enrol, mint on an assertion, and a rule that
 * asks for {@code FACTOR_WEBAUTHN} lets the passkey's token in and a code's out.
 */
@SpringBootTest(
    classes = SecuredApp.class,
    properties = {
      "custos.sandbox=true",
      "custos.passkeys.rp-id=localhost",
      "custos.passkeys.origins=" + PasskeyMvcTest.ORIGIN
    })
@AutoConfigureMockMvc
class PasskeyMvcTest {
  static final String ORIGIN = "http://localhost:8080";
  private static final String JSON_API = "application/vnd.api+json";

  @Autowired MockMvc mvc;
  @Autowired TokenMinter minter;

  private String org() {
    return "Bearer "
        + minter
            .mint(TokenRequest.org(ScopeCatalog.unit().parse("customers customer-token-write")))
            .token();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> attributes(String body) throws Exception {
    return (Map<String, Object>)
        ((Map<String, Object>) JSONObjectUtils.parse(body).get("data")).get("attributes");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> post201(String path, Object document) throws Exception {
    String body =
        mvc.perform(
                post(path)
                    .header("Authorization", org())
                    .contentType(JSON_API)
                    .content(
                        document == null
                            ? ""
                            : JSONObjectUtils.toJSONString((Map<String, ?>) document)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return attributes(body);
  }

  @Test
  @SuppressWarnings("unchecked")
  void enrolMintAndAWebAuthnRule_passkeyTokenIn_codeTokenOut() throws Exception {
    SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
    Map<String, Object> started = post201("/customers/100001/passkeys/registration", null);
    post201(
        "/customers/100001/passkeys",
        Map.of(
            "data",
            Map.of(
                "type",
                "passkey",
                "attributes",
                Map.of(
                    "verificationToken",
                    started.get("verificationToken"),
                    "credential",
                    phone.register((Map<String, Object>) started.get("publicKey"), ORIGIN)))));
    mvc.perform(get("/customers/100001/passkeys").header("Authorization", org()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data[0].id").value(phone.credentialId()));

    Map<String, Object> verification =
        post201(
            "/customers/100001/token/verification",
            Map.of(
                "data",
                Map.of(
                    "type",
                    "customerTokenVerification",
                    "attributes",
                    Map.of("channel", "passkey"))));
    Map<String, Object> minted =
        post201(
            "/customers/100001/token",
            Map.of(
                "data",
                Map.of(
                    "type",
                    "customerToken",
                    "attributes",
                    Map.of(
                        "scope",
                        "payments-write",
                        "verificationToken",
                        verification.get("verificationToken"),
                        "passkeyAssertion",
                        phone.assertion(
                            (Map<String, Object>) verification.get("publicKey"), ORIGIN)))));

    mvc.perform(post("/wires").header("Authorization", "Bearer " + minted.get("token")))
        .andExpect(status().isOk());
    String code =
        minter
            .mint(
                TokenRequest.customer("100001", ScopeCatalog.unit().parse("payments-write"))
                    .twoFactorVerified(TwoFactorMethod.CODE, minter.clock().instant()))
            .token();
    mvc.perform(post("/wires").header("Authorization", "Bearer " + code))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.errors[0].code").value("forbidden"));
  }
}
