package dev.custos.scopes;

import dev.custos.testing.ApiListingContract;
import dev.custos.testing.ModuleApi;
import java.util.Collection;

/** The module's public API, against the committed api/custos-scopes.api. */
class ApiListingTest extends ApiListingContract {
  @Override
  protected String artifactId() {
    return "custos-scopes";
  }

  @Override
  protected Collection<Class<?>> apiTypes() {
    return ModuleApi.of(ScopeCatalog.class).types();
  }
}
