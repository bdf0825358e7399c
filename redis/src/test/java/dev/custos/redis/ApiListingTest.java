package dev.custos.redis;

import dev.custos.testing.ApiListingContract;
import dev.custos.testing.ModuleApi;
import java.util.Collection;

/** The module's public API, against the committed api/custos-redis.api. */
class ApiListingTest extends ApiListingContract {
  @Override
  protected String artifactId() {
    return "custos-redis";
  }

  @Override
  protected Collection<Class<?>> apiTypes() {
    return ModuleApi.of(CustosRedis.class).types();
  }
}
