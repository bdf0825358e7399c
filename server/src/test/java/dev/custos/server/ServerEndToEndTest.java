package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.testing.FakeClock;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server over real HTTP on an ephemeral port: both how-to guides and every error path. */
class ServerEndToEndTest {
  static final String CARD_BODY =
      "{\"data\":{\"type\":\"individualDebitCard\",\"attributes\":{\"shippingAddress\":{"
          + "\"street\":\"5230 Newell Rd\",\"city\":\"Palo Alto\",\"state\":\"CA\",\"postalCode\":\"94303\","
          + "\"country\":\"US\"}},\"relationships\":{\"account\":{\"data\":{\"type\":\"depositAccount\","
          + "\"id\":\"10001\"}}}}}";

  private final FakeClock time = FakeClock.create();
  private final HttpClient client = HttpClient.newHttpClient();
  private CustosServer server;
  private String orgToken;

  @BeforeEach
  void start() throws Exception {
    server = CustosServer.start(CustosServer.options().port(0).shutdownGrace(0).clock(time));
    orgToken = server.sandboxOrgToken().orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return send(client, server.uri(), method, path, token, body);
  }

  /** One JSON:API request: a bearer token and a body if given. */
  static HttpResponse<String> send(
      HttpClient client, URI base, String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/vnd.api+json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Object read(HttpResponse<String> response, String... path) throws Exception {
    Object node = JSONObjectUtils.parse(response.body());
    for (String step : path) {
      node =
          node instanceof List<?> list
              ? list.get(Integer.parseInt(step))
              : ((Map<?, ?>) node).get(step);
    }
    return node;
  }

  private String customerToken(String customer, String scope) throws Exception {
    HttpResponse<String> response =
        send("POST", "/customers/" + customer + "/token", orgToken, tokenBody(scope, null, null));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return (String) read(response, "data", "attributes", "token");
  }

  static String tokenBody(String scope, String verificationToken, String code) {
    StringBuilder attributes = new StringBuilder("\"scope\":\"" + scope + "\"");
    if (verificationToken != null) {
      attributes.append(",\"verificationToken\":\"").append(verificationToken).append("\"");
      attributes.append(",\"verificationCode\":\"").append(code).append("\"");
    }
    return "{\"data\":{\"type\":\"customerToken\",\"attributes\":{" + attributes + "}}}";
  }

  private String startVerification(String customer) throws Exception {
    HttpResponse<String> response =
        send(
            "POST",
            "/customers/" + customer + "/token/verification",
            orgToken,
            "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\"}}}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return (String) read(response, "data", "attributes", "verificationToken");
  }

  private String codeFromSandbox(String customer) throws Exception {
    HttpResponse<String> messages =
        send("GET", "/sandbox/messages?filter%5BcustomerId%5D=" + customer, orgToken, null);
    assertThat(messages.statusCode()).isEqualTo(200);
    String body = (String) read(messages, "data", "0", "attributes", "body");
    assertThat(body)
        .matches("Your Unit verification code is: \\d{6}\\. It expires in 10 minutes\\.");
    return body.replaceAll(".*?(\\d{6}).*", "$1");
  }

  /** Unit's 41 codes, as Unit spells them. */
  private static final List<String> UNIT_LANGUAGES =
      List.of(
          "en", "af", "ar", "ca", "zh", "zh-CN", "zh-HK", "hr", "cs", "da", "nl", "en-GB", "et",
          "fi", "fr", "de", "el", "he", "hi", "hu", "id", "it", "ja", "kn", "ko", "ms", "mr", "nb",
          "pl", "pt-BR", "pt", "ro", "ru", "sk", "es", "sv", "tl", "te", "th", "tr", "vi");

  @Test
  void verification_everyUnitLanguage_sentInItAndItsCodeMintsAToken() throws Exception {
    for (String language : UNIT_LANGUAGES) {
      // Past the phone's send window and resend cooldown: one send per language.
      time.advance(java.time.Duration.ofMinutes(2).plusSeconds(1));
      String channel = language.hashCode() % 2 == 0 ? "sms" : "call";
      HttpResponse<String> started =
          send(
              "POST",
              "/customers/100001/token/verification",
              orgToken,
              "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\""
                  + channel
                  + "\",\"language\":\""
                  + language
                  + "\"}}}");
      assertThat(started.statusCode()).as(language + " " + started.body()).isEqualTo(201);
      HttpResponse<String> outbox =
          send("GET", "/sandbox/messages?filter%5BcustomerId%5D=100001", orgToken, null);
      assertThat(read(outbox, "data", "0", "attributes", "language")).isEqualTo(language);
      assertThat(read(outbox, "data", "0", "attributes", "channel")).isEqualTo(channel);
      String body = (String) read(outbox, "data", "0", "attributes", "body");
      String code =
          channel.equals("sms")
              ? body.replaceAll("(?s).*?(\\d{6}).*", "$1")
              : body.replaceAll("(?s)^[^0-9]*((\\d, ){5}\\d).*", "$1").replace(", ", "");
      assertThat(body).as(language).contains("Unit");

      HttpResponse<String> minted =
          send(
              "POST",
              "/customers/100001/token",
              orgToken,
              tokenBody(
                  "customers cards-write",
                  (String) read(started, "data", "attributes", "verificationToken"),
                  code));
      assertThat(minted.statusCode()).as(language + ": " + body).isEqualTo(201);
    }
  }

  @Test
  void verification_languageInAnotherCase_400NamingTheAcceptedCodes() throws Exception {
    HttpResponse<String> refused =
        send(
            "POST",
            "/customers/100001/token/verification",
            orgToken,
            "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\",\"language\":\"pt-br\"}}}");

    assertError(refused, 400, "invalid_value");
    assertThat(read(refused, "errors", "0", "source", "pointer"))
        .isEqualTo("/data/attributes/language");
    assertThat((String) read(refused, "errors", "0", "detail")).contains("pt-BR", "zh-HK");
  }

  private static void assertError(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/vnd.api+json");
    assertThat(read(response, "errors", "0", "code")).isEqualTo(code);
  }

  @Test
  void guide_viewDebitCards_listsOnlyTheCustomersCards() throws Exception {
    String token = customerToken("100001", "cards");

    HttpResponse<String> cards = send("GET", "/cards", token, null);

    assertThat(cards.statusCode()).isEqualTo(200);
    assertThat((List<?>) read(cards, "data")).hasSize(1);
    assertThat(read(cards, "data", "0", "id")).isEqualTo("7001");
    assertThat(read(cards, "data", "0", "relationships", "customer", "data", "id"))
        .isEqualTo("100001");
    assertError(send("GET", "/cards?filter%5BcustomerId%5D=100002", token, null), 403, "forbidden");
  }

  @Test
  void guide_createDebitCard_throughVerificationCodeFromSandbox() throws Exception {
    String verificationToken = startVerification("100001");
    String code = codeFromSandbox("100001");
    HttpResponse<String> minted =
        send(
            "POST",
            "/customers/100001/token",
            orgToken,
            tokenBody("customers cards-write cards", verificationToken, code));
    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    String token = (String) read(minted, "data", "attributes", "token");

    HttpResponse<String> card = send("POST", "/cards", token, CARD_BODY);

    assertThat(card.statusCode()).as(card.body()).isEqualTo(201);
    assertThat(read(card, "data", "type")).isEqualTo("individualDebitCard");
    assertThat(read(card, "data", "relationships", "account", "data", "id")).isEqualTo("10001");
    assertThat(read(card, "data", "attributes", "shippingAddress", "city")).isEqualTo("Palo Alto");
    assertThat((String) read(card, "data", "attributes", "createdAt"))
        .as("Unit's time form, milliseconds included, as its SDKs parse it")
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    assertThat((List<?>) read(send("GET", "/cards", token, null), "data")).hasSize(2);
  }

  @Test
  void accountsAndCustomer_orgSeesAllCustomerTokenOnlyItsOwn() throws Exception {
    String token = customerToken("100001", "customers accounts");
    String orgReader = customerToken("100001", "accounts");

    assertThat((List<?>) read(send("GET", "/accounts", token, null), "data")).hasSize(1);
    assertThat(read(send("GET", "/customers/100001", token, null), "data", "type"))
        .isEqualTo("individualCustomer");
    assertError(send("GET", "/customers/100002", token, null), 404, "not_found");
    assertError(send("GET", "/customers/100001", orgReader, null), 403, "forbidden");
    assertError(send("GET", "/accounts", orgToken, null), 403, "forbidden");
  }

  @Test
  void errors_badJsonWrongTypeMissingScopeWrongCode() throws Exception {
    HttpResponse<String> badJson = send("POST", "/customers/100001/token", orgToken, "{not json");
    assertError(badJson, 400, "invalid_value");
    assertThat(read(badJson, "errors", "0", "source", "pointer")).isEqualTo("");

    HttpResponse<String> wrongType =
        send(
            "POST",
            "/customers/100001/token",
            orgToken,
            "{\"data\":{\"type\":\"card\",\"attributes\":{}}}");
    assertError(wrongType, 400, "invalid_value");
    assertThat(read(wrongType, "errors", "0", "source", "pointer")).isEqualTo("/data/type");

    String cardsOnly = customerToken("100001", "cards");
    HttpResponse<String> missingScope = send("POST", "/cards", cardsOnly, CARD_BODY);
    assertError(missingScope, 403, "forbidden");
    assertThat((String) read(missingScope, "errors", "0", "detail"))
        .contains("cards-write", "two-factor");

    String verificationToken = startVerification("100001");
    String wrong = codeFromSandbox("100001").equals("000000") ? "000001" : "000000";
    HttpResponse<String> wrongCode =
        send(
            "POST",
            "/customers/100001/token",
            orgToken,
            tokenBody("cards-write", verificationToken, wrong));
    assertError(wrongCode, 400, "incorrect_verification_code");
    assertThat(read(wrongCode, "errors", "0", "meta", "attemptsLeft")).isEqualTo(4L);
  }

  @Test
  void errors_expiredTokenOversizeWrongMethodUnknownPathNoToken() throws Exception {
    String token = customerToken("100001", "cards");
    time.advance(Duration.ofHours(24));
    HttpResponse<String> expired = send("GET", "/cards", token, null);
    assertError(expired, 401, "unauthorized");
    assertThat(expired.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer error=\"invalid_token\", error_description=\"the token has expired\"");

    assertError(
        send("POST", "/customers/100001/token", orgToken, "{\"a\":\"" + "x".repeat(20_000) + "\"}"),
        413,
        "payload_too_large");
    assertError(send("GET", "/customers/100001/token", orgToken, null), 405, "method_not_allowed");
    assertError(send("DELETE", "/cards", orgToken, null), 405, "method_not_allowed");
    assertError(send("GET", "/nowhere", orgToken, null), 404, "not_found");
    assertError(send("GET", "/cards", null, null), 401, "unauthorized");
  }

  @Test
  void errors_otherCustomersAccountForNewCard_404() throws Exception {
    String verificationToken = startVerification("100001");
    String code = codeFromSandbox("100001");
    String token =
        (String)
            read(
                send(
                    "POST",
                    "/customers/100001/token",
                    orgToken,
                    tokenBody("cards-write", verificationToken, code)),
                "data",
                "attributes",
                "token");

    assertError(
        send("POST", "/cards", token, CARD_BODY.replace("10001", "10002")), 404, "not_found");
    assertError(
        send("POST", "/cards", token, CARD_BODY.replace("10001", "99999")), 404, "not_found");
  }

  @Test
  void errors_unsupportedMediaType_415() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.uri() + "/customers/100001/token"))
            .header("Authorization", "Bearer " + orgToken)
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("scope=cards"))
            .build();

    assertError(
        client.send(request, HttpResponse.BodyHandlers.ofString()), 415, "unsupported_media_type");
  }

  @Test
  void jwks_verifiesTheServersTokens() throws Exception {
    HttpResponse<String> jwks = send("GET", "/.well-known/jwks.json", null, null);
    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(jwks.headers().firstValue("Content-Type")).contains("application/jwk-set+json");

    TokenVerifier verifier =
        TokenVerifier.builder()
            .jwkSet(jwks.body(), PasetoVersion.V2_PUBLIC)
            .issuer("custos-sandbox")
            .clock(time)
            .build();

    assertThat(verifier.verify(customerToken("100001", "cards")).customerId()).contains("100001");
  }

  @Test
  void sandboxPasscode_offByDefault_onWhenAsked() throws Exception {
    String verificationToken = startVerification("100001");
    String actual = codeFromSandbox("100001");
    if (!actual.equals("000001")) {
      assertError(
          send(
              "POST",
              "/customers/100001/token",
              orgToken,
              tokenBody("cards-write", verificationToken, "000001")),
          400,
          "incorrect_verification_code");
    }

    try (CustosServer sandbox =
        CustosServer.start(CustosServer.options().port(0).shutdownGrace(0).sandboxPasscode(true))) {
      String org = sandbox.sandboxOrgToken().orElseThrow();
      HttpClient c = HttpClient.newHttpClient();
      HttpResponse<String> started =
          c.send(
              HttpRequest.newBuilder(
                      URI.create(sandbox.uri() + "/customers/100001/token/verification"))
                  .header("Authorization", "Bearer " + org)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\"}}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String token = (String) read(started, "data", "attributes", "verificationToken");
      HttpResponse<String> minted =
          c.send(
              HttpRequest.newBuilder(URI.create(sandbox.uri() + "/customers/100001/token"))
                  .header("Authorization", "Bearer " + org)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          tokenBody("cards-write", token, "000001")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    }
  }

  @Test
  void noSandbox_needsAKeySendsNothingHidesMessages() throws Exception {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    CustosServer.start(
                        CustosServer.options().port(0).shutdownGrace(0).sandbox(false))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    CustosServer.start(
                        CustosServer.options()
                            .port(0)
                            .sandbox(false)
                            .sandboxPasscode(true)
                            .signingKey(SigningKey.generate(PasetoVersion.V2_PUBLIC)))))
        .isInstanceOf(IllegalStateException.class);

    try (CustosServer production =
        CustosServer.start(
            CustosServer.options()
                .port(0)
                .sandbox(false)
                .signingKey(SigningKey.generate(PasetoVersion.V2_PUBLIC)))) {
      assertThat(production.sandboxOrgToken()).isEmpty();
      HttpResponse<String> messages =
          client.send(
              HttpRequest.newBuilder(URI.create(production.uri() + "/sandbox/messages")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertError(messages, 404, "not_found");
    }
  }

  private static String cardBody(String accountId, String street) {
    return CARD_BODY
        .replace("\"10001\"", "\"" + accountId + "\"")
        .replace("5230 Newell Rd", street);
  }

  @Test
  void createCard_missingOrForeignAccount_answeredAlike() throws Exception {
    String cardsOnly = customerToken("100001", "cards");
    assertError(send("POST", "/cards", cardsOnly, cardBody("99999", "x")), 403, "forbidden");
    assertError(send("POST", "/cards", cardsOnly, cardBody("10002", "x")), 403, "forbidden");

    String verificationToken = startVerification("100001");
    HttpResponse<String> minted =
        send(
            "POST",
            "/customers/100001/token",
            orgToken,
            tokenBody("cards-write", verificationToken, codeFromSandbox("100001")));
    String writer = (String) read(minted, "data", "attributes", "token");
    HttpResponse<String> missing = send("POST", "/cards", writer, cardBody("99999", "x"));
    HttpResponse<String> foreign = send("POST", "/cards", writer, cardBody("10002", "x"));
    assertError(missing, 404, "not_found");
    assertError(foreign, 404, "not_found");
    assertThat(foreign.body()).isEqualTo(missing.body());

    HttpResponse<String> tooLong =
        send("POST", "/cards", writer, cardBody("10001", "x".repeat(101)));
    assertError(tooLong, 400, "invalid_value");
    assertThat(read(tooLong, "errors", "0", "source", "pointer"))
        .isEqualTo("/data/attributes/shippingAddress/street");
  }

  @Test
  void sandboxMessages_customerToken_forbidden() throws Exception {
    startVerification("100001");
    String customer = customerToken("100001", "customers");

    assertError(
        send("GET", "/sandbox/messages?filter%5BcustomerId%5D=100001", customer, null),
        403,
        "forbidden");
  }

  @Test
  void givenKey_sandboxOffUnlessAsked() throws Exception {
    SigningKey key = SigningKey.generate(PasetoVersion.V2_PUBLIC);
    try (CustosServer real =
        CustosServer.start(CustosServer.options().port(0).shutdownGrace(0).signingKey(key))) {
      assertThat(real.sandboxOrgToken()).isEmpty();
      HttpResponse<String> messages =
          client.send(
              HttpRequest.newBuilder(URI.create(real.uri() + "/sandbox/messages")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(messages.statusCode()).isEqualTo(404);
    }
    try (CustosServer asked =
        CustosServer.start(
            CustosServer.options().port(0).shutdownGrace(0).signingKey(key).sandbox(true))) {
      assertThat(asked.sandboxOrgToken()).isPresent();
    }
  }

  @Test
  void loggable_controlCharactersAndLength_escapedAndCut() {
    assertThat(LogText.safe("GET\r\nINFO forged 200"))
        .isEqualTo("GET\\u000d\\u000aINFO forged 200");
    assertThat(LogText.safe("\u001b[31mred\\")).isEqualTo("\\u001b[31mred\\u005c");
    assertThat(LogText.safe("/" + "a".repeat(500))).hasSizeLessThan(220).endsWith("...");
    assertThat(LogText.safe(null)).isEqualTo("-");
  }

  @Test
  void upgrade_customerTokenVerifiesAndUpgradesItselfOverHttp() throws Exception {
    String body =
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"customers accounts"
            + " payments counterparties customer-token-write\",\"upgradableScope\":\"payments-write"
            + " counterparties-write\"}}}";
    HttpResponse<String> first = send("POST", "/customers/100001/token", orgToken, body);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String customerToken = (String) read(first, "data", "attributes", "token");

    HttpResponse<String> started =
        send(
            "POST",
            "/customers/100001/token/verification",
            customerToken,
            "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String verificationToken = (String) read(started, "data", "attributes", "verificationToken");
    HttpResponse<String> upgraded =
        send(
            "POST",
            "/customers/100001/token",
            customerToken,
            tokenBody("accounts payments-write", verificationToken, codeFromSandbox("100001")));

    assertThat(upgraded.statusCode()).as(upgraded.body()).isEqualTo(201);
    String upgradedToken = (String) read(upgraded, "data", "attributes", "token");
    HttpResponse<String> identity = send("GET", "/identity", upgradedToken, null);
    assertThat(identity.statusCode()).isEqualTo(200);
    assertThat(read(identity, "data", "attributes", "scope")).isEqualTo("accounts payments-write");
    assertThat(read(identity, "data", "attributes", "twoFactor")).isEqualTo(true);
    assertThat(read(identity, "data", "attributes", "customerId")).isEqualTo("100001");
    assertThat(identity.body()).doesNotContain(upgradedToken);
    HttpResponse<String> callerIdentity = send("GET", "/identity", customerToken, null);
    assertThat(read(callerIdentity, "data", "attributes", "upgradableScope"))
        .isEqualTo("payments-write counterparties-write");
    assertError(
        send("POST", "/customers/100002/token", customerToken, tokenBody("accounts", null, null)),
        403,
        "forbidden");
    assertError(
        send(
            "POST", "/customers/100001/token", customerToken, tokenBody("cards-write", null, null)),
        403,
        "forbidden");
  }

  @Test
  void identity_orgTokenAndInvalidTokens() throws Exception {
    HttpResponse<String> org = send("GET", "/identity", orgToken, null);

    assertThat(org.statusCode()).isEqualTo(200);
    assertThat(read(org, "data", "type")).isEqualTo("tokenIdentity");
    assertThat(read(org, "data", "attributes", "role")).isEqualTo("org");
    assertThat(read(org, "data", "attributes", "customerId")).isNull();
    assertThat(org.body()).doesNotContain(orgToken);
    assertError(send("GET", "/identity", null, null), 401, "unauthorized");
    assertError(send("GET", "/identity", "v2.public.AAAA", null), 401, "unauthorized");
  }

  private String limitedToken(String scope, String resources) throws Exception {
    String verification = "";
    if (scope.contains("-write")) {
      String verificationToken = startVerification("100001");
      verification =
          ",\"verificationToken\":\""
              + verificationToken
              + "\",\"verificationCode\":\""
              + codeFromSandbox("100001")
              + "\"";
    }
    String body =
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\""
            + scope
            + "\",\"resources\":"
            + resources
            + verification
            + "}}}";
    HttpResponse<String> minted = send("POST", "/customers/100001/token", orgToken, body);
    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    return (String) read(minted, "data", "attributes", "token");
  }

  @Test
  void resources_listsFilteredAndOthersAnsweredAsMissing() throws Exception {
    String account = limitedToken("accounts cards", "[{\"type\":\"account\",\"ids\":[\"10001\"]}]");
    String elsewhere =
        limitedToken("accounts cards cards-write", "[{\"type\":\"card\",\"ids\":[\"7009\"]}]");

    assertThat((List<?>) read(send("GET", "/accounts", account, null), "data")).hasSize(1);
    assertThat(send("GET", "/cards/7001", account, null).statusCode()).isEqualTo(200);
    assertError(send("GET", "/cards/7002", account, null), 404, "not_found");
    assertThat((List<?>) read(send("GET", "/accounts", elsewhere, null), "data")).isEmpty();
    assertThat((List<?>) read(send("GET", "/cards", elsewhere, null), "data")).isEmpty();
    assertError(send("GET", "/cards/7001", elsewhere, null), 404, "not_found");
    assertError(send("GET", "/cards/9999", elsewhere, null), 404, "not_found");
    assertError(send("POST", "/cards", elsewhere, CARD_BODY), 404, "not_found");
    HttpResponse<String> identity = send("GET", "/identity", account, null);
    assertThat(read(identity, "data", "attributes", "resources", "0", "ids", "0"))
        .isEqualTo("10001");
  }
}
