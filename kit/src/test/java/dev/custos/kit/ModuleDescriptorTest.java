package dev.custos.kit;

import dev.custos.testing.ModuleDescriptorContract;
import java.util.List;

/**
 * The kit's API: its generators and their QuickTheories form, the in-memory platform, and the
 * AssertJ assertions, over Custos's core API.
 */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  @Override
  protected Class<?> anyType() {
    return Generator.class;
  }

  @Override
  protected List<String> exports() {
    return List.of("dev.custos.kit", "dev.custos.kit.assertj", "dev.custos.kit.quicktheories");
  }

  @Override
  protected List<String> requiresTransitive() {
    return List.of("dev.custos.core", "org.assertj.core", "quicktheories");
  }
}
