package dev.custos.customer;

import dev.custos.testing.ApiListingContract;
import dev.custos.testing.ModuleApi;
import java.util.Collection;

/** The module's public API, against the committed api/custos-core.api. */
class ApiListingTest extends ApiListingContract {
  @Override
  protected String artifactId() {
    return "custos-core";
  }

  @Override
  protected Collection<Class<?>> apiTypes() {
    return ModuleApi.of(CustomerTokenService.class).types();
  }
}
