package dev.custos.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisException;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis Cluster: Lettuce routes each script by its keys' slot (every script's keys share one hash
 * tag) and follows MOVED and ASK; the topology is refreshed on those redirections, on reconnects,
 * and every second, so a promoted replica is found quickly. A write's {@code WAIT} goes to the
 * connection that carried the write: the master of its key's slot.
 */
final class ClusterLink implements Link {
  private static final Logger log = LoggerFactory.getLogger(ClusterLink.class);

  private final Deployment deployment;
  private final RedisClusterClient client;
  private final StatefulRedisClusterConnection<String, String> connection;
  private final StatefulRedisClusterPubSubConnection<String, String> pubSub;
  private final Disconnects disconnects = new Disconnects();

  // Lettuce 7 deprecates the adaptive refresh triggers by name; 6.8 (Spring Boot 4.0's) has
  // nothing else, and both need them.
  @SuppressWarnings("deprecation")
  ClusterLink(Deployment deployment, ClientResources resources, Duration timeout) {
    this.deployment = deployment;
    this.client = RedisClusterClient.create(resources, deployment.seeds());
    client.setOptions(
        ClusterClientOptions.builder()
            .autoReconnect(true)
            // Node connections open on first use: rejecting while one opens would refuse the
            // first command to each node. A command to a node that is down times out instead
            // (the timeout above), and fails closed just the same.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
            .topologyRefreshOptions(
                ClusterTopologyRefreshOptions.builder()
                    .enableAdaptiveRefreshTrigger(
                        ClusterTopologyRefreshOptions.RefreshTrigger.MOVED_REDIRECT,
                        ClusterTopologyRefreshOptions.RefreshTrigger.ASK_REDIRECT,
                        ClusterTopologyRefreshOptions.RefreshTrigger.PERSISTENT_RECONNECTS,
                        ClusterTopologyRefreshOptions.RefreshTrigger.UNCOVERED_SLOT,
                        ClusterTopologyRefreshOptions.RefreshTrigger.UNKNOWN_NODE)
                    .adaptiveRefreshTriggersTimeout(Duration.ofMillis(100))
                    .enablePeriodicRefresh(Duration.ofSeconds(1))
                    .build())
            .build());
    client.addListener(disconnects);
    try {
      this.connection = client.connect();
      checkNodes();
      this.pubSub = client.connectPubSub();
    } catch (RedisException | IllegalStateException e) {
      client.shutdown();
      throw e;
    }
  }

  @Override
  public RedisClusterCommands<String, String> sync() {
    return connection.sync();
  }

  @Override
  public RedisClusterAsyncCommands<String, String> async() {
    return connection.async();
  }

  @Override
  public void subscribe(String channel, Runnable onMessage) {
    pubSub.addListener(Link.onEveryMessage(onMessage));
    pubSub.sync().subscribe(channel);
  }

  /** Every node of the topology, masters and replicas: a replica that evicts can be promoted. */
  @Override
  public void checkNodes() {
    boolean first = true;
    for (RedisClusterNode node : connection.getPartitions()) {
      String name =
          (node.is(RedisClusterNode.NodeFlag.UPSTREAM) ? "master " : "replica ")
              + node.getUri().getHost()
              + ":"
              + node.getUri().getPort();
      if (node.is(RedisClusterNode.NodeFlag.FAIL)
          || node.is(RedisClusterNode.NodeFlag.EVENTUAL_FAIL)) {
        continue;
      }
      try {
        StatefulRedisConnection<String, String> nodeConnection =
            connection.getConnection(node.getNodeId());
        if (first) {
          Deployment.checkVersion(nodeConnection, name);
          first = false;
        }
        deployment.checkNode(nodeConnection, name);
      } catch (RedisException e) {
        log.warn("cannot check {} ({}): check it by hand", name, e.getClass().getSimpleName());
      }
    }
  }

  @Override
  public StatefulRedisConnection<String, String> masterOf(String key) {
    RedisClusterNode master = connection.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
    if (master == null) {
      throw new RedisException("no master serves the slot of a key");
    }
    return connection.getConnection(master.getUri().getHost(), master.getUri().getPort());
  }

  @Override
  public void refreshTopology() {
    client.refreshPartitions();
  }

  @Override
  public long disconnects(StatefulRedisConnection<String, String> connection) {
    return disconnects.of(connection);
  }

  /**
   * The nodes of the client's view of the cluster, each with its role and whether it is failing
   * (the topology refresh itself connects every second, so connections say nothing here).
   */
  @Override
  public String topology() {
    List<String> nodes = new ArrayList<>();
    for (RedisClusterNode node : connection.getPartitions()) {
      nodes.add(node.getNodeId() + " " + node.getUri() + " " + node.getFlags());
    }
    Collections.sort(nodes);
    return String.join("\n", nodes);
  }

  @Override
  public String describe() {
    return deployment.safe();
  }

  @Override
  public void close() {
    pubSub.close();
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
