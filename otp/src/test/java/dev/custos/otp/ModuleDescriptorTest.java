package dev.custos.otp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ModuleDescriptorContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module's API is the engine's package and the store SPI's, and re-exports nothing: Caffeine,
 * BouncyCastle and slf4j are implementation, and a host never names their types. Only the engine
 * makes a verification result.
 */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  @Override
  protected Class<?> anyType() {
    return OtpEngine.class;
  }

  @Override
  protected List<String> exports() {
    return List.of("dev.custos.otp", "dev.custos.otp.spi");
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

  /**
   * Tink's typestate for the OTP side: no public constructor or method of the module's API hands
   * out a {@link VerificationResult} except the engine's {@code verify} and {@code verifyDevice},
   * so an approved result comes from a checked code or from the store's consuming a device
   * challenge. (Before, any store, or anyone, could make an approved one.)
   */
  @Test
  void api_onlyTheEngineMakesVerificationResults() {
    java.util.List<String> makers = new java.util.ArrayList<>();
    for (Class<?> type : api().types()) {
      for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
        if (java.lang.reflect.Modifier.isPublic(method.getModifiers())
            && VerificationResult.class.isAssignableFrom(method.getReturnType())) {
          makers.add(type.getSimpleName() + "." + method.getName());
        }
      }
      for (java.lang.reflect.Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (type == VerificationResult.class
            && java.lang.reflect.Modifier.isPublic(constructor.getModifiers())) {
          makers.add("new VerificationResult");
        }
      }
    }

    assertThat(makers).containsOnly("OtpEngine.verify", "OtpEngine.verifyDevice");
  }
}
