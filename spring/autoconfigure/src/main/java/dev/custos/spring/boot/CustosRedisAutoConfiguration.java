package dev.custos.spring.boot;

import dev.custos.authz.RevocationStore;
import dev.custos.customer.JwtReplayStore;
import dev.custos.org.ApiTokenStore;
import dev.custos.otp.spi.OtpStore;
import dev.custos.redis.CustosRedis;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Shared state on Redis when {@code custos.redis.uri} is set (one Redis, a Sentinel URI, or with
 * {@code custos.redis.cluster} a cluster's seed nodes): the OTP, revocation, API token and JWT
 * replay stores, so that several instances act as one. The connection is checked at start-up
 * (reachable, Redis 7 or newer, no eviction on any data node), and closed with the context.
 */
@AutoConfiguration(before = CustosAutoConfiguration.class)
@ConditionalOnClass(CustosRedis.class)
@ConditionalOnProperty("custos.redis.uri")
@EnableConfigurationProperties(CustosProperties.class)
public class CustosRedisAutoConfiguration {
  /**
   * Connects to Redis.
   *
   * @param properties the settings
   * @param clock the host's clock, if it has one
   * @return the connection and its stores
   * @throws IllegalStateException if Redis cannot be reached, is older than 7, or evicts keys, or
   *     only one of the replica settings is set
   * @throws IllegalArgumentException if the URI or a setting is out of range
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public CustosRedis custosRedis(CustosProperties properties, ObjectProvider<Clock> clock) {
    CustosRedisProperties redis = properties.getRedis();
    CustosRedis.Builder builder =
        (redis.isCluster()
                ? CustosRedis.clusterBuilder(redis.getUri())
                : CustosRedis.builder(redis.getUri()))
            .keyPrefix(redis.getKeyPrefix())
            .timeout(redis.getTimeout())
            .requirePersistence(redis.isRequirePersistence())
            .allowEvictingNodes(redis.isAllowEvictingNodes())
            .clock(clock.getIfAvailable(Clock::systemUTC));
    if (redis.getReplicaAcknowledgements() != null || redis.getReplicaTimeout() != null) {
      if (redis.getReplicaAcknowledgements() == null || redis.getReplicaTimeout() == null) {
        throw new IllegalStateException(
            "custos.redis.replica-acknowledgements and custos.redis.replica-timeout are set"
                + " together");
      }
      builder.replicaAcknowledgements(
          redis.getReplicaAcknowledgements(), redis.getReplicaTimeout());
    }
    return builder.connect();
  }

  /**
   * Redis as the shared state the health contributor checks.
   *
   * @param redis the connection
   * @return the state and its check
   */
  @Bean
  @ConditionalOnMissingBean
  public CustosHealthIndicator.SharedState custosSharedState(CustosRedis redis) {
    return new CustosHealthIndicator.SharedState("redis", redis::check);
  }

  /**
   * The pending challenges, send limits and failure counts, on Redis.
   *
   * @param redis the connection
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean
  public OtpStore custosOtpStore(CustosRedis redis) {
    return redis.otpStore();
  }

  /**
   * Revocations, announced to every instance.
   *
   * @param redis the connection
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean
  public RevocationStore custosRevocationStore(CustosRedis redis) {
    return redis.revocationStore();
  }

  /**
   * Org API token records.
   *
   * @param redis the connection
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean
  public ApiTokenStore custosApiTokenStore(CustosRedis redis) {
    return redis.apiTokenStore();
  }

  /**
   * Identity-provider JWT ids already used.
   *
   * @param redis the connection
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean
  public JwtReplayStore custosJwtReplayStore(CustosRedis redis) {
    return redis.jwtReplayStore();
  }
}
