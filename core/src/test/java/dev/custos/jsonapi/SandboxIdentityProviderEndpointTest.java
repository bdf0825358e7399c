package dev.custos.jsonapi;

import static dev.custos.core.testing.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.core.testing.TestPlatform;
import dev.custos.customer.SandboxIdentityProvider;
import dev.custos.org.OrgTokenService;
import dev.custos.org.OrgUser;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sandbox identity provider's endpoint: JWTs for the admin only, trusted by its own side. */
class SandboxIdentityProviderEndpointTest {
  private final TestPlatform platform = new TestPlatform();
  private final SandboxIdentityProvider provider =
      SandboxIdentityProvider.create(platform.time, Set.of("user-1"));
  private final JsonApiEndpoints api =
      JsonApiEndpoints.builder()
          .authorizer(platform.authorizer)
          .orgTokens(
              OrgTokenService.builder()
                  .minter(platform.minter)
                  .authorizer(platform.authorizer)
                  .build(),
              header ->
                  switch (header) {
                    case "Bearer admin" -> Optional.of(OrgUser.admin("1"));
                    case "Bearer member" -> Optional.of(OrgUser.member("2"));
                    default -> Optional.empty();
                  })
          .sandboxIdentityProvider(provider)
          .build();

  private JsonApiResponse token(String authorization, String subject) {
    return api.sandboxIdentityProvider()
        .token(
            TestPlatform.request(
                authorization,
                "{\"data\":{\"type\":\"sandboxJwt\",\"attributes\":{\"subject\":\""
                    + subject
                    + "\"}}}"));
  }

  @Test
  void admin_getsAJwtItsProviderTrustsOnce() throws Exception {
    JsonApiResponse response = token("Bearer admin", "user-1");

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String jwt = (String) read(response, "data", "attributes", "jwt");
    var trusted = provider.trust().build();
    assertThat(trusted.subject(jwt, Set.of("user-1"))).isEqualTo("user-1");
  }

  @Test
  void memberOrNobody_refused_andAnUnknownSubject_400AtTheSubject() throws Exception {
    assertThat(token("Bearer member", "user-1").status()).isEqualTo(403);
    assertThat(token("Bearer someone", "user-1").status()).isEqualTo(403);
    assertThat(token(null, "user-1").status()).isEqualTo(401);
    JsonApiResponse unknown = token("Bearer admin", "root");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(read(unknown, "errors", "0", "source", "pointer"))
        .isEqualTo("/data/attributes/subject");
  }

  @Test
  void withoutTheHostsLogin_notBuilt() {
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                JsonApiEndpoints.builder()
                    .authorizer(platform.authorizer)
                    .sandboxIdentityProvider(provider)
                    .build());
  }
}
