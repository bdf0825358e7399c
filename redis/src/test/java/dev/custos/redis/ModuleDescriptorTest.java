package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ModuleDescriptorContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One package, re-exporting the modules whose store SPIs it implements (passkey optionally);
 * Lettuce stays inside.
 */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  @Override
  protected Class<?> anyType() {
    return CustosRedis.class;
  }

  @Override
  protected List<String> exports() {
    return List.of("dev.custos.redis");
  }

  @Override
  protected List<String> requiresTransitive() {
    return List.of("dev.custos.core", "dev.custos.otp", "dev.custos.passkey");
  }

  @Test
  void api_isTheEntryPointItsBuilderAndThePasskeyStore() {
    assertThat(api().types())
        .extracting(Class::getSimpleName)
        .containsExactlyInAnyOrder("CustosRedis", "Builder", "RedisPasskeys");
  }
}
