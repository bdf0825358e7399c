package dev.custos.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.otp.OtpSender;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.spring.security.CustosAccessDeniedHandler;
import dev.custos.spring.security.CustosAuthenticationEntryPoint;
import dev.custos.spring.security.CustosAuthorization;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.function.RouterFunction;

class CustosWebAutoConfigurationTest {
  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  CustosAutoConfiguration.class,
                  CustosSecurityAutoConfiguration.class,
                  CustosWebMvcAutoConfiguration.class,
                  WebMvcAutoConfiguration.class,
                  SecurityAutoConfiguration.class,
                  ServletWebSecurityAutoConfiguration.class))
          .withPropertyValues(
              "custos.key.value=" + CustosAutoConfigurationTest.KEY.exportSecretPaserk())
          .withBean(CustomerDirectory.class, () -> CustosAutoConfigurationTest.DIRECTORY)
          .withBean(OtpSender.class, () -> CustosAutoConfigurationTest.SENDER);

  @Test
  void servletApp_routesSecurityAndDefaultChain() {
    runner.run(
        context ->
            assertThat(context)
                .hasBean("custosRoutes")
                .hasSingleBean(CustosAuthorization.class)
                .hasBean("custos")
                .hasSingleBean(CustosAuthenticationEntryPoint.class)
                .hasSingleBean(CustosAccessDeniedHandler.class)
                .hasSingleBean(AuthorizationManagerFactory.class)
                .hasBean("custosSecurityFilterChain"));
  }

  @Test
  void passkeysConfigured_passkeyRoutes_elseNone() {
    WebApplicationContextRunner withPasskeys =
        runner
            .withConfiguration(AutoConfigurations.of(CustosPasskeyAutoConfiguration.class))
            .withPropertyValues(
                "custos.passkeys.rp-id=localhost", "custos.passkeys.origins=http://localhost:8080");
    withPasskeys.run(context -> assertThat(context).hasBean("custosPasskeyRoutes"));
    withPasskeys
        .withClassLoader(new FilteredClassLoader(dev.custos.passkey.Passkeys.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("custosPasskeyRoutes"));
    withPasskeys
        .withPropertyValues("custos.endpoints.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("custosPasskeyRoutes"));
    runner.run(context -> assertThat(context).doesNotHaveBean("custosPasskeyRoutes"));
  }

  @Test
  void endpointsDisabled_noRoutes_securityStays() {
    runner
        .withPropertyValues("custos.endpoints.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean("custosRoutes")
                    .hasSingleBean(CustosAuthorization.class));
  }

  @Test
  void noCustomerDirectory_noCustomerTokenRoutes() {
    new WebApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                CustosAutoConfiguration.class, CustosWebMvcAutoConfiguration.class))
        .withPropertyValues(
            "custos.key.value=" + CustosAutoConfigurationTest.KEY.exportSecretPaserk())
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("custosRoutes"));
  }

  @Test
  void hostsOwnChain_defaultChainBacksOff() {
    runner
        .withUserConfiguration(HostChain.class)
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean("custosSecurityFilterChain")
                    .hasBean("hostsChain"));
  }

  @Test
  void hostsOwnRulesBean_replacesCustos() {
    CustosAuthorization own =
        new CustosAuthorization(
            RequestAuthorizer.builder()
                .verifier(
                    dev.custos.token.TokenVerifier.builder()
                        .keyRing(dev.custos.token.KeyRing.of(CustosAutoConfigurationTest.KEY))
                        .issuer("custos")
                        .build())
                .build(),
            ScopeCatalog.unit(),
            Clock.systemUTC());
    runner
        .withBean("custos", CustosAuthorization.class, () -> own)
        .run(context -> assertThat(context.getBean(CustosAuthorization.class)).isSameAs(own));
  }

  @Test
  void withoutSpringSecurity_noSecurityBeans_routesStay() {
    runner
        .withClassLoader(new FilteredClassLoader(HttpSecurity.class))
        .withConfiguration(
            AutoConfigurations.of(
                CustosAutoConfiguration.class,
                CustosSecurityAutoConfiguration.class,
                CustosWebMvcAutoConfiguration.class,
                WebMvcAutoConfiguration.class))
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean(CustosAuthorization.class)
                    .hasBean("custosRoutes"));
  }

  @Test
  void notAWebApplication_noWebBeans() {
    new org.springframework.boot.test.context.runner.ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                CustosAutoConfiguration.class,
                CustosSecurityAutoConfiguration.class,
                CustosWebMvcAutoConfiguration.class))
        .withPropertyValues(
            "custos.key.value=" + CustosAutoConfigurationTest.KEY.exportSecretPaserk())
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(RouterFunction.class)
                    .doesNotHaveBean(CustosAuthorization.class));
  }

  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class HostChain {
    @org.springframework.context.annotation.Bean
    SecurityFilterChain hostsChain(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(r -> r.anyRequest().authenticated()).build();
    }
  }
}
