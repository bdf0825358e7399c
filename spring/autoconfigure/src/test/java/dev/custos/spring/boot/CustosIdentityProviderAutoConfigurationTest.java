package dev.custos.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.customer.CustomerTokenAttributes;
import dev.custos.customer.CustomerTokenService;
import dev.custos.customer.JwtIdentityProvider;
import dev.custos.customer.SandboxIdentityProvider;
import dev.custos.otp.OtpSender;
import dev.custos.otp.Phone;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.MintedToken;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Every condition of the identity provider's auto-configuration. */
class CustosIdentityProviderAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  CustosAutoConfiguration.class, CustosIdentityProviderAutoConfiguration.class))
          .withPropertyValues(
              "custos.key.value=" + CustosAutoConfigurationTest.KEY.exportSecretPaserk())
          .withBean(CustomerDirectory.class, () -> CustosAutoConfigurationTest.DIRECTORY)
          .withBean(OtpSender.class, () -> CustosAutoConfigurationTest.SENDER);

  @Test
  void nothingSet_noProvider_serviceStillBuilt() {
    runner.run(
        context ->
            assertThat(context)
                .doesNotHaveBean(JwtIdentityProvider.class)
                .hasSingleBean(CustomerTokenService.class));
  }

  @Test
  void preset_aProviderOfThePresetsIssuer() {
    runner
        .withPropertyValues(
            "custos.identity-provider.preset=cognito:eu-west-2_AbC123",
            "custos.identity-provider.audience=client-7")
        .run(
            context -> {
              assertThat(context).hasSingleBean(JwtIdentityProvider.class);
              assertThat(context.getBean(JwtIdentityProvider.class))
                  .hasToString(
                      "JwtIdentityProvider[https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbC123]");
              assertThat(context).hasSingleBean(CustomerTokenService.class);
            });
  }

  @Test
  void issuerJwksAndAudience_aProviderOfThatIssuer() {
    runner
        .withPropertyValues(
            "custos.identity-provider.issuer=https://idp.example.com/",
            "custos.identity-provider.jwks-uri=https://idp.example.com/.well-known/jwks.json",
            "custos.identity-provider.audience=custos-api",
            "custos.identity-provider.max-age=2m")
        .run(
            context ->
                assertThat(context.getBean(JwtIdentityProvider.class))
                    .hasToString("JwtIdentityProvider[https://idp.example.com/]"));
  }

  @Test
  void presetAndIssuer_startFailsSayingWhichToDrop() {
    runner
        .withPropertyValues(
            "custos.identity-provider.preset=stytch:project-test-0a1b2c3d-0000-4000-8000-0123456789ab",
            "custos.identity-provider.issuer=https://idp.example.com/")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("drop issuer and jwks-uri"));
  }

  @Test
  void issuerWithoutAudience_orAMalformedPreset_startFails() {
    runner
        .withPropertyValues(
            "custos.identity-provider.issuer=https://idp.example.com/",
            "custos.identity-provider.jwks-uri=https://idp.example.com/jwks.json")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("needs jwks-uri and audience"));
    runner
        .withPropertyValues("custos.identity-provider.preset=okta:acme.okta.com")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("auth0:<domain>, cognito:<user pool id> or stytch:"));
  }

  @Test
  void hostsProvider_isTheOneTheCustomerTokenServiceAsks() {
    SandboxIdentityProvider idp = SandboxIdentityProvider.create(Clock.systemUTC(), Set.of("u-1"));
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CustosAutoConfiguration.class))
        .withPropertyValues(
            "custos.key.value=" + CustosAutoConfigurationTest.KEY.exportSecretPaserk())
        .withBean(
            CustomerDirectory.class,
            () ->
                id ->
                    Optional.of(
                        Customer.individual(id, Phone.of("1", "2025550147"))
                            .withJwtSubjects("u-1")))
        .withBean(OtpSender.class, () -> CustosAutoConfigurationTest.SENDER)
        .withBean(JwtIdentityProvider.class, () -> idp.trust().build())
        .run(
            context -> {
              CustomerTokenService service = context.getBean(CustomerTokenService.class);
              TokenMinter minter = context.getBean(TokenMinter.class);
              VerifiedToken org =
                  context
                      .getBean(TokenVerifier.class)
                      .verify(
                          minter
                              .mint(
                                  TokenRequest.org(
                                      ScopeCatalog.unit().parse("customer-token-write")))
                              .token());
              MintedToken minted =
                  service.createToken(
                      org,
                      "100001",
                      CustomerTokenAttributes.of("accounts-write").withJwtToken(idp.jwtFor("u-1")));
              assertThat(
                      context
                          .getBean(TokenVerifier.class)
                          .verify(minted.token())
                          .twoFactorVerified())
                  .isTrue();
            });
  }

  @Test
  void hostsOwnProvider_backsOff() {
    JwtIdentityProvider own =
        JwtIdentityProvider.builder("https://own.example.com/")
            .jwksUri(URI.create("https://own.example.com/jwks.json"))
            .audience("own")
            .build();
    runner
        .withPropertyValues("custos.identity-provider.preset=auth0:acme.us.auth0.com")
        .withPropertyValues("custos.identity-provider.audience=custos-api")
        .withBean(JwtIdentityProvider.class, () -> own)
        .run(context -> assertThat(context.getBean(JwtIdentityProvider.class)).isSameAs(own));
  }
}
