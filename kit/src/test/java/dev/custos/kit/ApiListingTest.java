package dev.custos.kit;

import dev.custos.testing.ApiListingContract;
import dev.custos.testing.ModuleApi;
import java.util.Collection;

/** The module's public API, against the committed api/custos-test-kit.api. */
class ApiListingTest extends ApiListingContract {
  @Override
  protected String artifactId() {
    return "custos-test-kit";
  }

  @Override
  protected Collection<Class<?>> apiTypes() {
    return ModuleApi.of(Generator.class).types();
  }
}
