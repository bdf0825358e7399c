package dev.custos.redis;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * How many replicas must hold a security write before it counts: after a consumed or failed code, a
 * revocation, an API token record or a used JWT id, {@code WAIT n timeout} on the connection that
 * wrote it (Redis waits for every earlier write of that connection). Fewer acknowledgements throw
 * {@link NotReplicatedException}: the operation fails closed, and is still correct when retried (a
 * consumption that a failover loses was never reported as approved).
 */
final class Replication {
  /** Sends {@code WAIT} where the write of a key went; returns the replicas that acknowledged. */
  @FunctionalInterface
  interface Waiter {
    long await(
        RedisClusterCommands<String, String> redis, String key, int replicas, long timeoutMillis);
  }

  /** One connection to one master: {@code WAIT} on it, whatever the key. */
  static final Waiter SAME_CONNECTION =
      (redis, key, replicas, timeoutMillis) -> redis.waitForReplication(replicas, timeoutMillis);

  private static final Replication NONE = new Replication(0, 0, SAME_CONNECTION);

  private final int replicas;
  private final long timeoutMillis;
  private final Waiter waiter;

  private Replication(int replicas, long timeoutMillis, Waiter waiter) {
    this.replicas = replicas;
    this.timeoutMillis = timeoutMillis;
    this.waiter = waiter;
  }

  static Replication none() {
    return NONE;
  }

  static Replication of(int replicas, long timeoutMillis, Waiter waiter) {
    return replicas == 0 ? NONE : new Replication(replicas, timeoutMillis, waiter);
  }

  int replicas() {
    return replicas;
  }

  /**
   * Waits for the connection's writes so far (that of {@code key}) to reach replicas, or throws.
   */
  void await(RedisClusterCommands<String, String> redis, String key) {
    if (replicas == 0) {
      return;
    }
    long acknowledged = waiter.await(redis, key, replicas, timeoutMillis);
    if (acknowledged < replicas) {
      throw new NotReplicatedException(acknowledged, replicas, timeoutMillis);
    }
  }

  @Override
  public String toString() {
    return replicas == 0 ? "no WAIT" : "WAIT " + replicas + " " + timeoutMillis;
  }

  /** A write that fewer replicas than required acknowledged in time. */
  static final class NotReplicatedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotReplicatedException(long acknowledged, int required, long timeoutMillis) {
      super(
          acknowledged
              + " of "
              + required
              + " replicas acknowledged the write within "
              + timeoutMillis
              + " ms");
    }
  }
}
