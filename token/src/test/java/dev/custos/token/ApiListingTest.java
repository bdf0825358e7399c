package dev.custos.token;

import dev.custos.testing.ApiListingContract;
import dev.custos.testing.ModuleApi;
import java.util.Collection;

/** The module's public API, against the committed api/custos-token.api. */
class ApiListingTest extends ApiListingContract {
  @Override
  protected String artifactId() {
    return "custos-token";
  }

  @Override
  protected Collection<Class<?>> apiTypes() {
    return ModuleApi.of(TokenMinter.class).types();
  }
}
