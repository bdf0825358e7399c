package dev.custos.spring.boot;

import dev.custos.testing.ApiListingContract;
import java.util.Collection;

/**
 * The starter's public API (on the class path: every public type of its packages), against the
 * committed api/custos-spring-boot.api.
 */
class ApiListingTest extends ApiListingContract {
  @Override
  protected String artifactId() {
    return "custos-spring-boot";
  }

  @Override
  protected Collection<Class<?>> apiTypes() throws Exception {
    return publicTypesOf(
        "dev.custos.spring.boot", "dev.custos.spring.security", "dev.custos.spring.web");
  }
}
