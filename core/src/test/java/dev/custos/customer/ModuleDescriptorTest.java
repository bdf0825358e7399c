package dev.custos.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ModuleDescriptorContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service layer exports one package per concept and re-exports exactly the modules whose types
 * its API takes and returns (scopes, OTP values, tokens); Caffeine, nimbus and slf4j stay inside.
 */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  @Override
  protected Class<?> anyType() {
    return CustomerTokenService.class;
  }

  @Override
  protected List<String> exports() {
    return List.of(
        "dev.custos.authz",
        "dev.custos.customer",
        "dev.custos.error",
        "dev.custos.jsonapi",
        "dev.custos.org");
  }

  @Override
  protected List<String> requiresTransitive() {
    return List.of("dev.custos.otp", "dev.custos.scopes", "dev.custos.token");
  }

  @Test
  void api_hasNoCodecOrInMemoryTypes() {
    assertThat(api().types())
        .extracting(Class::getSimpleName)
        .doesNotContain(
            "JsonApiCodec",
            "JsonPointer",
            "InMemoryCustomerDirectory",
            "ResourcesAttribute",
            "RequestDocuments",
            "ClientAddress");
  }

  /**
   * The wire format is the endpoint objects, their factory, a request and a response, and the
   * operation a host's (or a module's) own endpoint hands the factory to answer: no helper.
   */
  @Test
  void jsonapi_exportsTheEndpointObjectsOnly() {
    assertThat(api().types())
        .filteredOn(type -> type.getPackageName().equals("dev.custos.jsonapi"))
        .extracting(Class::getName)
        .containsExactlyInAnyOrder(
            "dev.custos.jsonapi.ApiRequest",
            "dev.custos.jsonapi.ApiRequest$Builder",
            "dev.custos.jsonapi.JsonApiEndpoints$Operation",
            "dev.custos.jsonapi.CardholderTokenEndpoints",
            "dev.custos.jsonapi.CustomerTokenEndpoints",
            "dev.custos.jsonapi.IdentityEndpoint",
            "dev.custos.jsonapi.JsonApiEndpoints",
            "dev.custos.jsonapi.JsonApiEndpoints$Builder",
            "dev.custos.jsonapi.JsonApiResponse",
            "dev.custos.jsonapi.OrgTokenEndpoints",
            "dev.custos.jsonapi.SandboxIdentityProviderEndpoint",
            "dev.custos.jsonapi.SandboxMessagesEndpoint",
            "dev.custos.jsonapi.SandboxOutbox");
  }
}
