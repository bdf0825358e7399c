package dev.custos.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.authz.RevocationStore;
import dev.custos.authz.RevocationStoreException;
import dev.custos.otp.spi.OtpStore;
import dev.custos.redis.CustosRedis;
import dev.custos.testing.RedisClusterDeployment;
import dev.custos.testing.RedisServer;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each {@code custos.redis.*} setting reaches the connection: one Redis, and a real cluster. */
class CustosRedisAutoConfigurationTest {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();
  @RegisterExtension static final RedisClusterDeployment CLUSTER = new RedisClusterDeployment();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(CustosRedisAutoConfiguration.class));

  @Test
  void cluster_seedNodes_storesOnTheCluster() {
    runner
        .withPropertyValues(
            "custos.redis.uri=" + CLUSTER.seeds(),
            "custos.redis.cluster=true",
            "custos.redis.timeout=5s",
            "custos.redis.replica-acknowledgements=1",
            "custos.redis.replica-timeout=5s")
        .run(
            context -> {
              RevocationStore revocations = context.getBean(RevocationStore.class);
              revocations.revokeToken("spring-cluster", System.currentTimeMillis() + 60_000);

              assertThat(revocations.isRevoked("spring-cluster", null, 0)).isTrue();
              assertThat(context.getBean(OtpStore.class))
                  .isSameAs(context.getBean(CustosRedis.class).otpStore());
            });
  }

  @Test
  void clusterSeedsWithoutClusterSet_startFails() {
    runner
        .withPropertyValues("custos.redis.uri=" + CLUSTER.seeds())
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void replicaAcknowledgements_oneRedisWithoutReplicas_securityWritesFailClosed() {
    runner
        .withPropertyValues(
            "custos.redis.uri=" + REDIS.uri(),
            "custos.redis.replica-acknowledgements=1",
            "custos.redis.replica-timeout=50ms")
        .run(
            context ->
                Assertions.assertThatExceptionOfType(RevocationStoreException.class)
                    .isThrownBy(
                        () ->
                            context
                                .getBean(RevocationStore.class)
                                .revokeToken("no-replica", System.currentTimeMillis() + 60_000))
                    .satisfies(
                        e ->
                            assertThat(e.reason())
                                .isEqualTo(RevocationStoreException.Reason.UNAVAILABLE)));
  }

  @Test
  void replicaAcknowledgementsWithoutItsTimeout_startFailsNamingBoth() {
    runner
        .withPropertyValues(
            "custos.redis.uri=" + REDIS.uri(), "custos.redis.replica-acknowledgements=1")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("custos.redis.replica-acknowledgements")
                    .hasMessageContaining("custos.redis.replica-timeout"));
  }

  @Test
  void evictingRedis_refused_unlessAllowedExplicitly() throws Exception {
    REDIS.command("CONFIG", "SET", "maxmemory-policy", "allkeys-lru");
    try {
      runner
          .withPropertyValues("custos.redis.uri=" + REDIS.uri())
          .run(
              context ->
                  assertThat(context)
                      .getFailure()
                      .rootCause()
                      .hasMessageContaining("maxmemory-policy allkeys-lru"));
      runner
          .withPropertyValues(
              "custos.redis.uri=" + REDIS.uri(), "custos.redis.allow-evicting-nodes=true")
          .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CustosRedis.class));
    } finally {
      REDIS.command("CONFIG", "SET", "maxmemory-policy", "noeviction");
    }
  }

  @Test
  void requirePersistence_redisWithoutAppendOnlyFile_startFails() throws Exception {
    String before = REDIS.command("CONFIG", "GET", "appendonly");
    REDIS.command("CONFIG", "SET", "appendonly", "no");
    try {
      runner
          .withPropertyValues(
              "custos.redis.uri=" + REDIS.uri(), "custos.redis.require-persistence=true")
          .run(
              context ->
                  assertThat(context)
                      .getFailure()
                      .rootCause()
                      .hasMessageContaining("appendonly no"));
    } finally {
      REDIS.command("CONFIG", "SET", "appendonly", before.contains("yes") ? "yes" : "no");
    }
  }
}
