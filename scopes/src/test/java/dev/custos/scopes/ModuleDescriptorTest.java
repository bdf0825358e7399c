package dev.custos.scopes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ModuleDescriptorContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module's API is one package that depends on nothing but the JDK. */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  @Override
  protected Class<?> anyType() {
    return ScopeCatalog.class;
  }

  @Override
  protected List<String> exports() {
    return List.of("dev.custos.scopes");
  }

  @Override
  protected List<String> requiresTransitive() {
    return List.of();
  }

  @Test
  void api_isTheCatalogItsSetsAndItsFailures() {
    assertThat(api().types())
        .extracting(Class::getSimpleName)
        .containsExactlyInAnyOrder(
            "Access",
            "InvalidScopeException",
            "Reason",
            "Scope",
            "ScopeCatalog",
            "Builder",
            "ScopeSet",
            "TokenRole");
  }
}
