package dev.custos.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisException;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;

/**
 * Custos's connections to one deployment, whatever its kind: the commands every store sends, the
 * revocation channel, the checks of every data node, and where a {@code WAIT} must go.
 */
interface Link extends AutoCloseable {
  /**
   * Opens the link a deployment needs: the cluster's, or one master's (a standalone Redis or the
   * master Sentinel names) with commands refused while disconnected, so a store fails closed.
   *
   * @throws IllegalStateException if Redis cannot be reached or is not fit for Custos; the client
   *     resources are shut down then
   */
  static Link open(Deployment deployment, ClientResources resources, Duration timeout) {
    try {
      return deployment.isCluster()
          ? new ClusterLink(deployment, resources, timeout)
          : new SingleMasterLink(
              deployment,
              resources,
              ClientOptions.builder()
                  .autoReconnect(true)
                  .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                  .timeoutOptions(TimeoutOptions.enabled(timeout))
                  .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                  .build());
    } catch (RedisException | IllegalStateException e) {
      resources.shutdown();
      throw e instanceof IllegalStateException refused
          ? refused
          : new IllegalStateException("cannot connect to Redis at " + deployment.safe(), e);
    }
  }

  /** Commands, routed by key where the deployment is a cluster. */
  RedisClusterCommands<String, String> sync();

  /** The same, for pipelining. */
  RedisClusterAsyncCommands<String, String> async();

  /** Runs {@code onMessage} for every message on the channel, from now on. */
  void subscribe(String channel, Runnable onMessage);

  /** Checks every data node it can reach; throws IllegalStateException naming a node that fails. */
  void checkNodes();

  /**
   * The connection to the master of a key's slot (the one master, where there is one), for a write
   * and its {@code WAIT}: unlike {@link #async()}, never redirected elsewhere.
   */
  StatefulRedisConnection<String, String> masterOf(String key);

  /** Looks up the masters again, after one answered that a slot has moved. */
  void refreshTopology();

  /** How many times a connection {@link #masterOf} returned has lost its link so far. */
  long disconnects(StatefulRedisConnection<String, String> connection);

  /**
   * A value that changes whenever the nodes Custos talks to may have changed: a new connection (to
   * a new master, perhaps), a new cluster topology. Read locally, without a command.
   */
  String topology();

  /** The deployment, without credentials. */
  String describe();

  @Override
  void close();

  /** A pub/sub listener that runs {@code onMessage} for each message, whatever its channel. */
  static RedisPubSubAdapter<String, String> onEveryMessage(Runnable onMessage) {
    return new RedisPubSubAdapter<>() {
      @Override
      public void message(String channel, String message) {
        onMessage.run();
      }
    };
  }
}
