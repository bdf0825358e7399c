package dev.custos.otp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ModuleApi;
import org.junit.jupiter.api.Test;

/** The module's API is what it means to be: one package, no foreign type, no re-exported module. */
class ModuleDescriptorTest {
  private final ModuleApi api = ModuleApi.of(OtpEngine.class);

  @Test
  void module_exportsOnlyTheApiPackage() {
    assertThat(api.name()).isEqualTo("dev.custos.otp");
    assertThat(api.exports()).containsExactly("dev.custos.otp");
    assertThat(api.opens()).isEmpty();
  }

  @Test
  void module_requiresNothingTransitively() {
    // Caffeine, BouncyCastle and slf4j are implementation: a host never names their types.
    assertThat(api.requiresTransitive()).isEmpty();
  }

  @Test
  void api_showsNoTypeOfAnotherModule() {
    assertThat(api.leaks()).isEmpty();
  }

  @Test
  void api_hasNoTestOnlyOrImplementationTypes() {
    assertThat(api.types())
        .extracting(Class::getSimpleName)
        .doesNotContain("DefaultOtpEngine", "CaffeineOtpStore", "OtpStore", "OtpCrypto")
        .allMatch(name -> !name.contains("Test") && !name.contains("Fake"));
  }
}
