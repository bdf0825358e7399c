package dev.custos.otp;

import dev.custos.testing.ApiListingContract;
import dev.custos.testing.ModuleApi;
import java.util.Collection;

/** The module's public API, against the committed api/custos-otp.api. */
class ApiListingTest extends ApiListingContract {
  @Override
  protected String artifactId() {
    return "custos-otp";
  }

  @Override
  protected Collection<Class<?>> apiTypes() {
    return ModuleApi.of(OtpEngine.class).types();
  }
}
