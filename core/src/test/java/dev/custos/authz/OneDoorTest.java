package dev.custos.authz;

import static dev.custos.core.testing.TestPlatform.BUSINESS;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custos.authz.AuthorizationListener.Denial;
import dev.custos.core.testing.TestPlatform;
import dev.custos.customer.CustomerTokenAttributes;
import dev.custos.customer.CustomerTokenService;
import dev.custos.customer.VerificationAttributes;
import dev.custos.error.ApiException;
import dev.custos.otp.Channel;
import dev.custos.scopes.Scope;
import dev.custos.token.Resources;
import dev.custos.token.TokenRequest;
import dev.custos.token.VerifiedToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every decision about a caller goes through the authorizer: the service's 403s have the
 * authorizer's one shape and each is heard by its listener, as is a scope refused by an adapter
 * that decided it elsewhere.
 */
class OneDoorTest {
  private final TestPlatform platform = new TestPlatform();
  private final List<Denial> heard = new ArrayList<>();
  private final RequestAuthorizer authorizer =
      RequestAuthorizer.builder().verifier(platform.verifier).listener(heard::add).build();
  private final CustomerTokenService service =
      CustomerTokenService.builder()
          .directory(platform.directory)
          .otpEngine(platform.otp)
          .minter(platform.minter)
          .authorizer(authorizer)
          .build();

  private VerifiedToken org(String scopes) throws Exception {
    return authorizer.authenticate(platform.orgHeader(scopes));
  }

  private VerifiedToken customer(String customer, String scopes, String upgradable)
      throws Exception {
    TokenRequest request = TokenRequest.customer(customer, platform.catalog.parse(scopes));
    if (upgradable != null) {
      request = request.upgradableTo(platform.catalog.parse(upgradable));
    }
    return platform.verifier.verify(platform.minter.mint(request).token());
  }

  private ApiException refusal(ThrowingCall call) {
    return catchThrowableOfType(call::run, ApiException.class);
  }

  private interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void serviceCallerWithoutTheScope_theAuthorizersScopeRefusalAndHeard() throws Exception {
    VerifiedToken withoutIt = org("customers");

    ApiException e =
        refusal(
            () -> service.createToken(withoutIt, INDIVIDUAL, CustomerTokenAttributes.of("cards")));

    assertThat(e.status()).isEqualTo(403);
    assertThat(e.error().meta())
        .isEqualTo(
            Map.of(
                "requiredScope",
                "customer-token-write",
                "twoFactorRequired",
                false,
                "upgradable",
                false));
    assertThat(e.error().authenticate())
        .contains("Bearer error=\"insufficient_scope\", scope=\"customer-token-write\"");
    assertThat(heard).containsExactly(Denial.MISSING_SCOPE);
  }

  @Test
  void everyServiceRefusalOfTheCaller_heardWithItsReason() throws Exception {
    VerifiedToken other = customer(BUSINESS, "customer-token-write accounts", null);
    VerifiedToken own = customer(INDIVIDUAL, "customer-token-write accounts", "cards");
    VerifiedToken limitedOrg =
        authorizer.authenticate(
            "Bearer "
                + platform
                    .minter
                    .mint(
                        TokenRequest.org(platform.catalog.parse("customers customer-token-write"))
                            .limitedTo(Resources.of(List.of("10001"), List.of())))
                    .token());

    refusal(
        () ->
            service.createVerification(other, INDIVIDUAL, VerificationAttributes.of(Channel.SMS)));
    refusal(() -> service.createToken(own, INDIVIDUAL, CustomerTokenAttributes.of("payments")));
    refusal(
        () ->
            service.createToken(
                limitedOrg,
                INDIVIDUAL,
                CustomerTokenAttributes.of("accounts")
                    .withResources(Resources.of(List.of("10002"), List.of()))));

    assertThat(heard)
        .containsExactly(Denial.OTHER_CUSTOMER, Denial.BEYOND_CALLER, Denial.OUTSIDE_RESOURCES);
  }

  @Test
  void scopeRefusal_decidedElsewhere_sameShapeAsTheAuthorizersAndHeard() throws Exception {
    VerifiedToken token = customer(INDIVIDUAL, "accounts", null);
    Scope paymentsWrite = platform.catalog.find("payments-write").orElseThrow();

    ApiException decidedHere = refusal(() -> authorizer.authorizeScope(token, paymentsWrite));
    ApiException decidedElsewhere = authorizer.scopeRefusal(token, paymentsWrite);

    assertThat(decidedElsewhere.error()).isEqualTo(decidedHere.error());
    assertThat(decidedElsewhere.error().meta()).containsEntry("twoFactorRequired", true);
    assertThat(heard).containsExactly(Denial.MISSING_SCOPE, Denial.MISSING_SCOPE);
  }
}
