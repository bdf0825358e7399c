package dev.custos.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.micrometer.CustosMetrics;
import dev.custos.otp.OtpSender;
import dev.custos.testing.RedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CustosActuatorAutoConfigurationTest {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  CustosRedisAutoConfiguration.class,
                  CustosAutoConfiguration.class,
                  CustosActuatorAutoConfiguration.class))
          .withPropertyValues(
              "custos.key.value=" + CustosAutoConfigurationTest.KEY.exportSecretPaserk())
          .withBean(CustomerDirectory.class, () -> CustosAutoConfigurationTest.DIRECTORY)
          .withBean(OtpSender.class, () -> CustosAutoConfigurationTest.SENDER);

  @Test
  void meterRegistry_libraryMetricsOnIt_refusalsCounted_otpBound() {
    runner
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context -> {
              assertThat(context).hasSingleBean(CustosMetrics.class);
              try {
                context.getBean(RequestAuthorizer.class).authenticate(null);
              } catch (dev.custos.error.ApiException expected) {
                // counted below
              }
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(
                      registry
                          .get("custos.authorization.denials")
                          .tag("reason", "missing_credentials")
                          .counter()
                          .count())
                  .isEqualTo(1);
              assertThat(registry.find("custos.verifications.started").functionCounter())
                  .isNotNull();
            });
  }

  @Test
  void noMeterRegistry_orNoMicrometer_noMetrics_contextStarts() {
    runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CustosMetrics.class));
    runner
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class, CustosMetrics.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CustosMetrics.class));
  }

  @Test
  void health_inProcess_upNamingTheKeyNeverASecret() {
    runner.run(
        context -> {
          Health health = context.getBean("custosHealthIndicator", HealthIndicator.class).health();
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails())
              .containsEntry("signingKey", CustosAutoConfigurationTest.KEY.keyId())
              .containsEntry("state", "in-process");
          assertThat(health.toString())
              .doesNotContain(CustosAutoConfigurationTest.KEY.exportSecretPaserk());
        });
  }

  @Test
  void health_redisDown_downSayingWhy_backUpWhenItIs() {
    runner
        .withPropertyValues("custos.redis.uri=" + REDIS.uri())
        .run(
            context -> {
              HealthIndicator indicator =
                  context.getBean("custosHealthIndicator", HealthIndicator.class);
              assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
              REDIS.stop();
              try {
                Health down = indicator.health();
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat(down.getDetails().toString()).contains("does not answer");
              } finally {
                REDIS.start();
              }
            });
  }

  @Test
  void noHealthModule_noIndicator_contextStarts() {
    runner
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(
            context -> assertThat(context).hasNotFailed().doesNotHaveBean("custosHealthIndicator"));
  }
}
