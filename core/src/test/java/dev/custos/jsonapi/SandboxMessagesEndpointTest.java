package dev.custos.jsonapi;

import static dev.custos.core.testing.TestPlatform.BUSINESS;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.core.testing.TestPlatform;
import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.token.TokenRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's outbox, read by the platform's org tokens and by nobody else. */
class SandboxMessagesEndpointTest {
  private final TestPlatform platform = new TestPlatform();
  private final SandboxOutbox outbox = new SandboxOutbox(platform.time);
  private final OtpEngine otp =
      OtpEngine.builder().brand("Acme").sender(outbox).clock(platform.time).build();
  private final JsonApiEndpoints api =
      JsonApiEndpoints.builder().authorizer(platform.authorizer).sandboxOutbox(outbox).build();

  private String bearer(TokenRequest request) {
    return "Bearer " + platform.minter.mint(request).token();
  }

  private void send(String customerId, String number) throws Exception {
    otp.start(ChallengeRequest.sms(customerId, Phone.of("1", number)));
  }

  @Test
  void orgToken_newestFirst_phonesMasked_filteredByCustomer() throws Exception {
    send(INDIVIDUAL, "2025550147");
    send(BUSINESS, "2025550148");
    String org = bearer(TokenRequest.org(platform.catalog.parse("customers")));

    JsonApiResponse all = api.sandboxMessages().messages(TestPlatform.request(org, null), null);
    JsonApiResponse one =
        api.sandboxMessages().messages(TestPlatform.request(org, null), INDIVIDUAL);

    assertThat(all.status()).isEqualTo(200);
    assertThat(TestPlatform.read(all, "data", "0", "attributes", "customerId")).isEqualTo(BUSINESS);
    assertThat(((List<?>) TestPlatform.read(all, "data"))).hasSize(2);
    assertThat(all.body()).doesNotContain("2025550147").contains("Your Acme verification code");
    assertThat(((List<?>) TestPlatform.read(one, "data"))).hasSize(1);
    assertThat(TestPlatform.read(one, "data", "0", "attributes", "customerId"))
        .isEqualTo(INDIVIDUAL);
  }

  @Test
  void customerTokenOrNone_refused_aCodeIsNeverReadBackWithTheTokenItUpgrades() throws Exception {
    send(INDIVIDUAL, "2025550147");
    String customer =
        bearer(TokenRequest.customer(INDIVIDUAL, platform.catalog.parse("customers")));

    assertThat(api.sandboxMessages().messages(TestPlatform.request(customer, null), null).status())
        .isEqualTo(403);
    assertThat(api.sandboxMessages().messages(TestPlatform.request(null, null), null).status())
        .isEqualTo(401);
  }

  @Test
  void outbox_keepsTheLastHundred() throws Exception {
    for (int i = 0; i < SandboxOutbox.KEPT + 5; i++) {
      send(Integer.toString(200_000 + i), Integer.toString(2_025_550_000 + i));
    }

    assertThat(outbox.messages(null)).hasSize(SandboxOutbox.KEPT);
    assertThat(outbox.toString()).isEqualTo("SandboxOutbox[100 messages]");
  }

  @Test
  void endpoints_withoutAnOutbox_refuseToServeIt() {
    JsonApiEndpoints none = JsonApiEndpoints.builder().authorizer(platform.authorizer).build();

    assertThatIllegalStateException().isThrownBy(none::sandboxMessages);
  }
}
