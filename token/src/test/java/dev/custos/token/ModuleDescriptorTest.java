package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ModuleDescriptorContract;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module's API is one package over the scope catalog: no BouncyCastle or nimbus type shows, so
 * a verifying host needs neither on its own compile path, nor the OTP engine or Caffeine at all.
 */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  @Override
  protected Class<?> anyType() {
    return TokenVerifier.class;
  }

  @Override
  protected List<String> exports() {
    // The strict JSON reader is Custos's own, for the wire format in core: no adapter reads it.
    return List.of("dev.custos.token", "dev.custos.token.json to dev.custos.core");
  }

  @Override
  protected List<String> requiresTransitive() {
    return List.of("dev.custos.scopes");
  }

  @Test
  void module_needsNoOtpEngineAndNoCaffeine() {
    assertThat(TokenVerifier.class.getModule().getDescriptor().requires())
        .extracting(ModuleDescriptor.Requires::name)
        .doesNotContain("dev.custos.otp", "dev.custos.core", "com.github.benmanes.caffeine");
  }

  @Test
  void api_hasNoCodecTypes() {
    assertThat(api().types())
        .extracting(Class::getSimpleName)
        .doesNotContain("PasetoPublic", "Pae", "Base64Url", "Paserk", "Claims", "AcceptedKey");
  }
}
