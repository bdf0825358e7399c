package dev.custos.server;

import dev.custos.testing.RedisClusterDeployment;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two servers on one Redis Cluster (three masters with a replica each): the checks. */
class TwoServersOnClusterTest extends TwoServersChecks {
  @RegisterExtension static final RedisClusterDeployment CLUSTER = new RedisClusterDeployment();

  @Override
  String redisUri() {
    return CLUSTER.seeds();
  }

  @Override
  ServerOptions shared(ServerOptions options) {
    return options.redisCluster(redisUri());
  }
}
