package dev.custos.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.customer.CustomerTokenService;
import dev.custos.otp.OtpEngine;
import dev.custos.testing.ReadmeText;
import dev.custos.token.TokenMinter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's passkey wiring, as compiled and run here. */
class ReadmePasskeysTest {
  private final PasskeyPlatform platform = new PasskeyPlatform();

  @Test
  void readme_showsTheWiringAsCompiled_andItServesPasskeys() throws Exception {
    String wiring =
        ReadmeText.marked(
            Path.of("src/test/java/dev/custos/passkey/ReadmePasskeysTest.java"), "passkeys");

    assertThat(ReadmeText.section(Path.of("..", "README.md"), "## Passkeys"))
        .contains("```java\n" + wiring + "```");
    CustomerTokenService service =
        customerTokens(
            platform.otp, platform.authorizer, platform.directory, platform.minter, new byte[32]);
    // Passkeys are on: a customer without one is told to enrol (without them, "not enabled").
    org.assertj.core.api.Assertions.assertThatExceptionOfType(dev.custos.error.ApiException.class)
        .isThrownBy(() -> service.createPasskeyVerification(platform.org(), "100001"))
        .withMessageContaining("enrol one first");
  }

  // README:passkeys
  CustomerTokenService customerTokens(
      OtpEngine otp,
      RequestAuthorizer authorizer,
      CustomerDirectory customers,
      TokenMinter minter,
      byte[] userHandleKey) { // 32 secret bytes, the same on every instance
    PasskeyRelyingParty bank =
        PasskeyRelyingParty.builder()
            .id("bank.example")
            .name("Example Bank")
            .origins("https://bank.example")
            .userHandleKey(userHandleKey)
            .build();
    Passkeys passkeys =
        Passkeys.builder()
            .relyingParty(bank)
            .otpEngine(otp) // the service's: passkeys and codes share single use and lockout
            .authorizer(authorizer)
            .directory(customers)
            .clock(minter.clock())
            .build(); // .store(RedisPasskeys.store(redis)) for several instances
    // Mount new PasskeyEndpoints(passkeys, api) beside the customer-token endpoints.
    return CustomerTokenService.builder()
        .directory(customers)
        .otpEngine(otp)
        .minter(minter)
        .authorizer(authorizer)
        .passkeys(passkeys)
        .build();
  }
  // README:end
}
