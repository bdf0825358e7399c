package dev.custos.redis;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices revocations whose pub/sub message was lost, and Redis being out of reach; makes this
 * instance's owed announcements; and sends every cached token back to Redis now and then whatever
 * the counter says, for a revocation whose announcing instance stopped before it could announce.
 */
final class RevocationPoll implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(CustosRedis.class);

  private final RedisRevocationStore revocationStore;
  private final long recheckNanos;
  private String last;
  private boolean reachable = true;
  private long lastRecheck = System.nanoTime();

  RevocationPoll(RedisRevocationStore revocationStore, String initial, long recheckNanos) {
    this.revocationStore = revocationStore;
    this.last = initial;
    this.recheckNanos = recheckNanos;
  }

  @Override
  public void run() {
    try {
      revocationStore.announceOwed();
      String sequence = revocationStore.sequence();
      long now = System.nanoTime();
      if (fireDue(sequence, last, now, lastRecheck, recheckNanos)) {
        lastRecheck = now;
        revocationStore.fire();
      }
      if (!reachable) {
        log.info("Redis is reachable again");
        revocationStore.fire(); // listeners hear that it is back
      }
      last = sequence;
      reachable = true;
    } catch (RuntimeException e) {
      if (reachable) {
        log.warn(
            "Redis cannot be reached ({}): cached tokens are re-checked",
            e.getClass().getSimpleName());
      }
      reachable = false;
      // Fail closed: cached tokens go back through the store, which refuses while it is down.
      revocationStore.fire();
    }
  }

  /**
   * Whether a poll runs the revocation listeners: the counter moved since the last poll (a
   * revocation whose message was lost), or a full recheck is due (one never announced).
   */
  static boolean fireDue(
      String sequence, String last, long nowNanos, long lastRecheckNanos, long recheckNanos) {
    return !Objects.equals(sequence, last) || nowNanos - lastRecheckNanos >= recheckNanos;
  }
}
