package dev.custos.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;

/** One Redis, or the master Sentinel names: one connection for commands, one for pub/sub. */
final class SingleMasterLink implements Link {
  private final Deployment deployment;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final StatefulRedisPubSubConnection<String, String> pubSub;
  private final Disconnects disconnects = new Disconnects();

  SingleMasterLink(Deployment deployment, ClientResources resources, ClientOptions options) {
    this.deployment = deployment;
    this.client = RedisClient.create(resources, deployment.uri());
    client.setOptions(options);
    client.addListener(disconnects);
    try {
      this.connection = client.connect();
      deployment.checkNodes(client, connection);
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

  @Override
  public void checkNodes() {
    deployment.checkNodes(client, connection);
  }

  @Override
  public StatefulRedisConnection<String, String> masterOf(String key) {
    return connection;
  }

  @Override
  public void refreshTopology() {
    // One master: Lettuce finds it again (through the sentinels) at each reconnect.
  }

  @Override
  public long disconnects(StatefulRedisConnection<String, String> connection) {
    return disconnects.of(connection);
  }

  /** Each new connection may be to a new master (Lettuce asks the sentinels at each one). */
  @Override
  public String topology() {
    return Long.toString(disconnects.connects());
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
