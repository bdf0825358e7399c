package dev.custos.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ModuleDescriptorContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One package, re-exporting core (whose SPI it implements); webauthn4j stays inside. */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  @Override
  protected Class<?> anyType() {
    return Passkeys.class;
  }

  @Override
  protected List<String> exports() {
    return List.of("dev.custos.passkey");
  }

  @Override
  protected List<String> requiresTransitive() {
    return List.of("dev.custos.core");
  }

  @Test
  void api_hasNoWebAuthnImplementationTypes() {
    assertThat(api().types())
        .extracting(Class::getSimpleName)
        .doesNotContain(
            "WebAuthnCeremonies",
            "BrowserCredential",
            "InMemoryPasskeyStore",
            "PasskeyOptions",
            "PasskeyFailures",
            "CounterRule");
  }
}
