package dev.custos.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.custos.authz.AuthorizationListener;
import dev.custos.authz.AuthorizationListener.Denial;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.testing.FakeClock;
import dev.custos.token.PasetoVersion;
import dev.custos.token.Resources;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;

/** What a host's requests get through Spring Security with Custos tokens. */
@SpringBootTest(
    classes = {SecuredApp.class, CustosSecurityTest.Time.class},
    properties = "custos.sandbox=true")
@AutoConfigureMockMvc
class CustosSecurityTest {
  static final List<Denial> HEARD = new CopyOnWriteArrayList<>();

  @TestConfiguration
  static class Time {
    @Bean
    FakeClock clock() {
      return FakeClock.create();
    }

    @Bean
    AuthorizationListener heard() {
      return HEARD::add;
    }
  }

  @Autowired MockMvc mvc;
  @Autowired TokenMinter minter;
  @Autowired FakeClock clock;
  final ScopeCatalog catalog = ScopeCatalog.unit();

  @BeforeEach
  void forget() {
    HEARD.clear();
  }

  private String customer(String id, String scopes) {
    return bearer(TokenRequest.customer(id, catalog.parse(scopes)));
  }

  private String bearer(TokenRequest request) {
    return "Bearer " + minter.mint(request).token();
  }

  @Test
  void noToken_401TheLibrarysDocument() throws Exception {
    mvc.perform(get("/customers/100001/accounts"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer"))
        .andExpect(header().string("Content-Type", "application/vnd.api+json"))
        .andExpect(jsonPath("$.errors[0].code").value("unauthorized"));
  }

  @Test
  void badTokens_401InvalidToken_neverAStackTrace() throws Exception {
    for (String header :
        List.of(
            "Bearer v4.public.AAAA",
            "Bearer " + "x".repeat(9000),
            "Basic dXNlcjpwYXNz",
            "Bearer")) {
      mvc.perform(get("/customers/100001/accounts").header("Authorization", header))
          .andExpect(status().isUnauthorized())
          .andExpect(jsonPath("$.errors[0].status").value("401"));
    }
    String foreign =
        "Bearer "
            + TokenMinter.builder()
                .signingKey(SigningKey.generate(PasetoVersion.V4_PUBLIC))
                .issuer("custos")
                .build()
                .mint(TokenRequest.org(catalog.parse("customers")))
                .token();
    mvc.perform(get("/me").header("Authorization", foreign))
        .andExpect(status().isUnauthorized())
        .andExpect(
            header()
                .string(
                    "WWW-Authenticate",
                    org.hamcrest.Matchers.startsWith("Bearer error=\"invalid_token\"")));
  }

  @Test
  void methodSecurity_missingScope_403NamingItWithTheTwoFactorHint_heardOnce() throws Exception {
    String token =
        bearer(
            TokenRequest.customer("100001", catalog.parse("accounts customer-token-write"))
                .upgradableTo(catalog.parse("payments-write")));

    mvc.perform(post("/customers/100001/payments").header("Authorization", token))
        .andExpect(status().isForbidden())
        .andExpect(
            header()
                .string(
                    "WWW-Authenticate",
                    "Bearer error=\"insufficient_scope\", scope=\"payments-write\""))
        .andExpect(jsonPath("$.errors[0].meta.requiredScope").value("payments-write"))
        .andExpect(jsonPath("$.errors[0].meta.twoFactorRequired").value(true))
        .andExpect(jsonPath("$.errors[0].meta.upgradable").value(true));
    assertThat(HEARD).containsExactly(Denial.MISSING_SCOPE);
  }

  @Test
  void urlRules_scopeManagerAndHasAuthority_403NamingTheScope() throws Exception {
    String token = customer("100001", "accounts");

    mvc.perform(post("/transfers").header("Authorization", token))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.errors[0].meta.requiredScope").value("payments-write"));
    mvc.perform(get("/cards/1").header("Authorization", token))
        .andExpect(status().isForbidden())
        .andExpect(
            header()
                .string(
                    "WWW-Authenticate", org.hamcrest.Matchers.containsString("scope=\"cards\"")));
    assertThat(HEARD).containsExactly(Denial.MISSING_SCOPE, Denial.MISSING_SCOPE);
  }

  @Test
  void owns_anotherCustomersResource_404AsIfAbsent_ownAllowed() throws Exception {
    String token = customer("100001", "accounts");

    mvc.perform(get("/customers/100002/accounts").header("Authorization", token))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.errors[0].code").value("not_found"));
    mvc.perform(get("/customers/100001/accounts").header("Authorization", token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customer").value("100001"));
    mvc.perform(
            get("/customers/100002/accounts")
                .header("Authorization", bearer(TokenRequest.org(catalog.parse("accounts")))))
        .andExpect(status().isOk());
    assertThat(HEARD).containsExactly(Denial.OTHER_CUSTOMER);
  }

  @Test
  void ownsAccountAndCard_outsideTheTokensResources_404_withinThem_200() throws Exception {
    String limited =
        bearer(
            TokenRequest.customer("100001", catalog.parse("accounts cards"))
                .limitedTo(Resources.of(List.of("10001"), List.of("7001"))));

    mvc.perform(get("/customers/100001/accounts/10001").header("Authorization", limited))
        .andExpect(status().isOk());
    mvc.perform(get("/customers/100001/accounts/10002").header("Authorization", limited))
        .andExpect(status().isNotFound());
    mvc.perform(get("/customers/100001/accounts/10009/cards/7001").header("Authorization", limited))
        .andExpect(status().isOk());
    mvc.perform(get("/customers/100001/accounts/10002/cards/7002").header("Authorization", limited))
        .andExpect(status().isNotFound());
    assertThat(HEARD).containsExactly(Denial.OUTSIDE_RESOURCES, Denial.OUTSIDE_RESOURCES);
  }

  @Test
  void owns_mistypedParameterName_refusedNotLetThrough() throws Exception {
    mvc.perform(get("/mistyped/100001").header("Authorization", customer("100001", "accounts")))
        .andExpect(status().isForbidden());
  }

  @Test
  void twoFactorWithin_freshAllowed_staleOrMissing401WithMaxAge() throws Exception {
    String verified =
        bearer(
            TokenRequest.customer("100001", catalog.parse("payments-write")).twoFactorVerified());
    mvc.perform(post("/payees").header("Authorization", verified)).andExpect(status().isOk());

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));

    mvc.perform(post("/payees").header("Authorization", verified))
        .andExpect(status().isUnauthorized())
        .andExpect(
            header()
                .string(
                    "WWW-Authenticate",
                    "Bearer error=\"insufficient_user_authentication\","
                        + " error_description=\"the two-factor verification is older than 300"
                        + " seconds\", max_age=300"));
    mvc.perform(post("/payees").header("Authorization", customer("100001", "accounts")))
        .andExpect(status().isUnauthorized())
        .andExpect(
            jsonPath("$.errors[0].detail")
                .value("the token was not created after two-factor verification"));
    assertThat(HEARD).containsExactly(Denial.STALE_TWO_FACTOR, Denial.STALE_TWO_FACTOR);
  }

  @Test
  void verifiedTokenArgument_theCaller() throws Exception {
    mvc.perform(get("/me").header("Authorization", customer("100042", "accounts")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customer").value("100042"));
  }

  @Test
  void tokenEndpoints_answeredByTheLibraryNotByAnotherFilter() throws Exception {
    mvc.perform(
            post("/customers/100001/token")
                .header(
                    "Authorization",
                    bearer(TokenRequest.org(catalog.parse("customers customer-token-write"))))
                .contentType("application/vnd.api+json")
                .content(
                    "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"accounts\"}}}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.data.type").value("customerBearerToken"));
    mvc.perform(
            post("/customers/100001/token")
                .contentType("application/vnd.api+json")
                .content("{\"data\":{\"type\":\"customerToken\",\"unknown\":1}}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/users/1/api-tokens")
                .header("Authorization", SecuredApp.ADMIN)
                .contentType("application/vnd.api+json")
                .content(
                    "{\"data\":{\"type\":\"apiToken\",\"attributes\":{\"description\":\"backend\","
                        + "\"scope\":\"customers\",\"expiration\":\"2027-01-01T00:00:00Z\"}}}"))
        .andExpect(status().isCreated());
    mvc.perform(get("/identity").header("Authorization", customer("100001", "accounts")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data.attributes.customerId").value("100001"));
  }

  @Test
  void customerTokenRevocations_servedByTheLibrary_orgOnly() throws Exception {
    String org = bearer(TokenRequest.org(catalog.parse("customers customer-token-write")));
    String token = customer("100001", "accounts");

    mvc.perform(delete("/customers/100001/tokens").header("Authorization", token))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.errors[0].code").value("forbidden"));
    clock.advance(Duration.ofSeconds(1));
    mvc.perform(delete("/customers/100001/tokens").header("Authorization", org))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.meta.revoked").value(true));
    mvc.perform(get("/identity").header("Authorization", token))
        .andExpect(status().isUnauthorized());
    mvc.perform(delete("/customers/100001/tokens/" + "x".repeat(65)).header("Authorization", org))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].source.parameter").value("tokenId"));
  }

  @Test
  void cardholderTokens_servedByTheLibrary_onTheCardOnly() throws Exception {
    String org = bearer(TokenRequest.org(catalog.parse("cards-write")));
    String verification =
        mvc.perform(
                post("/cards/7001/cardholder/token/verification")
                    .header("Authorization", org)
                    .contentType("application/vnd.api+json")
                    .content(
                        "{\"data\":{\"type\":\"cardholderTokenVerification\","
                            + "\"attributes\":{\"channel\":\"sms\"}}}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.data.type").value("cardholderTokenVerification"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String code = SecuredApp.SENT.get(SecuredApp.SENT.size() - 1).code();
    String verificationToken =
        verification.replaceAll(".*\"verificationToken\":\"([^\"]+)\".*", "$1");

    String minted =
        mvc.perform(
                post("/cards/7001/cardholder/token")
                    .header("Authorization", org)
                    .contentType("application/vnd.api+json")
                    .content(
                        "{\"data\":{\"type\":\"cardholderToken\",\"attributes\":{"
                            + "\"scope\":\"cards cards-sensitive\",\"verificationToken\":\""
                            + verificationToken
                            + "\",\"verificationCode\":\""
                            + code
                            + "\"}}}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.data.type").value("cardholderBearerToken"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String token = "Bearer " + minted.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

    mvc.perform(get("/identity").header("Authorization", token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data.attributes.resources[0].type").value("card"))
        .andExpect(jsonPath("$.data.attributes.resources[0].ids[0]").value("7001"));
    mvc.perform(get("/customers/100001/accounts").header("Authorization", token))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/cards/7002/cardholder/token")
                .header("Authorization", org)
                .contentType("application/vnd.api+json")
                .content(
                    "{\"data\":{\"type\":\"cardholderToken\",\"attributes\":{\"scope\":\"cards\"}}}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.errors[0].code").value("not_found"));
  }

  @Test
  void protectedResourceMetadata_issuerNotAUrl_notServed() throws Exception {
    mvc.perform(get("/.well-known/oauth-protected-resource"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.errors[0].code").value("not_found"));
  }

  @Test
  void clockBean_isTheOneClock() {
    assertThat(minter.clock()).isSameAs((Clock) clock);
  }
}
