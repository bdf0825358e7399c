package dev.custos.passkey;

import static dev.custos.passkey.PasskeyPlatform.INDIVIDUAL;
import static dev.custos.passkey.PasskeyPlatform.ORIGIN;
import static dev.custos.passkey.PasskeyPlatform.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.passkey.testing.SoftwareAuthenticator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The passkey routes as an HTTP adapter calls them: documents in, documents and errors out. */
class PasskeyEndpointsTest {
  private final PasskeyPlatform platform = new PasskeyPlatform();

  private JsonApiResponse start(String authorization) {
    return platform.endpoints.startRegistration(INDIVIDUAL, request(authorization, null));
  }

  private static String document(Map<String, Object> attributes) throws Exception {
    return Json.write(Map.of("data", Map.of("type", "passkey", "attributes", attributes)));
  }

  @Test
  void registerListVerifyDelete_throughTheDocuments() throws Exception {
    String org = platform.orgHeader();
    JsonApiResponse started = start(org);
    String token = (String) Json.at(started.body(), "data", "attributes", "verificationToken");
    @SuppressWarnings("unchecked")
    Map<String, Object> options =
        (Map<String, Object>) Json.at(started.body(), "data", "attributes", "publicKey");
    SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("verificationToken", token);
    attributes.put("credential", phone.register(options, ORIGIN));
    attributes.put("name", "My phone");

    JsonApiResponse registered =
        platform.endpoints.register(INDIVIDUAL, request(org, document(attributes)));
    JsonApiResponse listed = platform.endpoints.list(INDIVIDUAL, request(org, null));

    assertThat(started.status()).isEqualTo(201);
    assertThat(Json.at(started.body(), "data", "type")).isEqualTo("passkeyRegistration");
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    assertThat(Json.at(registered.body(), "data", "id")).isEqualTo(phone.credentialId());
    assertThat(Json.at(registered.body(), "data", "attributes", "algorithm")).isEqualTo("ES256");
    assertThat(Json.at(registered.body(), "data", "attributes", "name")).isEqualTo("My phone");
    assertThat(Json.at(listed.body(), "data", "0", "id")).isEqualTo(phone.credentialId());
    assertThat(platform.mintWith(phone, INDIVIDUAL).token()).isNotEmpty();

    JsonApiResponse deleted =
        platform.endpoints.delete(INDIVIDUAL, phone.credentialId(), request(org, null));
    JsonApiResponse again =
        platform.endpoints.delete(INDIVIDUAL, phone.credentialId(), request(org, null));
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(404);
    assertThat(platform.endpoints.delete(INDIVIDUAL, "%%", request(org, null)).status())
        .isEqualTo(404);
  }

  @Test
  void everyRoute_withoutAToken_401() {
    assertThat(start(null).status()).isEqualTo(401);
    assertThat(platform.endpoints.register(INDIVIDUAL, request(null, "{}")).status())
        .isEqualTo(401);
    assertThat(platform.endpoints.list(INDIVIDUAL, request(null, null)).status()).isEqualTo(401);
    assertThat(platform.endpoints.delete(INDIVIDUAL, "AAAA", request(null, null)).status())
        .isEqualTo(401);
  }

  @Test
  void register_callerWhoMayNot_403BeforeTheDocumentIsRead() throws Exception {
    String customerToken =
        "Bearer "
            + platform
                .minter
                .mint(
                    dev.custos.token.TokenRequest.customer(
                        INDIVIDUAL, dev.custos.scopes.ScopeCatalog.unit().parse("accounts")))
                .token();

    JsonApiResponse response =
        platform.endpoints.register(INDIVIDUAL, request(customerToken, "not a document"));

    assertThat(response.status()).as(response.body()).isEqualTo(403);
  }

  @Test
  void register_badDocuments_400AtTheMember() throws Exception {
    String org = platform.orgHeader();
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(
        "{\"data\":{\"type\":\"passkey\",\"attributes\":{\"credential\":{}}}}",
        "/data/attributes/verificationToken");
    cases.put(
        "{\"data\":{\"type\":\"passkey\",\"attributes\":{\"verificationToken\":\"t\"}}}",
        "/data/attributes/credential");
    cases.put(
        "{\"data\":{\"type\":\"passkey\",\"attributes\":{\"verificationToken\":\"t\","
            + "\"credential\":{},\"extra\":1}}}",
        "/data/attributes/extra");
    cases.put("{\"data\":{\"type\":\"passkeys\",\"attributes\":{}}}", "/data/type");
    cases.put(
        "{\"data\":{\"type\":\"passkey\",\"attributes\":{\"verificationToken\":\"t\","
            + "\"credential\":{\"type\":\"public-key\",\"id\":\"AAAA\",\"response\":{}},"
            + "\"name\":\"a\\u0000b\"}}}",
        "/data/attributes/name");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      JsonApiResponse response = platform.endpoints.register(INDIVIDUAL, request(org, c.getKey()));
      assertThat(response.status()).as(c.getKey()).isEqualTo(400);
      assertThat(Json.at(response.body(), "errors", "0", "source", "pointer"))
          .as(c.getKey())
          .isEqualTo(c.getValue());
    }
  }
}
