package dev.custos.server;

import dev.custos.testing.ApiListingContract;
import dev.custos.testing.ModuleApi;
import java.util.Collection;

/** The module's public API, against the committed api/custos-server.api. */
class ApiListingTest extends ApiListingContract {
  @Override
  protected String artifactId() {
    return "custos-server";
  }

  @Override
  protected Collection<Class<?>> apiTypes() {
    return ModuleApi.of(CustosServer.class).types();
  }
}
