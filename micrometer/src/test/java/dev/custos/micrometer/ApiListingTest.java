package dev.custos.micrometer;

import dev.custos.testing.ApiListingContract;
import dev.custos.testing.ModuleApi;
import java.util.Collection;

/** The module's public API, against the committed api/custos-micrometer.api. */
class ApiListingTest extends ApiListingContract {
  @Override
  protected String artifactId() {
    return "custos-micrometer";
  }

  @Override
  protected Collection<Class<?>> apiTypes() {
    return ModuleApi.of(CustosMetrics.class).types();
  }
}
