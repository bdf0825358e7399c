package dev.custos.redis;

import dev.custos.authz.RevocationStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revocations on Redis. A revocation is one script on the revoked token's or customer's key, then a
 * counter bump and a pub/sub message that reach every instance's listeners; a check is two
 * pipelined reads (one round trip). Listeners also run when the counter is seen to have moved by
 * the periodic poll, so a lost message delays a revocation by at most the poll interval.
 *
 * <p>Once a revocation is written it holds, whatever follows: this instance's listeners run even if
 * the announcement fails, and an announcement that failed is owed, made again by the next poll.
 */
final class RedisRevocationStore implements RevocationStore {
  private static final Logger log = LoggerFactory.getLogger(RedisRevocationStore.class);
  private static final Script REVOKE_TOKEN = Script.load("revoke_token");
  private static final Script REVOKE_TOKEN_ONCE = Script.load("revoke_token_once");
  private static final Script REVOKE_CUSTOMER = Script.load("revoke_customer");
  private static final Script ANNOUNCE = Script.load("announce_revocation");

  /** How long the revocation counter lives after its last move; every key has a TTL. */
  private static final long SEQUENCE_TTL_MILLIS = Duration.ofDays(30).toMillis();

  private final Supplier<RedisClusterCommands<String, String>> sync;
  private final Supplier<RedisClusterAsyncCommands<String, String>> async;
  private final Keys keys;
  private final Clock clock;
  private final Duration timeout;
  private final Replication replication;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean announcementOwed = new AtomicBoolean();

  RedisRevocationStore(
      Supplier<RedisClusterCommands<String, String>> sync,
      Supplier<RedisClusterAsyncCommands<String, String>> async,
      Keys keys,
      Clock clock,
      Duration timeout,
      Replication replication) {
    this.sync = sync;
    this.async = async;
    this.keys = keys;
    this.clock = clock;
    this.timeout = timeout;
    this.replication = replication;
  }

  @Override
  public void revokeToken(String tokenId, long keepUntilMillis) {
    Objects.requireNonNull(tokenId, "tokenId");
    long ttl = keepUntilMillis - clock.millis();
    call(
        () ->
            REVOKE_TOKEN.run(
                replication,
                ScriptOutputType.INTEGER,
                new String[] {keys.revokedToken(tokenId)},
                Long.toString(ttl)));
    announce();
  }

  @Override
  public boolean revokeTokenOnce(String tokenId, long keepUntilMillis) {
    Objects.requireNonNull(tokenId, "tokenId");
    long ttl = keepUntilMillis - clock.millis();
    Long revoked =
        RedisRevocationStore.<Long>call(
            () ->
                REVOKE_TOKEN_ONCE.run(
                    replication,
                    ScriptOutputType.INTEGER,
                    new String[] {keys.revokedToken(tokenId)},
                    Long.toString(ttl)));
    if (revoked != null && revoked == 1) {
      announce();
      return true;
    }
    return false;
  }

  @Override
  public void revokeCustomerTokens(
      String customerId, long issuedBeforeMillis, long keepUntilMillis) {
    Objects.requireNonNull(customerId, "customerId");
    long ttl = keepUntilMillis - clock.millis();
    call(
        () ->
            REVOKE_CUSTOMER.run(
                replication,
                ScriptOutputType.INTEGER,
                new String[] {keys.revokedCustomer(customerId)},
                Long.toString(issuedBeforeMillis),
                Long.toString(ttl)));
    announce();
  }

  /**
   * Tells every instance of a revocation just written: this one at once, whatever happens, and the
   * others through the counter and pub/sub. The revocation holds already, so a failed announcement
   * is not the caller's failure: it is owed, and the next poll makes it.
   */
  private void announce() {
    try {
      announceNow();
    } catch (RuntimeException e) {
      announcementOwed.set(true);
      log.warn(
          "a revocation is recorded but could not be announced ({}); the next poll announces it",
          e.getClass().getSimpleName());
    } finally {
      fire();
    }
  }

  /** Makes an announcement a failure left owed; the poll calls it before it reads the counter. */
  void announceOwed() {
    if (announcementOwed.getAndSet(false)) {
      try {
        announceNow();
        log.info("an owed revocation announcement was made");
      } catch (RuntimeException e) {
        announcementOwed.set(true);
      }
    }
  }

  /** Moves the counter (the poll's fallback) and tells every subscriber at once. */
  private void announceNow() {
    call(
        () ->
            ANNOUNCE.run(
                sync.get(),
                ScriptOutputType.INTEGER,
                new String[] {keys.revocationSequence()},
                Long.toString(SEQUENCE_TTL_MILLIS),
                keys.revocationChannel()));
  }

  @Override
  public boolean isRevoked(String tokenId, String customerId, long issuedAtMillis) {
    try {
      var redis = async.get();
      // Both questions go out at once and share one wait.
      CompletableFuture<Long> token =
          redis.exists(keys.revokedToken(tokenId)).toCompletableFuture();
      CompletableFuture<String> cutoff =
          customerId == null
              ? CompletableFuture.completedFuture(null)
              : redis.get(keys.revokedCustomer(customerId)).toCompletableFuture();
      CompletableFuture.allOf(token, cutoff).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      String value = cutoff.join();
      return token.join() > 0 || (value != null && issuedAtMillis < Long.parseLong(value));
    } catch (ExecutionException e) {
      throw Failures.revocation(e.getCause());
    } catch (TimeoutException e) {
      throw Failures.revocation(new IllegalStateException("Redis did not answer in " + timeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.revocation(new IllegalStateException("interrupted"));
    } catch (RuntimeException e) {
      throw Failures.revocation(e);
    }
  }

  @Override
  public void onRevocation(Runnable listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Runs every listener: a revocation happened somewhere, or may have. */
  void fire() {
    listeners.forEach(Runnable::run);
  }

  /** The counter's value now, or null if there is none. */
  String sequence() {
    return sync.get().get(keys.revocationSequence());
  }

  /** Runs a write whose reply carries nothing, with Redis's failures typed. */
  private static void call(Runnable operation) {
    call(
        () -> {
          operation.run();
          return null;
        });
  }

  private static <T> T call(java.util.function.Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      throw Failures.revocation(e);
    }
  }

  @Override
  public String toString() {
    return "RedisRevocationStore";
  }
}
