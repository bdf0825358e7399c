package dev.custos.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.kit.quicktheories.KitGens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The platform in one line, and Custos's promises about codes and revocation written with it: 1,000
 * examples each.
 */
class InMemoryPlatformTest {
  @Test
  void oneLine_theSpecsFlow_codeReadByType() throws Exception {
    InMemoryPlatform platform = InMemoryPlatform.create();

    String verification = platform.startVerification("100001");
    var token =
        platform.createToken(
            "100001", "accounts payments-write", verification, platform.lastCode("100001"));

    assertThat(platform.authorizer().authenticate("Bearer " + token.token()).twoFactorVerified())
        .isTrue();
    assertThat(platform.messages()).hasSize(1);
  }

  @Test
  void httpCalls_aYearOnTheClock_stillCarryAValidOrgToken() {
    InMemoryPlatform platform = InMemoryPlatform.create();
    platform.clock().advance(Duration.ofDays(400));

    assertThat(platform.postVerification("100001", Map.of("channel", "sms")).status())
        .isEqualTo(201);
    assertThat(platform.postCustomerToken("100001", Map.of("scope", "accounts")).status())
        .isEqualTo(201);
  }

  @Test
  void aCode_neverVerifiesOnceTheClockPassesTenMinutes() {
    InMemoryPlatform platform = InMemoryPlatform.create();

    qt().withExamples(1_000)
        .forAll(KitGens.of(CustomerIdGenerators.customerIds()), integers().between(1, 86_400))
        .checkAssert(
            (customerId, secondsLate) -> {
              try {
                String verification = platform.startVerification(customerId);
                String code = platform.lastCode(customerId);
                platform.clock().advance(Duration.ofMinutes(10).plusSeconds(secondsLate));
                ApiException refused =
                    catchThrowableOfType(
                        ApiException.class,
                        () ->
                            platform.createToken(
                                customerId, "accounts payments-write", verification, code));
                assertThat(refused).as("%s, %d s late", customerId, secondsLate).isNotNull();
                assertThat(refused.error().code())
                    .isIn(ApiErrorCode.VERIFICATION_EXPIRED, ApiErrorCode.VERIFICATION_NOT_FOUND);
                // Past every send window, so that the next example may start again.
                platform.clock().advance(Duration.ofDays(1));
              } catch (ApiException e) {
                throw new AssertionError(e.error().toString(), e);
              }
            });
  }

  @Test
  void aRevokedToken_alwaysRefused401() {
    InMemoryPlatform platform = InMemoryPlatform.create();

    qt().withExamples(1_000)
        .forAll(KitGens.of(platform.tokenGenerators().customerTokens()))
        .checkAssert(
            token -> {
              try {
                platform.revoke(token.token());
              } catch (ApiException e) {
                throw new AssertionError(e.error().toString(), e);
              }
              ApiException refused =
                  catchThrowableOfType(
                      ApiException.class,
                      () -> platform.authorizer().authenticate("Bearer " + token.token()));
              assertThat(refused.status()).isEqualTo(401);
              assertThat(refused.error().detail()).isEqualTo("the token has been revoked");
            });
  }

  @Test
  void lastCode_noneSent_saysSo() {
    assertThat(
            catchThrowableOfType(
                    IllegalStateException.class, () -> InMemoryPlatform.create().lastCode("1"))
                .getMessage())
        .isEqualTo("no one-time code was sent to customer 1");
  }
}
