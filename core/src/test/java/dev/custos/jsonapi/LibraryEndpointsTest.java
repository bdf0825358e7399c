package dev.custos.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.core.testing.TestPlatform;
import dev.custos.org.OrgTokenService;
import dev.custos.org.OrgUser;
import dev.custos.token.TokenRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The library's endpoint objects on their own, without any HTTP server: org API tokens, {@code GET
 * /identity}, the envelope every endpoint checks, and one strictness for every document.
 */
class LibraryEndpointsTest {
  private static final String ADMIN = "admin-credential";

  private final TestPlatform platform = new TestPlatform();
  private final JsonApiEndpoints api =
      JsonApiEndpoints.builder()
          .authorizer(platform.authorizer)
          .customerTokens(platform.service)
          .orgTokens(
              OrgTokenService.builder()
                  .minter(platform.minter)
                  .authorizer(platform.authorizer)
                  .build(),
              header ->
                  header.equals("Bearer " + ADMIN)
                      ? Optional.of(OrgUser.admin("1"))
                      : Optional.empty())
          .trustedProxies("10.0.0.0/8")
          .build();

  private static ApiRequest request(String authorization, String body) {
    return TestPlatform.request(authorization, body);
  }

  private static Object read(JsonApiResponse response, String... path) throws Exception {
    return TestPlatform.read(response, path);
  }

  private String apiTokenBody(String extra) {
    return "{\"data\":{\"type\":\"apiToken\",\"attributes\":{\"description\":\"ci\","
        + "\"scope\":\"customers\",\"expiration\":\""
        + platform.time.instant().plus(Duration.ofDays(1))
        + "\"}}"
        + extra
        + "}";
  }

  @Test
  void orgTokens_createListRevoke_withoutAnyHttpServer() throws Exception {
    JsonApiResponse created =
        api.orgTokens().create("1", request("Bearer " + ADMIN, apiTokenBody("")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = (String) read(created, "data", "id");
    String token = (String) read(created, "data", "attributes", "token");

    JsonApiResponse listed = api.orgTokens().list("1", request("Bearer " + ADMIN, null));
    assertThat(listed.body()).contains(id).doesNotContain(token);
    assertThat(api.identity().identity(request("Bearer " + token, null)).status()).isEqualTo(200);

    assertThat(api.orgTokens().revoke("1", id, request("Bearer " + ADMIN, null)).body())
        .isEqualTo("{\"meta\":{\"revoked\":true}}");
    assertThat(api.identity().identity(request("Bearer " + token, null)).status()).isEqualTo(401);
  }

  @Test
  void orgTokens_noCredentialsOrNoUser_401Then403() {
    assertThat(api.orgTokens().list("1", request(null, null)).status()).isEqualTo(401);
    assertThat(api.orgTokens().list("1", request(platform.orgHeader(), null)).status())
        .as("an org API token is no user")
        .isEqualTo(403);
  }

  /** The defect found from outside: the server's reader let an unknown top-level member through. */
  @Test
  void orgTokens_unknownTopLevelMember_400AtItsPointerAsOnEveryEndpoint() throws Exception {
    JsonApiResponse response =
        api.orgTokens().create("1", request("Bearer " + ADMIN, apiTokenBody(",\"meta\":{}")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(read(response, "errors", "0", "source", "pointer")).isEqualTo("/meta");
  }

  /** The same bad document gets the same 400 and pointer whichever endpoint it is sent to. */
  @Test
  void everyEndpoint_sameBadDocument_sameErrorAndPointer() throws Exception {
    String[][] cases = {
      {"{\"data\":{},\"extra\":1}", "/extra"},
      {"{\"data\":{\"type\":\"x\",\"attributes\":{}}}", "/data/type"},
      {"{\"data\":{\"a\":1,\"a\":2}}", "/data/a"},
      {"[1]", ""},
      {"not json", ""},
      {"{\"data\":{\"type\":\"T\",\"attributes\":{},\"id\":\"1\"}}", "/data/id"},
    };
    List<String> differences = new ArrayList<>();
    for (String[] c : cases) {
      List<JsonApiResponse> answers =
          List.of(
              api.customerTokens().createToken("100001", request(platform.orgHeader(), c[0])),
              api.customerTokens()
                  .createVerification("100001", request(platform.orgHeader(), c[0])),
              api.orgTokens().create("1", request("Bearer " + ADMIN, c[0])));
      for (JsonApiResponse answer : answers) {
        Object pointer = read(answer, "errors", "0", "source", "pointer");
        if (answer.status() != 400 || !c[1].equals(pointer)) {
          differences.add(c[0] + " -> " + answer.status() + " at " + pointer);
        }
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void envelope_mediaTypeSizeAndEncoding_checkedByEveryEndpoint() throws Exception {
    ApiRequest textPlain =
        ApiRequest.builder()
            .authorization("Bearer " + ADMIN)
            .contentType("text/plain")
            .body(apiTokenBody("").getBytes(StandardCharsets.UTF_8))
            .build();
    ApiRequest tooLong =
        request("Bearer " + ADMIN, " ".repeat(JsonApiEndpoints.MAX_BODY_BYTES + 1));
    ApiRequest notUtf8 =
        ApiRequest.builder()
            .authorization(platform.orgHeader())
            .body(new byte[] {'{', (byte) 0xC3, '}'})
            .build();

    assertThat(api.orgTokens().create("1", textPlain).status()).isEqualTo(415);
    assertThat(api.customerTokens().createToken("100001", textPlain).status()).isEqualTo(415);
    assertThat(api.orgTokens().create("1", tooLong).status()).isEqualTo(413);
    JsonApiResponse invalid = api.customerTokens().createToken("100001", notUtf8);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("not UTF-8");
  }

  @Test
  void everyResponse_noStoreNosniffAndTheMediaType() {
    List<JsonApiResponse> responses =
        List.of(
            api.identity().identity(request(null, null)),
            api.identity().identity(request(platform.orgHeader(), null)),
            api.orgTokens().list("1", request("Bearer " + ADMIN, null)));
    for (JsonApiResponse response : responses) {
      assertThat(response.headers())
          .containsEntry("Cache-Control", "no-store")
          .containsEntry("X-Content-Type-Options", "nosniff")
          .containsEntry("Content-Type", "application/vnd.api+json");
    }
  }

  @Test
  void identity_sourceIpToken_clientTakenFromATrustedProxyOnly() throws Exception {
    String limited =
        "Bearer "
            + platform
                .minter
                .mint(
                    TokenRequest.org(platform.catalog.parse("customers"))
                        .fromSourceIp("203.0.113.7"))
                .token();
    ApiRequest viaProxy =
        ApiRequest.builder()
            .authorization(limited)
            .remoteAddress("10.1.2.3")
            .forwardedFor(List.of("203.0.113.7"))
            .build();
    ApiRequest spoofed =
        ApiRequest.builder()
            .authorization(limited)
            .remoteAddress("198.51.100.9")
            .forwardedFor(List.of("203.0.113.7"))
            .build();

    assertThat(api.identity().identity(viaProxy).status()).isEqualTo(200);
    assertThat(api.identity().identity(spoofed).status()).isEqualTo(403);
    assertThat(api.authenticate(viaProxy).sourceIp()).contains("203.0.113.7");
  }

  @Test
  void document_hostsOwnEndpoint_readAsStrictly() throws Exception {
    Map<String, Object> document =
        api.document(request(null, "{\"data\":{\"type\":\"card\",\"attributes\":{}}}"));
    assertThat(document).containsKey("data");

    JsonApiResponse duplicate =
        JsonApiResponse.error(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> api.document(request(null, "{\"data\":{\"a\":1,\"a\":1}}")),
                    dev.custos.error.ApiException.class)
                .error());
    assertThat(read(duplicate, "errors", "0", "source", "pointer")).isEqualTo("/data/a");
  }

  @Test
  void endpoints_builtWithoutAService_sayWhichOnAsk() {
    JsonApiEndpoints bare = JsonApiEndpoints.builder().authorizer(platform.authorizer).build();
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(bare::orgTokens)
        .withMessage("built without an org-token service");
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(bare::customerTokens)
        .withMessage("built without a customer-token service");
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> JsonApiEndpoints.builder().build())
        .withMessage("an authorizer is required");
    assertThat(bare.identity()).isNotNull();
  }
}
