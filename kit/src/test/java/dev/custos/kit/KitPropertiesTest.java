package dev.custos.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.Customer;
import dev.custos.customer.CustomerTokenService;
import dev.custos.jsonapi.ApiRequest;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.kit.quicktheories.KitGens;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Custos's promises about its inputs, written with the kit as a user's suite writes them, through
 * the library's own endpoint objects, 1,000 examples each (QuickTheories prints the seed of a
 * failure).
 */
class KitPropertiesTest {
  private final ScopeCatalog catalog = ScopeCatalog.unit();
  private final KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V4_PUBLIC));
  private final TokenMinter minter = TokenMinter.builder().keyRing(keys).issuer("kit").build();
  private final RequestAuthorizer authorizer =
      RequestAuthorizer.builder()
          .verifier(TokenVerifier.builder().keyRing(keys).issuer("kit").build())
          .build();
  private final JsonApiEndpoints api =
      JsonApiEndpoints.builder()
          .authorizer(authorizer)
          .customerTokens(
              CustomerTokenService.builder()
                  .directory(
                      id -> Optional.of(Customer.individual(id, Phone.of("1", "2025550147"))))
                  .otpEngine(OtpEngine.builder().brand("Kit").sender(message -> {}).build())
                  .minter(minter)
                  .authorizer(authorizer)
                  .build())
          .build();
  private final String backend =
      "Bearer "
          + minter.mint(TokenRequest.org(catalog.parse("customers customer-token-write"))).token();

  private JsonApiResponse createToken(String customerId, String scope) {
    String document =
        "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":" + json(scope) + "}}}";
    return api.customerTokens()
        .createToken(
            customerId,
            ApiRequest.builder()
                .authorization(backend)
                .contentType(JsonApiResponse.MEDIA_TYPE)
                .body(document.getBytes(StandardCharsets.UTF_8))
                .build());
  }

  /** A JSON string, every control character escaped. */
  private static String json(String value) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.append('"').toString();
  }

  @Test
  void everyInvalidScopeString_400AtTheScopeAttribute() {
    qt().withExamples(1_000)
        .forAll(KitGens.of(ScopeGenerators.invalidScopeStrings(catalog)))
        .checkAssert(
            bad -> {
              JsonApiResponse response = createToken("100001", bad.value());
              assertThat(response.status()).as(bad.toString()).isEqualTo(400);
              assertThat(response.body())
                  .as(bad.toString())
                  .contains("\"source\":{\"pointer\":\"/data/attributes/scope\"}");
            });
  }

  @Test
  void everyScopeSetWithoutTwoFactor_mintedWithoutAVerification() {
    qt().withExamples(1_000)
        .forAll(
            KitGens.of(ScopeGenerators.scopesWithoutTwoFactor(catalog)),
            KitGens.of(CustomerIdGenerators.customerIds()))
        .checkAssert(
            (scopes, customerId) ->
                assertThat(createToken(customerId, String.join(" ", scopes.names())).status())
                    .as("%s for %s", scopes, customerId)
                    .isEqualTo(201));
  }

  @Test
  void anyTwoFactorScope_neverMintedWithoutAVerification() {
    qt().withExamples(1_000)
        .forAll(KitGens.of(ScopeGenerators.twoFactorScopes(catalog)))
        .checkAssert(
            scopes -> {
              JsonApiResponse response = createToken("100001", String.join(" ", scopes.names()));
              assertThat(response.status()).as(scopes.toString()).isEqualTo(400);
              assertThat(response.body()).as(scopes.toString()).contains("verification");
            });
  }
}
