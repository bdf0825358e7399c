package dev.custos.redis;

import io.lettuce.core.api.sync.RedisCommands;

/**
 * How many replicas must hold a security write before it counts: after a consumed or failed code, a
 * revocation, an API token record or a used JWT id, {@code WAIT n timeout} on the connection that
 * wrote it (Redis waits for every earlier write of that connection). Fewer acknowledgements throw
 * {@link NotReplicatedException}: the operation fails closed, and is still correct when retried (a
 * consumption that a failover loses was never reported as approved).
 */
final class Replication {
  private static final Replication NONE = new Replication(0, 0);

  private final int replicas;
  private final long timeoutMillis;

  private Replication(int replicas, long timeoutMillis) {
    this.replicas = replicas;
    this.timeoutMillis = timeoutMillis;
  }

  static Replication none() {
    return NONE;
  }

  static Replication of(int replicas, long timeoutMillis) {
    return replicas == 0 ? NONE : new Replication(replicas, timeoutMillis);
  }

  int replicas() {
    return replicas;
  }

  /** Waits for the connection's writes so far to reach the replicas, or throws. */
  void await(RedisCommands<String, String> redis) {
    if (replicas == 0) {
      return;
    }
    long acknowledged = redis.waitForReplication(replicas, timeoutMillis);
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
