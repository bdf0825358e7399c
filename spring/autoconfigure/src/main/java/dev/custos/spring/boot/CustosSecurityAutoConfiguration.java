package dev.custos.spring.boot;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.spring.security.CustosAccessDeniedHandler;
import dev.custos.spring.security.CustosAuthenticationEntryPoint;
import dev.custos.spring.security.CustosAuthorization;
import dev.custos.spring.security.CustosHttpSecurity;
import dev.custos.spring.security.CustosRequestRejectedHandler;
import dev.custos.spring.security.ScopeRecordingAuthorizationManagerFactory;
import dev.custos.token.TokenMinter;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Custos tokens as Spring Security authentications in a servlet application: the bearer filter, the
 * library's 401/403/404 answers, the {@code custos} rules bean, and, when the host defines no
 * filter chain of its own, one that requires a Custos token on every request but the library's
 * endpoints.
 */
@AutoConfiguration(
    after = CustosAutoConfiguration.class,
    before = ServletWebSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, BearerTokenAuthenticationFilter.class})
public class CustosSecurityAutoConfiguration {
  /**
   * Web security on, where no other configuration turned it on: a {@code @WebMvcTest} slice loads
   * this auto-configuration but not Spring Boot's security one unless its security test module is
   * present, and a slice must see the same filter as the application.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(name = "springSecurityFilterChain")
  @EnableWebSecurity
  static class WebSecurityOn {}

  /**
   * Method security on, where the application did not turn it on: a Custos application guards its
   * controllers with {@code @PreAuthorize}, and without {@code @EnableMethodSecurity} Spring
   * ignores the annotation and lets every authenticated caller through. An application that turns
   * it on itself keeps its own settings.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(
      name =
          "org.springframework.security.config.annotation.method.configuration"
              + ".PrePostMethodSecurityConfiguration")
  @EnableMethodSecurity
  static class MethodSecurityOn {}

  /**
   * Answers unauthenticated requests with the library's 401.
   *
   * @param authorizer the authorizer
   * @return the entry point
   */
  @Bean
  @ConditionalOnMissingBean
  public CustosAuthenticationEntryPoint custosAuthenticationEntryPoint(
      RequestAuthorizer authorizer) {
    return new CustosAuthenticationEntryPoint(authorizer);
  }

  /**
   * Answers refused requests with the library's refusals.
   *
   * @param authorizer the authorizer
   * @param catalog the scopes
   * @return the handler
   */
  @Bean
  @ConditionalOnMissingBean
  public CustosAccessDeniedHandler custosAccessDeniedHandler(
      RequestAuthorizer authorizer, ScopeCatalog catalog) {
    return new CustosAccessDeniedHandler(authorizer, catalog);
  }

  /**
   * Answers requests the firewall refuses with a JSON:API 400.
   *
   * @return the handler
   */
  @Bean
  @ConditionalOnMissingBean(RequestRejectedHandler.class)
  public CustosRequestRejectedHandler custosRequestRejectedHandler() {
    return new CustosRequestRejectedHandler();
  }

  /**
   * The rules, as {@code @custos} in SpEL.
   *
   * @param authorizer the authorizer
   * @param catalog the scopes
   * @param minter the minter, whose clock the two-factor age is read on
   * @return the rules
   */
  @Bean(name = "custos")
  @ConditionalOnMissingBean
  public CustosAuthorization custos(
      RequestAuthorizer authorizer, ScopeCatalog catalog, TokenMinter minter) {
    return new CustosAuthorization(authorizer, catalog, minter.clock());
  }

  /**
   * Method security's managers, noting missing scopes for the refusal.
   *
   * @param catalog the scopes
   * @return the factory
   */
  @Bean
  @ConditionalOnMissingBean(AuthorizationManagerFactory.class)
  public AuthorizationManagerFactory<MethodInvocation> custosMethodAuthorizationManagerFactory(
      ScopeCatalog catalog) {
    return new ScopeRecordingAuthorizationManagerFactory<>(catalog);
  }

  /**
   * Applied by Spring Security to every filter chain.
   *
   * @param authorizer the authorizer
   * @param catalog the scopes
   * @param entryPoint the entry point
   * @param deniedHandler the handler
   * @param properties the settings (the endpoints' base path)
   * @return the customizer
   */
  @Bean
  @ConditionalOnMissingBean(CustosHttpSecurity.class)
  public Customizer<HttpSecurity> custosHttpSecurity(
      RequestAuthorizer authorizer,
      ScopeCatalog catalog,
      CustosAuthenticationEntryPoint entryPoint,
      CustosAccessDeniedHandler deniedHandler,
      CustosProperties properties) {
    return new CustosHttpSecurity(
        authorizer,
        catalog,
        entryPoint,
        deniedHandler,
        properties.getEndpoints().getBasePath(),
        properties.getIssuer());
  }

  /**
   * The filter chain when the host has none: a Custos token on every request but the library's
   * endpoints, no session.
   *
   * @param http the builder, customized by {@link #custosHttpSecurity}
   * @return the chain
   * @throws Exception if Spring Security cannot build it
   */
  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class) // Boot's own condition moved in 4.1
  public SecurityFilterChain custosSecurityFilterChain(HttpSecurity http) throws Exception {
    return http.sessionManagement(
            s ->
                s.sessionCreationPolicy(
                    org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .build();
  }
}
