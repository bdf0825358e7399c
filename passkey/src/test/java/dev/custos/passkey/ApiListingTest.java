package dev.custos.passkey;

import dev.custos.testing.ApiListingContract;
import dev.custos.testing.ModuleApi;
import java.util.Collection;

/** The module's public API, against the committed api/custos-passkey.api. */
class ApiListingTest extends ApiListingContract {
  @Override
  protected String artifactId() {
    return "custos-passkey";
  }

  @Override
  protected Collection<Class<?>> apiTypes() {
    return ModuleApi.of(Passkeys.class).types();
  }
}
