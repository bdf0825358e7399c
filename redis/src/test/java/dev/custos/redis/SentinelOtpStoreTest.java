package dev.custos.redis;

import dev.custos.otp.spi.OtpStore;
import dev.custos.otp.testing.OtpStoreContract;
import dev.custos.testing.RedisSentinelDeployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis OtpStore meets the contract on a Sentinel deployment too (master, two replicas, three
 * sentinels), each write waiting for a replica.
 */
class SentinelOtpStoreTest extends OtpStoreContract {
  @RegisterExtension static final RedisSentinelDeployment HA = new RedisSentinelDeployment();

  /** Generous: these check what the store does, not how fast a loaded machine replicates. */
  private static final java.time.Duration SLOW = java.time.Duration.ofSeconds(5);

  private CustosRedis redis;

  @Override
  protected OtpStore store() {
    if (redis == null) {
      redis =
          CustosRedis.builder(HA.uri()).timeout(SLOW).replicaAcknowledgements(1, SLOW).connect();
    }
    return redis.otpStore();
  }

  @AfterEach
  void close() {
    if (redis != null) {
      redis.close();
      redis = null;
    }
  }
}
