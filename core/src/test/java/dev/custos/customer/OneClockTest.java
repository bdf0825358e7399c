package dev.custos.customer;

import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.core.testing.TestPlatform;
import dev.custos.org.OrgTokenService;
import dev.custos.testing.FakeClock;
import dev.custos.token.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * One clock per platform: the authorizer takes its verifier's, the services their minter's, and a
 * builder refuses another one rather than let the two disagree.
 */
class OneClockTest {
  /** Far from the system clock, as a test's or a host's own clock may be. */
  private final TestPlatform platform =
      new TestPlatform(FakeClock.at(Instant.parse("2031-06-01T10:00:00Z")));

  /**
   * The defect found from outside: a service built without {@code .clock(...)} measured an
   * upgrade's remaining lifetime on the system clock while its minter dated tokens on another.
   */
  @Test
  void serviceBuiltWithoutAClock_measuresUpgradesOnItsMintersClock() throws Exception {
    CustomerTokenService noClockNamed =
        CustomerTokenService.builder()
            .directory(platform.directory)
            .otpEngine(platform.otp)
            .minter(platform.minter)
            .authorizer(platform.authorizer)
            .build();
    VerifiedToken caller =
        platform.verifier.verify(
            noClockNamed
                .createToken(
                    platform.authorizer.authenticate(platform.orgHeader()),
                    INDIVIDUAL,
                    CustomerTokenAttributes.of("accounts customer-token-write").withExpiresIn(600))
                .token());

    VerifiedToken upgraded =
        platform.verifier.verify(
            noClockNamed
                .createToken(caller, INDIVIDUAL, CustomerTokenAttributes.of("accounts"))
                .token());

    assertThat(Duration.between(upgraded.issuedAt(), upgraded.expiresAt()))
        .as("the caller's remaining ten minutes, on the minter's clock")
        .isEqualTo(Duration.ofSeconds(600));
  }

  @Test
  void authorizerBuiltWithoutAClock_checksCachedExpiryOnItsVerifiersClock() throws Exception {
    RequestAuthorizer noClockNamed =
        RequestAuthorizer.builder().verifier(platform.verifier).build();
    String header = platform.orgHeader();
    noClockNamed.authenticate(header);

    platform.time.advance(Duration.ofDays(2));

    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> noClockNamed.authenticate(header), dev.custos.error.ApiException.class)
                .status())
        .as("expired on the verifier's clock, though the system clock is years before it")
        .isEqualTo(401);
  }

  @Test
  void builders_anotherClockThanTheMintersOrVerifiers_refused() {
    Clock other = Clock.systemUTC();

    assertThatIllegalStateException()
        .isThrownBy(
            () -> RequestAuthorizer.builder().verifier(platform.verifier).clock(other).build())
        .withMessageStartingWith("the authorizer checks expiry on its verifier's clock");
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                CustomerTokenService.builder()
                    .directory(platform.directory)
                    .otpEngine(platform.otp)
                    .minter(platform.minter)
                    .authorizer(platform.authorizer)
                    .clock(other)
                    .build())
        .withMessageStartingWith("the service measures lifetimes on its minter's clock");
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                OrgTokenService.builder()
                    .minter(platform.minter)
                    .authorizer(platform.authorizer)
                    .clock(other)
                    .build())
        .withMessageStartingWith("API tokens are dated on their minter's clock");
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                CustomerTokenService.builder()
                    .directory(platform.directory)
                    .otpEngine(platform.otp)
                    .minter(platform.minter)
                    .authorizer(platform.authorizer)
                    .identityProvider(
                        JwtIdentityProvider.builder("https://idp/")
                            .jwksUri(java.net.URI.create("https://idp/jwks"))
                            .audience("custos")
                            .build())
                    .build())
        .withMessageStartingWith("the identity provider checks JWT times on another clock");
    assertThat(RequestAuthorizer.builder().verifier(platform.verifier).clock(platform.time).build())
        .as("naming the verifier's own clock is fine")
        .isNotNull();
  }

  @Test
  void builders_settingsThatWouldSilentlyNotApply_refused() {
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                RequestAuthorizer.builder()
                    .verifier(platform.verifier)
                    .revocationStore(noRevocations())
                    .maxRevocations(10_000)
                    .build())
        .withMessageStartingWith("maxRevocations bounds the in-process store only");
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                JwtIdentityProvider.builder("https://idp/")
                    .jwksUri(java.net.URI.create("https://idp/jwks"))
                    .jwkSet(
                        "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\","
                            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                            + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}]}")
                    .audience("custos")
                    .build())
        .withMessage("jwkSet and jwksUri exclude each other: give the provider one source of keys");
  }

  private static dev.custos.authz.RevocationStore noRevocations() {
    return new dev.custos.authz.RevocationStore() {
      @Override
      public void revokeToken(String tokenId, long keepUntilMillis) {}

      @Override
      public void revokeCustomerTokens(
          String customerId, long issuedBeforeMillis, long keepUntil) {}

      @Override
      public boolean isRevoked(String tokenId, String customerId, long issuedAtMillis) {
        return false;
      }

      @Override
      public void onRevocation(Runnable listener) {}
    };
  }
}
