package dev.custos.jsonapi;

import static dev.custos.core.testing.TestPlatform.AUTHORIZED_USER_PHONE;
import static dev.custos.core.testing.TestPlatform.BUSINESS;
import static dev.custos.core.testing.TestPlatform.INACTIVE;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static dev.custos.core.testing.TestPlatform.read;
import static dev.custos.core.testing.TestPlatform.tokenRequest;
import static dev.custos.core.testing.TestPlatform.verificationRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.core.testing.TestPlatform;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every documented failure of the two operations, as a client sees it. */
class EndpointErrorsTest {
  private final TestPlatform platform = new TestPlatform();

  private JsonApiResponse token(String body) {
    return platform.createToken(platform.orgHeader(), INDIVIDUAL, body);
  }

  private JsonApiResponse verification(String customer, String body) {
    return platform.createVerification(platform.orgHeader(), customer, body);
  }

  private static void assertError(JsonApiResponse response, int status, String code, String pointer)
      throws Exception {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.headers()).containsEntry("Content-Type", "application/vnd.api+json");
    assertThat(read(response, "errors", "0", "status")).isEqualTo(Integer.toString(status));
    assertThat(read(response, "errors", "0", "code")).isEqualTo(code);
    assertThat(read(response, "errors", "0", "title")).isNotNull();
    assertThat(read(response, "errors", "0", "detail")).isNotNull();
    if (pointer != null) {
      assertThat(read(response, "errors", "0", "source", "pointer")).isEqualTo(pointer);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json | ''",
        "[] | ''",
        "null | ''",
        "' [{}]' | ''",
        "{\"data\":1,\"data\":2} | /data",
        "{} | /data",
        "{\"data\":[]} | /data",
        "{\"data\":{\"type\":\"customerToken\"}} | /data/attributes",
        "{\"data\":{\"type\":\"customer\",\"attributes\":{}}} | /data/type",
        "{\"data\":{\"type\":1,\"attributes\":{}}} | /data/type",
        "{\"data\":{\"attributes\":{\"scope\":\"cards\"}}} | /data/type",
        "{\"data\":{\"type\":\"customerToken\",\"id\":\"1\",\"attributes\":{}}} | /data/id",
        "{\"meta\":{},\"data\":{\"type\":\"customerToken\",\"attributes\":{}}} | /meta",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{}}} | /data/attributes/scope",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":5}}} | /data/attributes/scope",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards\",\"a/b~\":1}}} | /data/attributes/a~1b~0",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards\",\"expiresIn\":0}}} | /data/attributes/expiresIn",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards\",\"expiresIn\":-5}}} | /data/attributes/expiresIn",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards\",\"expiresIn\":1.5}}} | /data/attributes/expiresIn",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards\",\"expiresIn\":\"60\"}}} | /data/attributes/expiresIn",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards\",\"expiresIn\":86401}}} | /data/attributes/expiresIn",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards\",\"expiresIn\":1e3}}} | /data/attributes/expiresIn",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards\",\"verificationCode\":123456}}} | /data/attributes/verificationCode",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"Cards\"}}} | /data/attributes/scope",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards admin\"}}} | /data/attributes/scope",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards webhooks\"}}} | /data/attributes/scope",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards-write\"}}} | /data/attributes/verificationToken",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards-write\",\"verificationToken\":\"t\"}}} | /data/attributes/verificationCode",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards\",\"verificationCode\":\"123456\"}}} | /data/attributes/verificationToken",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards-write\",\"verificationToken\":\"t\",\"verificationCode\":\"12345\"}}} | /data/attributes/verificationCode",
      })
  void createToken_invalidDocument_400NamingTheMember(String body, String pointer)
      throws Exception {
    assertError(token(body), 400, "invalid_value", pointer);
  }

  @Test
  void createToken_unknownScopes_detailNamesEveryOne() throws Exception {
    JsonApiResponse response = token(tokenRequest(Map.of("scope", "cards admin root")));

    assertThat((String) read(response, "errors", "0", "detail")).contains("admin, root");
  }

  @Test
  void createToken_nullOrEmptyBody_400() throws Exception {
    assertError(token(null), 400, "invalid_value", "");
    assertError(token(""), 400, "invalid_value", "");
  }

  @Test
  void createToken_oversizeBody_413() throws Exception {
    assertError(token("{\"data\":\"" + "x".repeat(20_000) + "\"}"), 413, "payload_too_large", null);
  }

  @Test
  void createToken_wrongCode_400WithAttemptsLeftThenBurn() throws Exception {
    String verificationToken = startVerification(INDIVIDUAL);
    String wrong = platform.sender.lastCode().equals("000000") ? "000001" : "000000";
    String body = withVerification(verificationToken, wrong);

    JsonApiResponse first = token(body);
    assertError(first, 400, "incorrect_verification_code", "/data/attributes/verificationCode");
    assertThat(read(first, "errors", "0", "meta", "attemptsLeft")).isEqualTo(4L);
    for (int i = 0; i < 3; i++) {
      token(body);
    }
    assertError(
        token(body), 400, "verification_attempts_exceeded", "/data/attributes/verificationCode");
    assertError(token(body), 400, "verification_not_found", "/data/attributes/verificationToken");
  }

  @Test
  void createToken_expiredVerification_400Expired() throws Exception {
    String verificationToken = startVerification(INDIVIDUAL);
    platform.time.advance(Duration.ofMinutes(10));

    assertError(
        token(withVerification(verificationToken, platform.sender.lastCode())),
        400,
        "verification_expired",
        "/data/attributes/verificationToken");
  }

  @Test
  void createToken_anotherCustomersVerification_400NotFound() throws Exception {
    String verificationToken = startVerification(BUSINESS);

    assertError(
        token(withVerification(verificationToken, platform.sender.lastCode())),
        400,
        "verification_not_found",
        "/data/attributes/verificationToken");
  }

  @Test
  void createToken_invalidRequest_doesNotConsumeTheVerification() throws Exception {
    String verificationToken = startVerification(INDIVIDUAL);
    String code = platform.sender.lastCode();
    assertError(
        token(
            tokenRequest(
                Map.of(
                    "scope",
                    "cards-write",
                    "verificationToken",
                    verificationToken,
                    "verificationCode",
                    code,
                    "expiresIn",
                    999999))),
        400,
        "invalid_value",
        "/data/attributes/expiresIn");

    JsonApiResponse ok = token(withVerification(verificationToken, code));

    assertThat(ok.status()).isEqualTo(201);
  }

  @Test
  void createToken_expiresIn_honoured() throws Exception {
    JsonApiResponse response = token(tokenRequest(Map.of("scope", "cards", "expiresIn", 600)));

    assertThat(read(response, "data", "attributes", "expiresIn")).isEqualTo(600L);
  }

  @Test
  void createToken_customerTokenAsCaller_403() throws Exception {
    String customerToken =
        (String)
            read(
                token(tokenRequest(Map.of("scope", "customer-token-write"))),
                "data",
                "attributes",
                "token");

    assertError(
        platform.createToken(
            "Bearer " + customerToken, INDIVIDUAL, tokenRequest(Map.of("scope", "cards"))),
        403,
        "forbidden",
        null);
  }

  @Test
  void createToken_orgTokenWithoutScope_403NamingIt() throws Exception {
    JsonApiResponse response =
        platform.createToken(
            platform.orgHeader("customers"), INDIVIDUAL, tokenRequest(Map.of("scope", "cards")));

    assertError(response, 403, "forbidden", null);
    assertThat(read(response, "errors", "0", "meta", "requiredScope"))
        .isEqualTo("customer-token-write");
  }

  @ParameterizedTest
  @CsvSource(
      value = {"NULL", "''", "Basic dXNlcjpwYXNz", "Bearer", "Bearerv2.public.x"},
      nullValues = "NULL")
  void createToken_noBearerCredentials_401WithBareChallenge(String header) throws Exception {
    JsonApiResponse response =
        platform.createToken(header, INDIVIDUAL, tokenRequest(Map.of("scope", "cards")));

    assertError(response, 401, "unauthorized", null);
    assertThat(response.headers()).containsEntry("WWW-Authenticate", "Bearer");
  }

  @ParameterizedTest
  @CsvSource({
    "'Bearer '",
    "bearer v2.public.x",
    "Bearer  v2.public.x",
    "'Bearer v2.public.x '",
    "Bearer v2.public.eyJ9",
    "Bearer v2.local.AAAA",
    "'BEARER v2.public.a\"b'",
  })
  void createToken_badBearerToken_401InvalidTokenChallenge(String header) throws Exception {
    JsonApiResponse response =
        platform.createToken(header, INDIVIDUAL, tokenRequest(Map.of("scope", "cards")));

    assertError(response, 401, "unauthorized", null);
    assertThat(response.headers().get("WWW-Authenticate"))
        .startsWith("Bearer error=\"invalid_token\", error_description=\"")
        .endsWith("\"")
        .doesNotContain("\n");
  }

  @ParameterizedTest
  @CsvSource({"bearer", "BEARER", "Bearer", "bEaReR"})
  void createToken_bearerSchemeInAnyCaseAndSpaces_accepted(String scheme) throws Exception {
    String token = platform.orgHeader().substring("Bearer ".length());

    for (String spaces : new String[] {" ", "   "}) {
      JsonApiResponse response =
          platform.createToken(
              scheme + spaces + token, INDIVIDUAL, tokenRequest(Map.of("scope", "cards")));
      assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
  }

  @Test
  void createToken_expiredOrgToken_401Expired() throws Exception {
    String header = platform.orgHeader();
    platform.time.advance(Duration.ofHours(24));

    JsonApiResponse response =
        platform.createToken(header, INDIVIDUAL, tokenRequest(Map.of("scope", "cards")));

    assertError(response, 401, "unauthorized", null);
    assertThat((String) read(response, "errors", "0", "detail")).contains("expired");
  }

  @Test
  void bothOperations_unknownOrInactiveCustomer_404And403() throws Exception {
    assertError(
        platform.createToken(platform.orgHeader(), "999", tokenRequest(Map.of("scope", "cards"))),
        404,
        "customer_not_found",
        null);
    assertError(
        verification("999", verificationRequest(Map.of("channel", "sms"))),
        404,
        "customer_not_found",
        null);
    assertError(
        platform.createToken(
            platform.orgHeader(), INACTIVE, tokenRequest(Map.of("scope", "cards"))),
        403,
        "customer_not_active",
        null);
    assertError(
        verification(INACTIVE, verificationRequest(Map.of("channel", "sms"))),
        403,
        "customer_not_active",
        null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{}}} | /data/attributes/channel",
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"email\"}}} | /data/attributes/channel",
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"SMS\"}}} | /data/attributes/channel",
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"call\",\"appHash\":\"FA+9qCX9VSu\"}}} | /data/attributes/appHash",
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\",\"appHash\":\"short\"}}} | /data/attributes/appHash",
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\",\"language\":\"xx\"}}} | /data/attributes/language",
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\",\"language\":\"EN\"}}} | /data/attributes/language",
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\",\"phone\":\"+15555550103\"}}} | /data/attributes/phone",
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\",\"phone\":{\"countryCode\":\"1\"}}}} | /data/attributes/phone/number",
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\",\"phone\":{\"countryCode\":\"1\",\"number\":\"12\"}}}} | /data/attributes/phone",
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\",\"phone\":{\"countryCode\":\"1\",\"number\":\"5555550103\",\"ext\":\"1\"}}}} | /data/attributes/phone/ext",
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"channel\":\"sms\"}}} | /data/type",
      })
  void createVerification_invalidDocument_400NamingTheMember(String body, String pointer)
      throws Exception {
    assertError(verification(BUSINESS, body), 400, "invalid_value", pointer);
    assertThat(platform.sender.messages()).isEmpty();
  }

  @Test
  void createVerification_phoneForIndividual_400() throws Exception {
    assertError(
        verification(
            INDIVIDUAL,
            verificationRequest(
                Map.of(
                    "channel",
                    "sms",
                    "phone",
                    Map.of("countryCode", "1", "number", "5555550103")))),
        400,
        "invalid_value",
        "/data/attributes/phone");
  }

  @Test
  void createVerification_phoneOfNoAuthorizedUser_400() throws Exception {
    assertError(
        verification(
            BUSINESS,
            verificationRequest(
                Map.of(
                    "channel",
                    "sms",
                    "phone",
                    Map.of("countryCode", "1", "number", "5555550999")))),
        400,
        "invalid_value",
        "/data/attributes/phone");
  }

  @Test
  void createVerification_authorizedUserPhone_codeGoesThere() throws Exception {
    JsonApiResponse response =
        verification(
            BUSINESS,
            verificationRequest(
                Map.of(
                    "channel",
                    "call",
                    "language",
                    "es",
                    "phone",
                    Map.of("countryCode", "1", "number", "5555550103"))));

    assertThat(response.status()).isEqualTo(201);
    assertThat(platform.sender.messages().get(0).phone()).isEqualTo(AUTHORIZED_USER_PHONE);
    assertThat(platform.sender.messages().get(0).body()).startsWith("Tu código");
  }

  @Test
  void createVerification_tooSoonAgain_429WithRetryAfter() throws Exception {
    startVerification(INDIVIDUAL);

    JsonApiResponse response =
        verification(INDIVIDUAL, verificationRequest(Map.of("channel", "sms")));

    assertError(response, 429, "limits_exceeded", null);
    assertThat(response.headers()).containsEntry("Retry-After", "30");
  }

  @Test
  void createVerification_senderDown_503() throws Exception {
    platform.sender.failWith(new IllegalStateException("provider down"));

    assertError(
        verification(INDIVIDUAL, verificationRequest(Map.of("channel", "sms"))),
        503,
        "delivery_failed",
        null);
  }

  @Test
  void createVerification_orgTokenWithoutCustomersScope_403() throws Exception {
    assertError(
        platform.createVerification(
            platform.orgHeader("customer-token-write"),
            INDIVIDUAL,
            verificationRequest(Map.of("channel", "sms"))),
        403,
        "forbidden",
        null);
  }

  /** A cards-write token request carrying a verification. */
  private static String withVerification(String verificationToken, String code) {
    return tokenRequest(
        Map.of(
            "scope",
            "cards-write",
            "verificationToken",
            verificationToken,
            "verificationCode",
            code));
  }

  private String startVerification(String customer) throws Exception {
    JsonApiResponse response =
        verification(customer, verificationRequest(Map.of("channel", "sms")));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return (String) read(response, "data", "attributes", "verificationToken");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"accounts\",\"scope\":\"cards\"}}}"
            + "|/data/attributes/scope",
        "{\"data\":{\"type\":\"customerToken\",\"type\":\"customerToken\",\"attributes\":{}}}|/data/type",
        "{\"data\":{},\"data\":{}}|/data",
      })
  void createToken_duplicateMemberAtAnyDepth_400WithItsPointer(String body, String pointer)
      throws Exception {
    JsonApiResponse response = platform.createToken(platform.orgHeader(), INDIVIDUAL, body);

    assertError(response, 400, "invalid_value", pointer);
  }

  @Test
  void createVerification_duplicatedChannel_400NothingSent() throws Exception {
    String body =
        "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\","
            + "\"channel\":\"call\"}}}";

    JsonApiResponse response = platform.createVerification(platform.orgHeader(), INDIVIDUAL, body);

    assertError(response, 400, "invalid_value", "/data/attributes/channel");
    assertThat(platform.sender.messages()).isEmpty();
  }

  @Test
  void createToken_jwtTokenWithoutAnIdentityProvider_invalidJwtNotConfigured() throws Exception {
    JsonApiResponse response =
        token(
            "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards\",\"jwtToken\":\"x\"}}}");

    assertError(response, 400, "invalid_jwt", "/data/attributes/jwtToken");
    assertThat(read(response, "errors", "0", "meta", "reason")).isEqualTo("not_configured");
  }
}
