package dev.custos.otp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ModuleDescriptorContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module's API is one package and re-exports nothing: Caffeine, BouncyCastle and slf4j are
 * implementation, and a host never names their types.
 */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  @Override
  protected Class<?> anyType() {
    return OtpEngine.class;
  }

  @Override
  protected List<String> exports() {
    return List.of("dev.custos.otp");
  }

  @Override
  protected List<String> requiresTransitive() {
    return List.of();
  }

  @Test
  void api_hasNoStateOrCryptoTypes() {
    assertThat(api().types())
        .extracting(Class::getSimpleName)
        .doesNotContain(
            "CaffeineOtpStore", "OtpCrypto", "PendingChallenge", "SendWindow", "FailureCount");
  }
}
