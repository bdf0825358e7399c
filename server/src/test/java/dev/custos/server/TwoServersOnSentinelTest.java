package dev.custos.server;

import dev.custos.testing.RedisSentinelDeployment;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two servers on one Sentinel deployment (master, two replicas, three sentinels): the checks. */
class TwoServersOnSentinelTest extends TwoServersChecks {
  @RegisterExtension static final RedisSentinelDeployment HA = new RedisSentinelDeployment();

  @Override
  String redisUri() {
    return HA.uri();
  }
}
