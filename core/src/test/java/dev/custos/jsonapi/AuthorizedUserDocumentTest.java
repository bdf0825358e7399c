package dev.custos.jsonapi;

import static dev.custos.core.testing.TestPlatform.BUSINESS;
import static dev.custos.core.testing.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.core.testing.TestPlatform;
import org.junit.jupiter.api.Test;

/**
 * Create Customer Token's {@code relationships.authorizedUserResource}, read as strictly as the
 * rest of the document: every fault at its own pointer.
 */
class AuthorizedUserDocumentTest {
  private final TestPlatform platform = new TestPlatform();

  private JsonApiResponse create(String relationships) {
    return platform.createToken(
        platform.orgHeader(),
        BUSINESS,
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"accounts\"},"
            + "\"relationships\":"
            + relationships
            + "}}");
  }

  @Test
  void authorizedUserResource_asUnitWritesIt_bindsTheToken() throws Exception {
    JsonApiResponse response =
        create(
            "{\"authorizedUserResource\":{\"data\":{\"type\":\"authorizedUser\",\"id\":\"au-1\"}}}");

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String token = (String) read(response, "data", "attributes", "token");
    assertThat(platform.verifier.verify(token).authorizedUser()).contains("au-1");
  }

  @Test
  void malformedRelationships_400AtTheirPointer() throws Exception {
    String base = "/data/relationships";
    String[][] cases = {
      {"{\"other\":{}}", base + "/other"},
      {
        "{\"authorizedUserResource\":{\"data\":{\"type\":\"user\",\"id\":\"au-1\"}}}",
        base + "/authorizedUserResource/data/type"
      },
      {
        "{\"authorizedUserResource\":{\"data\":{\"type\":\"authorizedUser\",\"id\":7}}}",
        base + "/authorizedUserResource/data/id"
      },
      {
        "{\"authorizedUserResource\":{\"data\":{\"type\":\"authorizedUser\",\"id\":\"au-1\","
            + "\"x\":1}}}",
        base + "/authorizedUserResource/data/x"
      },
      {
        "{\"authorizedUserResource\":{\"data\":{\"type\":\"authorizedUser\",\"id\":\"au-9\"}}}",
        base + "/authorizedUserResource"
      },
      {"[]", base},
    };
    for (String[] c : cases) {
      JsonApiResponse response = create(c[0]);
      assertThat(response.status()).as(c[0]).isEqualTo(400);
      assertThat(read(response, "errors", "0", "source", "pointer")).as(c[0]).isEqualTo(c[1]);
    }
  }
}
