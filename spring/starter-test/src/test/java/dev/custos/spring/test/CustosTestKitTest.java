package dev.custos.spring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.custos.kit.CapturingOtpSender;
import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationOutcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(
    classes = TestKitApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "custos.sandbox=true")
@AutoConfigureCustosTest
@AutoConfigureMockMvc
@AutoConfigureRestTestClient
class CustosTestKitTest {
  @Autowired CustosTestTokens tokens;
  @Autowired CapturingOtpSender sms;
  @Autowired OtpEngine otp;
  @Autowired MockMvc mvc;
  @Autowired RestTestClient client;

  @Test
  void mockMvcPostProcessor_realTokenVerifiedByTheApp() throws Exception {
    mvc.perform(get("/me").with(tokens.customer("100042", "accounts").twoFactorVerified()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customer").value("100042"))
        .andExpect(jsonPath("$.twoFactor").value(true));
  }

  @Test
  void twoFactorVerifiedAt_olderThanARouteAllows_401WithMaxAge() throws Exception {
    mvc.perform(
            get("/recent")
                .with(
                    tokens
                        .customer("100042", "accounts")
                        .twoFactorVerifiedAt(Instant.now().minus(Duration.ofMinutes(6)))))
        .andExpect(status().isUnauthorized())
        .andExpect(
            header().string("WWW-Authenticate", org.hamcrest.Matchers.endsWith("max_age=300")));
    mvc.perform(
            get("/recent")
                .with(
                    tokens
                        .customer("100042", "accounts")
                        .twoFactorVerifiedAt(Instant.now().minus(Duration.ofMinutes(4)))))
        .andExpect(status().isOk());
  }

  @Test
  void restTestClientHeaders_overRealHttp() {
    client
        .get()
        .uri("/me")
        .headers(tokens.org("customers").headers())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.customer")
        .isEqualTo("org");
  }

  @Test
  void capturingSender_takesThePlaceOfTheApps_codesReadByType() throws Exception {
    var challenge = otp.start(ChallengeRequest.sms("100077", Phone.of("1", "2025550199")));

    assertThat(otp.verify("100077", challenge.verificationToken(), sms.code("100077")).outcome())
        .isEqualTo(VerificationOutcome.APPROVED);
    assertThat(sms.latest("100077"))
        .hasValueSatisfying(m -> assertThat(m.language()).isEqualTo("en"));
    assertThat(sms.toString()).doesNotContain(sms.code("100077"));
    assertThatIllegalStateException()
        .isThrownBy(() -> sms.code("100078"))
        .withMessage("no one-time code was sent to customer 100078");
  }

  @Test
  void kitGenerators_everyTamperedKindRevokedIncluded_401FromTheApp() {
    tokens
        .generators()
        .tampered()
        .forAll(
            27,
            1_000,
            bad -> {
              try {
                mvc.perform(get("/me").header("Authorization", "Bearer " + bad.token()))
                    .andExpect(status().isUnauthorized())
                    .andExpect(
                        header()
                            .string(
                                "WWW-Authenticate",
                                org.hamcrest.Matchers.containsString("invalid_token")));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
  }

  @Test
  void badScopes_refusedWhenTheTokenIsDescribed() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> tokens.customer("100001", "no-such-scope")))
        .isInstanceOf(dev.custos.scopes.InvalidScopeException.class);
  }
}
