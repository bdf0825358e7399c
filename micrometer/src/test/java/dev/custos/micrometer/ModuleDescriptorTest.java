package dev.custos.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ModuleDescriptorContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One package with one type; the library and Micrometer are what its API speaks. */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  @Override
  protected Class<?> anyType() {
    return CustosMetrics.class;
  }

  @Override
  protected List<String> exports() {
    return List.of("dev.custos.micrometer");
  }

  @Override
  protected List<String> requiresTransitive() {
    return List.of("dev.custos.core", "micrometer.core");
  }

  @Test
  void api_isOneType() {
    assertThat(api().types()).extracting(Class::getSimpleName).containsExactly("CustosMetrics");
  }
}
