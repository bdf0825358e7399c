package dev.custos.spring.boot;

import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.org.OrgTokenService;
import dev.custos.spring.web.CustosRoutes;
import dev.custos.spring.web.VerifiedTokenArgumentResolver;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The library's endpoints on Spring MVC ({@code custos.endpoints.enabled}, on by default), and
 * {@link dev.custos.token.VerifiedToken} as a controller argument.
 */
@AutoConfiguration(after = CustosAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(JsonApiEndpoints.class)
public class CustosWebMvcAutoConfiguration {
  /**
   * The customer-token endpoints, {@code GET /identity}, and the org API token endpoints when an
   * org-token service is configured.
   *
   * @param api the library's endpoints
   * @param orgTokens the org-token service, if configured
   * @param properties the settings
   * @return the routes
   */
  @Bean
  @ConditionalOnProperty(name = "custos.endpoints.enabled", matchIfMissing = true)
  @ConditionalOnBean(dev.custos.customer.CustomerTokenService.class)
  public RouterFunction<ServerResponse> custosRoutes(
      JsonApiEndpoints api,
      ObjectProvider<OrgTokenService> orgTokens,
      CustosProperties properties) {
    return CustosRoutes.of(
        api,
        properties.getEndpoints().getBasePath(),
        orgTokens.getIfAvailable() != null,
        servesSandbox(api));
  }

  /** The passkey endpoints, with {@code custos-passkey} and its {@code Passkeys} bean. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.custos.passkey.Passkeys")
  @ConditionalOnBean(type = "dev.custos.passkey.Passkeys")
  @ConditionalOnProperty(name = "custos.endpoints.enabled", matchIfMissing = true)
  static class PasskeyRoutes {
    /**
     * The passkey routes.
     *
     * @param passkeys the platform's passkeys
     * @param api the library's endpoints (they authenticate and read documents)
     * @param properties the settings
     * @return the routes
     */
    @Bean
    RouterFunction<ServerResponse> custosPasskeyRoutes(
        dev.custos.passkey.Passkeys passkeys, JsonApiEndpoints api, CustosProperties properties) {
      return dev.custos.spring.web.CustosPasskeyRoutes.of(
          new dev.custos.passkey.PasskeyEndpoints(passkeys, api),
          properties.getEndpoints().getBasePath());
    }
  }

  /** Whether the endpoints were built with a sandbox outbox (a host's own may not be). */
  private static boolean servesSandbox(JsonApiEndpoints api) {
    try {
      api.sandboxMessages();
      return true;
    } catch (IllegalStateException notASandbox) {
      return false;
    }
  }

  /**
   * Resolves {@code VerifiedToken} controller arguments.
   *
   * @return the configurer
   */
  @Bean
  public WebMvcConfigurer custosVerifiedTokenArguments() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new VerifiedTokenArgumentResolver());
      }
    };
  }
}
