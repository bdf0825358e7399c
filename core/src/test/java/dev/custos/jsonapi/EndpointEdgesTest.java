package dev.custos.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.core.testing.TestPlatform;
import dev.custos.customer.CustomerTokenService;
import dev.custos.org.OrgTokenService;
import dev.custos.org.OrgUser;
import dev.custos.token.TokenRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The edges of the endpoint objects an HTTP adapter does not see: a request without headers, the
 * media type's parameters, a fault of the host's, the org token document's optional members, what a
 * request shows of itself.
 */
class EndpointEdgesTest {
  private static final String ADMIN = "Bearer admin";

  private final TestPlatform platform = new TestPlatform();
  private final OrgTokenService orgTokens =
      OrgTokenService.builder().minter(platform.minter).authorizer(platform.authorizer).build();
  private final JsonApiEndpoints api =
      JsonApiEndpoints.builder()
          .authorizer(platform.authorizer)
          .customerTokens(platform.service)
          .orgTokens(
              orgTokens,
              header -> header.equals(ADMIN) ? Optional.of(OrgUser.admin("1")) : Optional.empty())
          .build();

  private static ApiRequest typed(String contentType, String body) {
    return ApiRequest.builder()
        .authorization("Bearer not-checked-before-the-envelope")
        .contentType(contentType)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private String apiToken(String extra) {
    return "{\"data\":{\"type\":\"apiToken\",\"attributes\":{\"description\":\"ci\","
        + "\"scope\":\"customers customer-token-write\",\"expiration\":\""
        + platform.time.instant().plus(Duration.ofDays(1))
        + "\""
        + extra
        + "}}}";
  }

  @Test
  void noAuthorizationHeaderAtAll_401OnEveryEndpoint() throws Exception {
    ApiRequest bare = ApiRequest.builder().build();

    List<JsonApiResponse> answers =
        List.of(
            api.identity().identity(bare),
            api.customerTokens().createToken("100001", TestPlatform.request(null, "{}")),
            api.orgTokens().list("1", bare),
            api.orgTokens().list("1", ApiRequest.builder().authorization("").build()),
            api.orgTokens().create("1", TestPlatform.request(null, apiToken(""))));
    for (JsonApiResponse answer : answers) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(401);
      assertThat(answer.headers()).containsKey("WWW-Authenticate");
    }
  }

  @Test
  void mediaType_onlyExtAndProfileParameters_everyOtherTypeOrParameter415() {
    String body =
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"customers\"}}}";
    List<String> wrong = new ArrayList<>();
    for (String accepted :
        List.of(
            "application/vnd.api+json",
            "APPLICATION/VND.API+JSON",
            "application/vnd.api+json; ext=\"https://jsonapi.org/ext/atomic\"",
            "application/vnd.api+json;profile=\"https://example.com/p\"",
            "application/vnd.api+json; EXT=a; Profile=b")) {
      if (api.customerTokens().createToken("100001", typed(accepted, body)).status() == 415) {
        wrong.add("refused " + accepted);
      }
    }
    for (String refused :
        List.of(
            "application/vnd.api+json; charset=utf-8",
            "application/vnd.api+json; ext=a; charset=utf-8",
            "application/json",
            "application/vnd.api+jsonx",
            "text/plain")) {
      if (api.customerTokens().createToken("100001", typed(refused, body)).status() != 415) {
        wrong.add("accepted " + refused);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void faultOfTheHost_500DocumentNamingNothing() throws Exception {
    CustomerTokenService failing =
        CustomerTokenService.builder()
            .directory(
                id -> {
                  throw new IllegalStateException("the customer database at 10.1.2.3 is down");
                })
            .otpEngine(platform.otp)
            .minter(platform.minter)
            .authorizer(platform.authorizer)
            .build();
    JsonApiEndpoints endpoints =
        JsonApiEndpoints.builder().authorizer(platform.authorizer).customerTokens(failing).build();

    JsonApiResponse answer =
        endpoints
            .customerTokens()
            .createToken(
                "100001",
                TestPlatform.request(
                    platform.orgHeader(),
                    "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"customers\"}}}"));

    assertThat(answer.status()).isEqualTo(500);
    assertThat(TestPlatform.read(answer, "errors", "0", "code")).isEqualTo("internal_error");
    assertThat(answer.body()).doesNotContain("10.1.2.3").doesNotContain("IllegalState");
  }

  @Test
  void apiToken_sourceIpAndResources_keptAndShown_nullSourceIpIsNone() throws Exception {
    JsonApiResponse limited =
        api.orgTokens()
            .create(
                "1",
                TestPlatform.request(
                    ADMIN,
                    apiToken(
                        ",\"sourceIp\":\"192.0.2.0/24\","
                            + "\"resources\":[{\"type\":\"account\",\"ids\":[\"10001\"]}]")));
    assertThat(limited.status()).as(limited.body()).isEqualTo(201);
    assertThat(TestPlatform.read(limited, "data", "attributes", "sourceIp"))
        .isEqualTo("192.0.2.0/24");
    String token = (String) TestPlatform.read(limited, "data", "attributes", "token");
    assertThat(platform.verifier.verify(token).resources().allowsAccount("10002")).isFalse();
    assertThat(platform.verifier.verify(token).resources().allowsAccount("10001")).isTrue();

    JsonApiResponse open =
        api.orgTokens().create("1", TestPlatform.request(ADMIN, apiToken(",\"sourceIp\":null")));
    assertThat(open.status()).as(open.body()).isEqualTo(201);
    assertThat(TestPlatform.read(open, "data", "attributes")).asString().doesNotContain("sourceIp");
  }

  @Test
  void apiToken_nullResources_asIfAbsent_asUnitsSchemaAllows() throws Exception {
    JsonApiResponse created =
        api.orgTokens().create("1", TestPlatform.request(ADMIN, apiToken(",\"resources\":null")));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(TestPlatform.read(created, "data", "attributes"))
        .asString()
        .doesNotContain("resources");
    String token = (String) TestPlatform.read(created, "data", "attributes", "token");
    assertThat(platform.verifier.verify(token).resources().isLimited()).isFalse();
    assertThat((String) TestPlatform.read(created, "data", "id")).matches("[1-9]\\d*");
  }

  @Test
  void apiToken_requiredMemberMissingOrNotAString_400AtIt() throws Exception {
    String[][] cases = {
      {apiToken("").replace("\"description\":\"ci\",", ""), "/data/attributes/description"},
      {apiToken("").replace("\"ci\"", "7"), "/data/attributes/description"},
      {
        apiToken("").replace("\"scope\":\"customers customer-token-write\",", ""),
        "/data/attributes/scope"
      },
    };
    for (String[] c : cases) {
      JsonApiResponse answer = api.orgTokens().create("1", TestPlatform.request(ADMIN, c[0]));
      assertThat(answer.status()).as(c[0]).isEqualTo(400);
      assertThat(TestPlatform.read(answer, "errors", "0", "source", "pointer"))
          .as(c[0])
          .isEqualTo(c[1]);
    }
  }

  @Test
  void noTrustedProxies_forwardedForNeverBelieved() {
    JsonApiEndpoints none =
        JsonApiEndpoints.builder()
            .authorizer(platform.authorizer)
            .customerTokens(platform.service)
            .trustedProxies()
            .build();
    String token =
        platform
            .minter
            .mint(TokenRequest.org(platform.catalog.parse("customers")).fromSourceIp("203.0.113.9"))
            .token();
    ApiRequest forged =
        ApiRequest.builder()
            .authorization("Bearer " + token)
            .remoteAddress("10.0.0.1")
            .forwardedFor(List.of("203.0.113.9"))
            .build();

    assertThat(none.identity().identity(forged).status()).isEqualTo(403);
  }

  @Test
  void request_toString_showsNeitherTokenNorBody() {
    ApiRequest request =
        ApiRequest.builder()
            .authorization("Bearer v2.public.secret-token")
            .contentType("application/vnd.api+json")
            .body("{\"verificationCode\":\"123456\"}".getBytes(StandardCharsets.UTF_8))
            .remoteAddress("192.0.2.1")
            .build();

    assertThat(request.toString())
        .doesNotContain("secret-token")
        .doesNotContain("123456")
        .isEqualTo("ApiRequest[credentials, 29 bytes]");
    assertThat(ApiRequest.builder().build()).hasToString("ApiRequest[no credentials, 0 bytes]");
  }
}
