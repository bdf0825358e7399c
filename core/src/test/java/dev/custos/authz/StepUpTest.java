package dev.custos.authz;

import static dev.custos.core.testing.TestPlatform.BUSINESS;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.custos.authz.AuthorizationListener.Denial;
import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.scopes.Scope;
import dev.custos.token.Resources;
import dev.custos.token.TokenRequest;
import dev.custos.token.VerifiedToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The doors an adapter's step-up and ownership rules go through: one shape, heard once. */
class StepUpTest {
  private final TestPlatform platform = new TestPlatform();
  private final List<Denial> heard = new ArrayList<>();
  private final RequestAuthorizer authorizer =
      RequestAuthorizer.builder().verifier(platform.verifier).listener(heard::add).build();
  private final Scope paymentsWrite = platform.catalog.find("payments-write").orElseThrow();

  private VerifiedToken customer(TokenRequest request) throws ApiException {
    return authorizer.authenticate("Bearer " + platform.minter.mint(request).token());
  }

  private TokenRequest request(String scopes) {
    return TokenRequest.customer(INDIVIDUAL, platform.catalog.parse(scopes));
  }

  private ApiException refusal(ThrowingCall call) {
    return assertThatExceptionOfType(ApiException.class).isThrownBy(call::run).actual();
  }

  private interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void authorizeTwoFactorAge_freshVerification_allowed() throws Exception {
    VerifiedToken token = customer(request("accounts payments-write").twoFactorVerified());

    platform.time.advance(Duration.ofMinutes(5));

    assertThatNoException()
        .isThrownBy(() -> authorizer.authorizeTwoFactorAge(token, Duration.ofMinutes(5)));
    assertThat(heard).isEmpty();
  }

  /**
   * An upgrade keeps its caller's verification: its age is the caller's, not the upgrade's (before,
   * a token upgraded every few minutes passed any step-up rule forever on one code).
   */
  @Test
  void authorizeTwoFactorAge_upgradeOfAnOldVerification_measuredFromTheVerification()
      throws Exception {
    VerifiedToken caller =
        customer(
            request("accounts payments-write customer-token-write")
                .twoFactorVerified(dev.custos.token.TwoFactorMethod.CODE, platform.time.instant()));
    platform.time.advance(Duration.ofMinutes(20));
    VerifiedToken upgraded =
        platform.verifier.verify(
            platform
                .service
                .createToken(
                    caller,
                    INDIVIDUAL,
                    dev.custos.customer.CustomerTokenAttributes.of("payments-write"))
                .token());

    assertThat(upgraded.issuedAt()).isEqualTo(platform.time.instant());
    assertThat(
            refusal(() -> authorizer.authorizeTwoFactorAge(upgraded, Duration.ofMinutes(5)))
                .error()
                .status())
        .isEqualTo(401);
  }

  @Test
  void authorizeTwoFactorAge_olderThanMaxAge_401InsufficientUserAuthenticationWithMaxAge()
      throws Exception {
    VerifiedToken token = customer(request("accounts payments-write").twoFactorVerified());
    platform.time.advance(Duration.ofMinutes(5).plusSeconds(1));

    ApiException e = refusal(() -> authorizer.authorizeTwoFactorAge(token, Duration.ofMinutes(5)));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.error().authenticate())
        .contains(
            "Bearer error=\"insufficient_user_authentication\", error_description=\"the two-factor"
                + " verification is older than 300 seconds\", max_age=300");
    assertThat(e.error().meta()).containsEntry("maxAge", 300L);
    assertThat(heard).containsExactly(Denial.STALE_TWO_FACTOR);
  }

  @Test
  void authorizeTwoFactorAge_tokenWithoutTwoFactor_401SayingSo() throws Exception {
    VerifiedToken token = customer(request("accounts"));

    ApiException e = refusal(() -> authorizer.authorizeTwoFactorAge(token, Duration.ofHours(1)));

    assertThat(e.error().detail())
        .isEqualTo("the token was not created after two-factor verification");
    assertThat(e.error().authenticate())
        .hasValueSatisfying(c -> assertThat(c).endsWith("max_age=3600"));
  }

  @Test
  void scopeRefusal_upgradableScope_saysTheTokenMayBeUpgraded() throws Exception {
    VerifiedToken upgradable =
        customer(
            request("accounts customer-token-write")
                .upgradableTo(platform.catalog.parse("payments-write")));
    VerifiedToken notUpgradable = customer(request("accounts"));

    ApiException yes = authorizer.scopeRefusal(upgradable, paymentsWrite);
    ApiException no = authorizer.scopeRefusal(notUpgradable, paymentsWrite);

    assertThat(yes.error().meta()).containsEntry("upgradable", true);
    assertThat(yes.error().detail()).endsWith("; the token may be upgraded to it");
    assertThat(no.error().meta()).containsEntry("upgradable", false);
    // One order on every run (Map.of's varies between JVMs), for clients and tests that compare.
    assertThat(JsonApiResponse.error(yes.error()).body())
        .contains(
            "\"meta\":{\"requiredScope\":\"payments-write\",\"twoFactorRequired\":true,"
                + "\"upgradable\":true}");
    assertThat(heard).containsExactly(Denial.MISSING_SCOPE, Denial.MISSING_SCOPE);
  }

  @Test
  void authorizeOwner_customerTokenOfAnother_404HeardAsOtherCustomer() throws Exception {
    VerifiedToken token = customer(request("accounts"));
    VerifiedToken org =
        authorizer.authenticate(
            "Bearer "
                + platform
                    .minter
                    .mint(TokenRequest.org(platform.catalog.parse("customers")))
                    .token());

    ApiException e = refusal(() -> authorizer.authorizeOwner(token, BUSINESS));

    assertThat(e.status()).isEqualTo(404);
    assertThat(heard).containsExactly(Denial.OTHER_CUSTOMER);
    assertThatNoException().isThrownBy(() -> authorizer.authorizeOwner(token, INDIVIDUAL));
    assertThatNoException().isThrownBy(() -> authorizer.authorizeOwner(org, BUSINESS));
  }

  @Test
  void accountAndCardOwner_outsideResourcesOrAnotherCustomer_404_withinAllowed() throws Exception {
    VerifiedToken limited =
        customer(
            request("accounts cards").limitedTo(Resources.of(List.of("10001"), List.of("7001"))));

    assertThatNoException()
        .isThrownBy(() -> authorizer.authorizeAccountOwner(limited, INDIVIDUAL, "10001"));
    assertThatNoException()
        .isThrownBy(() -> authorizer.authorizeCardOwner(limited, INDIVIDUAL, "7001", "10009"));
    assertThat(
            refusal(() -> authorizer.authorizeAccountOwner(limited, INDIVIDUAL, "10002")).status())
        .isEqualTo(404);
    assertThat(
            refusal(() -> authorizer.authorizeCardOwner(limited, INDIVIDUAL, "7002", "10002"))
                .status())
        .isEqualTo(404);
    assertThat(refusal(() -> authorizer.authorizeAccountOwner(limited, BUSINESS, "10001")).status())
        .isEqualTo(404);
    assertThat(heard)
        .containsExactly(Denial.OUTSIDE_RESOURCES, Denial.OUTSIDE_RESOURCES, Denial.OTHER_CUSTOMER);
  }
}
