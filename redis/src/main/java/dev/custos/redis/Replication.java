package dev.custos.redis;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How a security write is sent (a consumed or failed code, a revocation, an API token record, a
 * used JWT id), and how many replicas must hold it before it counts: the write and {@code WAIT n
 * timeout} go out together on the connection to the master of the write's key, one round trip
 * (Redis answers {@code WAIT} once the replicas have acknowledged every earlier write of that
 * connection). Fewer acknowledgements, or a reconnection while the two were under way (a {@code
 * WAIT} resent on a new connection waits for nothing), throw {@link NotReplicatedException}: the
 * operation fails closed, and is still correct when retried (a consumption that a failover loses
 * was never reported as approved).
 */
final class Replication {
  private final Link link;
  private final int replicas;
  private final long waitMillis;
  private final long timeoutMillis;

  private Replication(Link link, int replicas, Duration wait, Duration timeout) {
    this.link = link;
    this.replicas = replicas;
    this.waitMillis = wait.toMillis();
    this.timeoutMillis = timeout.toMillis();
  }

  /**
   * @param replicas how many replicas must acknowledge a write; 0 sends no {@code WAIT}
   * @param wait how long {@code WAIT} waits for them
   * @param timeout how long the write and its {@code WAIT} may take in all
   */
  static Replication of(Link link, int replicas, Duration wait, Duration timeout) {
    return new Replication(link, replicas, wait, timeout);
  }

  /**
   * Sends a write of {@code key} and, behind it on the same connection, {@code WAIT}; returns the
   * write's reply once enough replicas hold it.
   *
   * @throws NotReplicatedException if fewer replicas acknowledged it in time
   * @throws io.lettuce.core.RedisException if Redis failed the write, or did not answer in time
   */
  <T> T write(
      String key, Function<RedisClusterAsyncCommands<String, String>, RedisFuture<T>> write) {
    if (replicas == 0) {
      return await(write.apply(link.async()));
    }
    try {
      return writeAndWait(key, write);
    } catch (RedisCommandExecutionException e) {
      if (!isRedirection(e)) {
        throw e;
      }
      // The slot moved (a failover, a reshard): the write did not run. Ask the cluster again.
      link.refreshTopology();
      return writeAndWait(key, write);
    }
  }

  private <T> T writeAndWait(
      String key, Function<RedisClusterAsyncCommands<String, String>, RedisFuture<T>> write) {
    StatefulRedisConnection<String, String> connection = link.masterOf(key);
    long disconnects = link.disconnects(connection);
    RedisClusterAsyncCommands<String, String> master = connection.async();
    RedisFuture<T> reply = write.apply(master);
    RedisFuture<Long> acknowledged = master.waitForReplication(replicas, waitMillis);
    T result = await(reply);
    long count = await(acknowledged);
    if (link.disconnects(connection) != disconnects) {
      throw new NotReplicatedException(
          "a connection to Redis was lost while the write was waited on");
    }
    if (count < replicas) {
      throw new NotReplicatedException(
          count
              + " of "
              + replicas
              + " replicas acknowledged the write within "
              + waitMillis
              + " ms");
    }
    return result;
  }

  private <T> T await(RedisFuture<T> future) {
    return LettuceFutures.awaitOrCancel(future, timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private static boolean isRedirection(RedisCommandExecutionException e) {
    String message = e.getMessage();
    return message != null && (message.startsWith("MOVED ") || message.startsWith("ASK "));
  }

  @Override
  public String toString() {
    return replicas == 0 ? "no WAIT" : "WAIT " + replicas + " " + waitMillis;
  }

  /** A write that fewer replicas than required acknowledged in time. */
  static final class NotReplicatedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotReplicatedException(String message) {
      super(message);
    }
  }
}
