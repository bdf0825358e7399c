package dev.custos.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.token.Resources;
import dev.custos.token.TokenRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The codec's bounds at their edges, and the response's rules. */
class RequestDocumentsTest {
  private static String token(String attributes) {
    return "{\"data\":{\"type\":\"customerToken\",\"attributes\":{" + attributes + "}}}";
  }

  private static ApiException refused(String body) {
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> CustomerTokenDocuments.parseCustomerToken(body))
        .actual();
  }

  @Test
  void parseCustomerToken_expiresInBounds_oneTo86400() throws Exception {
    assertThat(
            CustomerTokenDocuments.parseCustomerToken(token("\"scope\":\"cards\",\"expiresIn\":1"))
                .expiresIn())
        .hasValue(1);
    assertThat(
            CustomerTokenDocuments.parseCustomerToken(
                    token("\"scope\":\"cards\",\"expiresIn\":86400"))
                .expiresIn())
        .hasValue(86_400);
  }

  /** The range is the service's (EndpointErrorsTest): the codec passes any integer through. */
  @ParameterizedTest
  @ValueSource(strings = {"0", "86401", "-1", "9223372036854775807"})
  void parseCustomerToken_expiresInAnyInteger_passedToTheService(String value) throws Exception {
    assertThat(
            CustomerTokenDocuments.parseCustomerToken(
                    token("\"scope\":\"cards\",\"expiresIn\":" + value))
                .expiresIn())
        .hasValue(Long.parseLong(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"60\"", "1.5", "null", "1e3"})
  void parseCustomerToken_expiresInNotAnInteger_pointsAtIt(String value) {
    ApiException e = refused(token("\"scope\":\"cards\",\"expiresIn\":" + value));

    assertThat(e.error().pointer()).contains("/data/attributes/expiresIn");
    assertThat(e.error().detail()).isEqualTo("expiresIn must be an integer from 1 to 86400");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void parse_emptyBody_invalidValue(String body) {
    assertThat(refused(body).error().detail()).isEqualTo("the request body is empty");
    assertThat(
            assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> CustomerTokenDocuments.parseCustomerToken(null))
                .actual()
                .error()
                .detail())
        .isEqualTo("the request body is empty");
  }

  @Test
  void envelope_bodyAtTheByteBound_readAndOneMoreByteRefused() throws Exception {
    dev.custos.core.testing.TestPlatform platform = new dev.custos.core.testing.TestPlatform();
    String document = token("\"scope\":\"cards\"");
    String padded = document + " ".repeat(JsonApiEndpoints.MAX_BODY_BYTES - document.length());

    assertThat(
            platform
                .createToken(
                    platform.orgHeader(), dev.custos.core.testing.TestPlatform.INDIVIDUAL, padded)
                .status())
        .isEqualTo(201);
    JsonApiResponse over =
        platform.createToken(
            platform.orgHeader(), dev.custos.core.testing.TestPlatform.INDIVIDUAL, padded + " ");
    assertThat(over.status()).isEqualTo(413);
    assertThat(over.body()).contains("longer than 16384 bytes");
  }

  @Test
  void parse_dataMissingNullOrNotAnObject_pointsAtData() {
    for (String body : new String[] {"{}", "{\"data\":null}"}) {
      ApiException e = refused(body);
      assertThat(e.error().detail()).as(body).isEqualTo("data is required");
      assertThat(e.error().pointer()).as(body).contains("/data");
    }
    assertThat(refused("{\"data\":\"x\"}").error().detail()).isEqualTo("data must be an object");
  }

  @Test
  void renderError_parameterSource_named() throws Exception {
    String body =
        JsonApiResponse.error(
                ApiError.of(ApiErrorCode.FORBIDDEN, "not yours").atParameter("filter[customerId]"))
            .body();

    assertThat(body).contains("\"source\":{\"parameter\":\"filter[customerId]\"}");
  }

  @Test
  void response_errorsAndSuccesses_followTheirRules() {
    JsonApiResponse unauthorized =
        JsonApiResponse.error(ApiError.of(ApiErrorCode.UNAUTHORIZED, "no token"));
    JsonApiResponse forbidden = JsonApiResponse.error(ApiError.of(ApiErrorCode.FORBIDDEN, "no"));

    assertThat(unauthorized.headers()).containsEntry("WWW-Authenticate", "Bearer");
    assertThat(forbidden.headers()).doesNotContainKey("WWW-Authenticate");
    assertThat(JsonApiResponse.ok(200, "{}").status()).isEqualTo(200);
    assertThat(JsonApiResponse.ok(299, "{}")).hasToString("JsonApiResponse[299, 2 chars]");
    assertThatIllegalArgumentException().isThrownBy(() -> JsonApiResponse.ok(199, "{}"));
    assertThatIllegalArgumentException().isThrownBy(() -> JsonApiResponse.ok(300, "{}"));
  }

  /** A token for customer 100001 of the given scopes, shaped further by {@code shape}. */
  private static String mint(
      dev.custos.core.testing.TestPlatform platform,
      String scopes,
      java.util.function.UnaryOperator<dev.custos.token.TokenRequest> shape) {
    return platform
        .minter
        .mint(
            shape.apply(
                dev.custos.token.TokenRequest.customer("100001", platform.catalog.parse(scopes))))
        .token();
  }

  @Test
  void identity_customerToken_claimsWithoutTheToken() throws Exception {
    dev.custos.core.testing.TestPlatform platform = new dev.custos.core.testing.TestPlatform();
    String token =
        mint(
            platform,
            "accounts customer-token-write",
            r -> r.upgradableTo(platform.catalog.parse("payments-write")));

    JsonApiResponse identity = platform.identity("Bearer " + token);

    assertThat(identity.status()).isEqualTo(200);
    assertThat(identity.body())
        .contains("\"type\":\"tokenIdentity\"")
        .contains("\"role\":\"customer\"")
        .contains("\"customerId\":\"100001\"")
        .contains("\"scope\":\"customer-token-write accounts\"")
        .contains("\"upgradableScope\":\"payments-write\"")
        .contains("\"twoFactor\":false")
        .doesNotContain(token);
    assertThat(platform.identity(null).status()).isEqualTo(401);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "[]                                         | /data/attributes/resources",
        "\"10001\"                                    | /data/attributes/resources",
        "[1]                                        | /data/attributes/resources/0",
        "[{\"type\":\"loan\",\"ids\":[\"1\"]}]          | /data/attributes/resources/0/type",
        "[{\"type\":\"card\",\"ids\":[]}]             | /data/attributes/resources/0/ids",
        "[{\"type\":\"card\",\"ids\":[\"1\",\"01\"]}]     | /data/attributes/resources/0/ids/1",
        "[{\"type\":\"card\",\"ids\":[\"1\"],\"x\":1}]    | /data/attributes/resources/0/x",
      })
  void parseCustomerToken_malformedResources_pointsAtTheFault(String resources, String pointer) {
    ApiException e = refused(token("\"scope\":\"cards\",\"resources\":" + resources.trim()));

    assertThat(e.error().pointer()).contains(pointer.trim());
  }

  @Test
  void parseCustomerToken_resources_unionOfAccountsAndCards() throws Exception {
    assertThat(
            CustomerTokenDocuments.parseCustomerToken(
                    token(
                        "\"scope\":\"cards\",\"resources\":[{\"type\":\"account\",\"ids\":[\"10001\"]},"
                            + "{\"type\":\"card\",\"ids\":[\"7002\",\"7003\"]}]"))
                .resources())
        .contains(
            dev.custos.token.Resources.of(
                java.util.List.of("10001"), java.util.List.of("7002", "7003")));
  }

  @Test
  void parseCustomerToken_upgradableScopeAndEmptyResources() throws Exception {
    assertThat(
            CustomerTokenDocuments.parseCustomerToken(
                    token("\"scope\":\"customer-token-write\",\"upgradableScope\":\"cards\""))
                .upgradableScope())
        .contains("cards");
    assertThat(
            CustomerTokenDocuments.parseCustomerToken(token("\"scope\":\"cards\""))
                .upgradableScope())
        .isEmpty();
    assertThat(refused(token("\"scope\":\"cards\",\"resources\":[]")).error().detail())
        .isEqualTo("resources must be a non-empty list of {type, ids}");
  }

  @Test
  void identity_resourcesListOnlyTheKindsPresent() throws Exception {
    TestPlatform platform = new TestPlatform();
    TokenRequest cards = TokenRequest.customer("100001", platform.catalog.parse("cards"));
    String cardsOnly =
        platform.minter.mint(cards.limitedTo(Resources.of(List.of(), List.of("7001")))).token();
    String accountsOnly =
        platform.minter.mint(cards.limitedTo(Resources.of(List.of("10001"), List.of()))).token();
    String unlimited = platform.minter.mint(cards).token();

    assertThat(platform.identity("Bearer " + cardsOnly).body())
        .contains("\"resources\":[{\"type\":\"card\",\"ids\":[\"7001\"]}]")
        .doesNotContain("account");
    assertThat(platform.identity("Bearer " + accountsOnly).body())
        .contains("\"type\":\"account\"")
        .doesNotContain("\"card\"");
    assertThat(platform.identity("Bearer " + unlimited).body()).doesNotContain("resources");
  }
}
