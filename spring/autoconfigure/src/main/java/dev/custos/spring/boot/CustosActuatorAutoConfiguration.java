package dev.custos.spring.boot;

import dev.custos.authz.AuthorizationListener;
import dev.custos.customer.CustomerTokenListener;
import dev.custos.micrometer.CustosMetrics;
import dev.custos.otp.OtpEngine;
import dev.custos.token.KeyRing;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations, each part only when its library is present: the health contributor {@code custos}
 * (Spring Boot's health), and the library's metrics on Boot's {@link MeterRegistry} (Micrometer).
 */
@AutoConfiguration(
    after = {CustosAutoConfiguration.class, CustosRedisAutoConfiguration.class},
    afterName =
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
public class CustosActuatorAutoConfiguration {
  /** The health contributor. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnBean(KeyRing.class)
  public static class Health {
    /**
     * The contributor {@code custos}.
     *
     * @param keys the key ring
     * @param minter the minter
     * @param verifier the verifier
     * @param state the shared state (Redis), if configured
     * @return the indicator
     */
    @Bean(name = "custosHealthIndicator")
    @ConditionalOnMissingBean(name = "custosHealthIndicator")
    public CustosHealthIndicator custosHealthIndicator(
        KeyRing keys,
        TokenMinter minter,
        TokenVerifier verifier,
        ObjectProvider<CustosHealthIndicator.SharedState> state) {
      return new CustosHealthIndicator(keys, minter, verifier, state.getIfAvailable());
    }
  }

  /** The metrics. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MeterRegistry.class, CustosMetrics.class})
  @ConditionalOnBean(MeterRegistry.class)
  public static class Metrics {
    /**
     * The library's meters on Boot's registry.
     *
     * @param registry Boot's registry
     * @return the metrics
     */
    @Bean
    @ConditionalOnMissingBean
    public CustosMetrics custosMetrics(MeterRegistry registry) {
      return CustosMetrics.register(registry);
    }

    /**
     * Counts the authorizer's refusals.
     *
     * @param metrics the metrics
     * @return the listener
     */
    @Bean
    public AuthorizationListener custosMetricsAuthorizationListener(CustosMetrics metrics) {
      return metrics.authorizationListener();
    }

    /**
     * Counts minted customer tokens.
     *
     * @param metrics the metrics
     * @return the listener
     */
    @Bean
    public CustomerTokenListener custosMetricsTokenListener(CustosMetrics metrics) {
      return metrics.tokenListener();
    }

    /**
     * Binds the OTP engine's statistics once every bean exists.
     *
     * @param metrics the metrics
     * @param otp the engine, if configured
     * @return the binding
     */
    @Bean
    public SmartInitializingSingleton custosMetricsOtpBinding(
        CustosMetrics metrics, ObjectProvider<OtpEngine> otp) {
      return () -> otp.ifAvailable(metrics::bind);
    }
  }
}
