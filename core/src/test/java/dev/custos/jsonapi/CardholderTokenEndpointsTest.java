package dev.custos.jsonapi;

import static dev.custos.core.testing.TestPlatform.BUSINESS_CARD;
import static dev.custos.core.testing.TestPlatform.CARDHOLDER_PHONE;
import static dev.custos.core.testing.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.core.testing.TestPlatform;
import dev.custos.token.VerifiedToken;
import org.junit.jupiter.api.Test;

/**
 * The cardholder-token endpoints as Unit documents them: their types, their five attributes and no
 * more, and their responses' types.
 */
class CardholderTokenEndpointsTest {
  private final TestPlatform platform = new TestPlatform();
  private final CardholderTokenEndpoints endpoints = platform.api.cardholderTokens();
  private final String org = platform.orgHeader("cards-write");

  private JsonApiResponse verification(String body) {
    return endpoints.createVerification(BUSINESS_CARD, TestPlatform.request(org, body));
  }

  private JsonApiResponse token(String body) {
    return endpoints.createToken(BUSINESS_CARD, TestPlatform.request(org, body));
  }

  @Test
  void verificationThenToken_asUnitDocumentsThem_mintACardholderBearerToken() throws Exception {
    JsonApiResponse verification =
        verification(
            "{\"data\":{\"type\":\"cardholderTokenVerification\","
                + "\"attributes\":{\"channel\":\"sms\",\"language\":\"es\"}}}");
    assertThat(verification.status()).as(verification.body()).isEqualTo(201);
    assertThat(read(verification, "data", "type")).isEqualTo("cardholderTokenVerification");
    assertThat(platform.sender.last().phone()).isEqualTo(CARDHOLDER_PHONE);

    JsonApiResponse minted =
        token(
            "{\"data\":{\"type\":\"cardholderToken\",\"attributes\":{\"scope\":\"cards-sensitive\","
                + "\"verificationToken\":\""
                + read(verification, "data", "attributes", "verificationToken")
                + "\",\"verificationCode\":\""
                + platform.sender.lastCode()
                + "\",\"expiresIn\":600}}}");

    assertThat(minted.status()).as(minted.body()).isEqualTo(201);
    assertThat(read(minted, "data", "type")).isEqualTo("cardholderBearerToken");
    assertThat(read(minted, "data", "attributes", "expiresIn")).isEqualTo(600L);
    VerifiedToken token =
        platform.verifier.verify((String) read(minted, "data", "attributes", "token"));
    assertThat(token.resources().cardIds()).containsExactly(BUSINESS_CARD);
    JsonApiResponse own =
        platform.identity("Bearer " + read(minted, "data", "attributes", "token"));
    assertThat(read(own, "data", "attributes", "resources", "0", "type")).isEqualTo("card");
  }

  @Test
  void customerDocumentTypes_areRefusedAtTheType() throws Exception {
    JsonApiResponse verification =
        verification(
            "{\"data\":{\"type\":\"customerTokenVerification\","
                + "\"attributes\":{\"channel\":\"sms\"}}}");
    JsonApiResponse token =
        token("{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"cards\"}}}");

    for (JsonApiResponse response : new JsonApiResponse[] {verification, token}) {
      assertThat(response.status()).isEqualTo(400);
      assertThat(read(response, "errors", "0", "source", "pointer")).isEqualTo("/data/type");
    }
  }

  @Test
  void customerTokenOnlyAttributes_areRefusedAtTheirPointer() throws Exception {
    for (String member : new String[] {"resources", "jwtToken"}) {
      JsonApiResponse response =
          token(
              "{\"data\":{\"type\":\"cardholderToken\",\"attributes\":{\"scope\":\"cards\",\""
                  + member
                  + "\":\"x\"}}}");
      assertThat(response.status()).isEqualTo(400);
      assertThat(read(response, "errors", "0", "source", "pointer"))
          .isEqualTo("/data/attributes/" + member);
    }
  }

  @Test
  void unknownCard_isNotFound() throws Exception {
    JsonApiResponse response =
        endpoints.createToken(
            "424242",
            TestPlatform.request(
                org,
                "{\"data\":{\"type\":\"cardholderToken\",\"attributes\":{\"scope\":\"cards\"}}}"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(read(response, "errors", "0", "code")).isEqualTo("not_found");
  }
}
