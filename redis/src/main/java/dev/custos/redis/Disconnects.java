package dev.custos.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How often each connection that carries security writes lost its link, and how many connections
 * the client made in all. Only the watched connections count their losses: a cluster client also
 * opens and closes a connection to every node at each topology refresh, and a write must not fail
 * because one of those closed.
 */
final class Disconnects implements RedisConnectionStateListener {
  private final Map<RedisChannelHandler<?, ?>, AtomicLong> watched = new ConcurrentHashMap<>();
  private final AtomicLong connects = new AtomicLong();

  /** Counts the losses of this connection from now on; returns how many so far. */
  long of(Object connection) {
    if (!(connection instanceof RedisChannelHandler<?, ?> handler)) {
      throw new IllegalArgumentException("not a Lettuce connection");
    }
    return watched.computeIfAbsent(handler, h -> new AtomicLong()).get();
  }

  /** Connections made so far, every one of the client's. */
  long connects() {
    return connects.get();
  }

  @Override
  public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
    connects.incrementAndGet();
  }

  @Override
  public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
    AtomicLong count = watched.get(connection);
    if (count != null) {
      count.incrementAndGet();
    }
  }
}
