package dev.custos.examples.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.custos.error.ApiException;
import dev.custos.kit.CustomerIdGenerators;
import dev.custos.kit.Generator;
import dev.custos.kit.InMemoryPlatform;
import dev.custos.kit.JsonApiError;
import dev.custos.kit.ScopeGenerators;
import dev.custos.kit.quicktheories.KitGens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Four promises of the service and of Custos under it, written with the kit only (JUnit and
 * QuickTheories, no AssertJ): 1,000 examples each.
 */
class PaymentsPropertiesTest {
  private final InMemoryPlatform platform = InMemoryPlatform.create();
  private final PaymentsRoute payments =
      new PaymentsRoute(platform.authorizer(), platform.catalog());

  // README:kit-property
  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void everyTamperedToken_401InvalidToken(long seed) {
    platform.tokenGenerators().tampered().forAll(seed, 1_000, bad -> {
      var response = payments.pay("Bearer " + bad.token(), "100001", 100);
      assertEquals(401, response.status());
      assertEquals(
          Optional.of("invalid_token"), JsonApiError.of(response).challengeParameter("error"));
    });
  }
  // README:end

  @Test
  void noTokenWithoutATwoFactorScope_movesMoney() {
    var tokens =
        platform.tokenGenerators().customerTokens()
            .customerIds(Generator.oneOf(List.of("100001")))
            .scopes(ScopeGenerators.scopesWithoutTwoFactor(platform.catalog()));
    qt().withExamples(1_000)
        .forAll(KitGens.of(tokens))
        .check(token -> payments.pay("Bearer " + token.token(), "100001", 100).status() == 403);
  }

  @Test
  void aCode_neverVerifiesOnceTenMinutesHavePassed() {
    qt().withExamples(1_000)
        .forAll(KitGens.of(CustomerIdGenerators.customerIds()), integers().between(1, 86_400))
        .check((customer, secondsLate) -> {
          try {
            String verification = platform.startVerification(customer);
            String code = platform.lastCode(customer);
            platform.clock().advance(Duration.ofMinutes(10).plusSeconds(secondsLate));
            platform.createToken(customer, "payments-write", verification, code);
            return false;
          } catch (ApiException refused) {
            platform.clock().advance(Duration.ofDays(1));
            return refused.status() == 400;
          }
        });
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void everyInvalidScopeString_400AtTheScope(long seed) {
    ScopeGenerators.invalidScopeStrings(platform.catalog()).forAll(seed, 1_000, bad -> {
      var response = platform.postCustomerToken("100001", Map.of("scope", bad.value()));
      assertEquals(400, response.status());
      assertEquals(Optional.of("/data/attributes/scope"), JsonApiError.of(response).pointer());
    });
  }
}
