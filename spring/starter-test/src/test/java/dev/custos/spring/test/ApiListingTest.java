package dev.custos.spring.test;

import dev.custos.testing.ApiListingContract;
import java.util.Collection;

/** The test starter's public API, against the committed api/custos-spring-boot-starter-test.api. */
class ApiListingTest extends ApiListingContract {
  @Override
  protected String artifactId() {
    return "custos-spring-boot-starter-test";
  }

  @Override
  protected Collection<Class<?>> apiTypes() throws Exception {
    return publicTypesOf("dev.custos.spring.test");
  }
}
