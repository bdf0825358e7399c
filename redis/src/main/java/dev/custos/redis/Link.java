package dev.custos.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Custos's connections to one deployment, whatever its kind: the commands every store sends, the
 * revocation channel, the checks of every data node, and where a {@code WAIT} must go.
 */
interface Link extends AutoCloseable {
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
  RedisClusterAsyncCommands<String, String> masterOf(String key);

  /** Looks up the masters again, after one answered that a slot has moved. */
  void refreshTopology();

  /** How many times a connection to the deployment was lost so far. */
  long disconnects();

  /**
   * A value that changes whenever the nodes Custos talks to may have changed: a new connection (to
   * a new master, perhaps), a new cluster topology. Read locally, without a command.
   */
  String topology();

  /** The deployment, without credentials. */
  String describe();

  @Override
  void close();

  /**
   * A listener that counts connections made into {@code connects}, lost into {@code disconnects}.
   */
  static RedisConnectionStateListener counting(AtomicLong connects, AtomicLong disconnects) {
    return new RedisConnectionStateListener() {
      @Override
      public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
        connects.incrementAndGet();
      }

      @Override
      public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
        disconnects.incrementAndGet();
      }
    };
  }

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
