package dev.custos.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.core.testing.TestPlatform;
import dev.custos.token.MintedToken;
import dev.custos.token.TokenRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Custos's customer-token revocations through the endpoint objects: {@code DELETE
 * /customers/{id}/tokens/{tokenId}} and {@code DELETE /customers/{id}/tokens}, for org tokens with
 * {@code customer-token-write} only.
 */
class CustomerTokenRevocationTest {
  private final TestPlatform platform = new TestPlatform();
  private final CustomerTokenEndpoints endpoints = platform.api.customerTokens();

  private MintedToken customerToken(String customerId, String scopes) {
    return platform.minter.mint(TokenRequest.customer(customerId, platform.catalog.parse(scopes)));
  }

  private int identityStatus(MintedToken token) {
    return platform.identity("Bearer " + token.token()).status();
  }

  @Test
  void revokeToken_orgToken_thatTokenRefusedOthersNot() throws Exception {
    MintedToken revoked = customerToken(TestPlatform.INDIVIDUAL, "accounts");
    MintedToken kept = customerToken(TestPlatform.INDIVIDUAL, "accounts");

    JsonApiResponse response =
        endpoints.revokeToken(
            TestPlatform.INDIVIDUAL,
            revoked.tokenId(),
            TestPlatform.request(platform.orgHeader(), null));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(TestPlatform.read(response, "meta", "revoked")).isEqualTo(true);
    assertThat(identityStatus(revoked)).isEqualTo(401);
    assertThat(identityStatus(kept)).isEqualTo(200);
  }

  @Test
  void revokeToken_theIdThatIdentityShows_revokesIt() throws Exception {
    MintedToken token = customerToken(TestPlatform.INDIVIDUAL, "accounts");
    String id =
        (String) TestPlatform.read(platform.identity("Bearer " + token.token()), "data", "id");

    endpoints.revokeToken(
        TestPlatform.INDIVIDUAL, id, TestPlatform.request(platform.orgHeader(), null));

    assertThat(identityStatus(token)).isEqualTo(401);
  }

  @Test
  void revokeTokens_everyTokenIssuedBeforeNow_laterOnesValid() throws Exception {
    MintedToken first = customerToken(TestPlatform.INDIVIDUAL, "accounts");
    MintedToken second = customerToken(TestPlatform.INDIVIDUAL, "payments");
    MintedToken otherCustomer = customerToken(TestPlatform.BUSINESS, "accounts");
    platform.time.advance(Duration.ofSeconds(1));

    JsonApiResponse response =
        endpoints.revokeTokens(
            TestPlatform.INDIVIDUAL, TestPlatform.request(platform.orgHeader(), null));
    platform.time.advance(Duration.ofSeconds(1));
    MintedToken after = customerToken(TestPlatform.INDIVIDUAL, "accounts");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat((String) TestPlatform.read(response, "meta", "issuedBefore"))
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    assertThat(identityStatus(first)).isEqualTo(401);
    assertThat(identityStatus(second)).isEqualTo(401);
    assertThat(identityStatus(otherCustomer)).isEqualTo(200);
    assertThat(identityStatus(after)).isEqualTo(200);
  }

  @Test
  void revoke_customerTokenEvenWithTheScope_403AndNothingRevoked() throws Exception {
    MintedToken caller = customerToken(TestPlatform.INDIVIDUAL, "customers customer-token-write");
    MintedToken target = customerToken(TestPlatform.INDIVIDUAL, "accounts");
    ApiRequest asCustomer = TestPlatform.request("Bearer " + caller.token(), null);

    JsonApiResponse one =
        endpoints.revokeToken(TestPlatform.INDIVIDUAL, target.tokenId(), asCustomer);
    JsonApiResponse all = endpoints.revokeTokens(TestPlatform.INDIVIDUAL, asCustomer);

    assertThat(one.status()).isEqualTo(403);
    assertThat(all.status()).isEqualTo(403);
    assertThat(TestPlatform.read(one, "errors", "0", "code")).isEqualTo("forbidden");
    assertThat(identityStatus(target)).isEqualTo(200);
  }

  @Test
  void revoke_orgTokenWithoutTheScope_403() throws Exception {
    MintedToken target = customerToken(TestPlatform.INDIVIDUAL, "accounts");

    JsonApiResponse response =
        endpoints.revokeToken(
            TestPlatform.INDIVIDUAL,
            target.tokenId(),
            TestPlatform.request(platform.orgHeader("customers"), null));

    assertThat(response.status()).isEqualTo(403);
    assertThat(identityStatus(target)).isEqualTo(200);
  }

  @Test
  void revoke_noCredentials_401WithTheChallenge() {
    JsonApiResponse response =
        endpoints.revokeTokens(TestPlatform.INDIVIDUAL, TestPlatform.request(null, null));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.headers()).containsKey("WWW-Authenticate");
  }

  @Test
  void revoke_unknownCustomer_404CustomerNotFound() throws Exception {
    JsonApiResponse response =
        endpoints.revokeTokens("999999", TestPlatform.request(platform.orgHeader(), null));

    assertThat(response.status()).isEqualTo(404);
    assertThat(TestPlatform.read(response, "errors", "0", "code")).isEqualTo("customer_not_found");
  }

  @Test
  void revokeToken_inactiveCustomer_stillRevoked() {
    JsonApiResponse response =
        endpoints.revokeTokens(
            TestPlatform.INACTIVE, TestPlatform.request(platform.orgHeader(), null));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  @Test
  void revokeToken_malformedId_400AtTheParameter() throws Exception {
    for (String id : new String[] {"", "a b", "x".repeat(65), "jti/../1", "ä"}) {
      JsonApiResponse response =
          endpoints.revokeToken(
              TestPlatform.INDIVIDUAL, id, TestPlatform.request(platform.orgHeader(), null));

      assertThat(response.status()).as(id).isEqualTo(400);
      assertThat(TestPlatform.read(response, "errors", "0", "source", "parameter"))
          .as(id)
          .isEqualTo("tokenId");
    }
  }
}
