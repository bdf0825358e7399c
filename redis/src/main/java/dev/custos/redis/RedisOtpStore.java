package dev.custos.redis;

import dev.custos.otp.OtpStoreException;
import dev.custos.otp.RateLimit;
import dev.custos.otp.spi.ChallengeRecord;
import dev.custos.otp.spi.CheckResult;
import dev.custos.otp.spi.LockoutPolicy;
import dev.custos.otp.spi.OtpStore;
import dev.custos.otp.spi.SendDecision;
import dev.custos.otp.spi.SendLimit;
import dev.custos.otp.spi.SendSlot;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The OTP store on Redis: each operation one script, one round trip, on one hash slot; a start's
 * windows are pipelined in one round trip, the challenge written with the customer's.
 */
final class RedisOtpStore implements OtpStore {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final long LONGEST_LOCKOUT_MILLIS = Duration.ofHours(24).toMillis();

  private static final Script ACQUIRE = Script.load("acquire_send");
  private static final Script RELEASE = Script.load("release_send");
  private static final Script PUT = Script.load("put_challenge");
  private static final Script CHECK = Script.load("check_code");
  private static final Script WITHDRAW = Script.load("withdraw_challenge");

  private final Supplier<RedisClusterCommands<String, String>> redis;
  private final Supplier<RedisClusterAsyncCommands<String, String>> async;
  private final Keys keys;
  private final Duration timeout;
  private final Replication replication;
  private final SecureRandom random = new SecureRandom();

  RedisOtpStore(
      Supplier<RedisClusterCommands<String, String>> redis,
      Supplier<RedisClusterAsyncCommands<String, String>> async,
      Keys keys,
      Duration timeout,
      Replication replication) {
    this.redis = redis;
    this.async = async;
    this.keys = keys;
    this.timeout = timeout;
    this.replication = replication;
  }

  @Override
  public SendDecision acquireSend(Scope scope, String id, SendLimit limit, long nowMillis) {
    String[] keys = acquireKeys(scope, id);
    String[] args = acquireArgs(scope, limit, nowMillis);
    List<Object> reply = call(() -> ACQUIRE.run(redis.get(), ScriptOutputType.MULTI, keys, args));
    return decision(reply, limit, args);
  }

  /** Pipelines the windows' scripts: one round trip for all of them. */
  @Override
  public List<SendDecision> acquireSends(List<SendSlot> slots, long nowMillis) {
    return acquire(slots, nowMillis, null, null);
  }

  /**
   * The windows' scripts pipelined, the customer's also making the challenge pending: a start's one
   * round trip before delivery, and none after it ({@link #confirmChallenge} has nothing to do).
   */
  @Override
  public List<SendDecision> startChallenge(
      String customerId, List<SendSlot> slots, ChallengeRecord challenge, long nowMillis) {
    SendSlot first = slots.isEmpty() ? null : slots.get(0);
    if (first == null || first.scope() != Scope.CUSTOMER || !first.id().equals(customerId)) {
      throw new IllegalArgumentException("the first window must be the customer's");
    }
    return acquire(slots, nowMillis, customerId, challenge);
  }

  @Override
  public void confirmChallenge(String customerId, ChallengeRecord challenge, long nowMillis) {
    // Already pending since startChallenge.
  }

  @Override
  public void abandonChallenge(String customerId, byte[] challengeId, long nowMillis) {
    write(
        () ->
            WITHDRAW.run(
                redis.get(),
                ScriptOutputType.INTEGER,
                new String[] {keys.challenge(customerId)},
                B64.encodeToString(challengeId),
                Long.toString(nowMillis)));
  }

  private List<SendDecision> acquire(
      List<SendSlot> slots, long nowMillis, String customerId, ChallengeRecord challenge) {
    List<RedisFuture<List<Object>>> sent = new ArrayList<>(slots.size());
    List<String[]> keyLists = new ArrayList<>(slots.size());
    List<String[]> args = new ArrayList<>(slots.size());
    for (int i = 0; i < slots.size(); i++) {
      SendSlot slot = slots.get(i);
      String[] slotArgs = acquireArgs(slot.scope(), slot.limit(), nowMillis);
      String[] slotKeys = acquireKeys(slot.scope(), slot.id());
      if (i == 0 && challenge != null) {
        slotKeys = new String[] {slotKeys[0], slotKeys[1], keys.challenge(customerId)};
        slotArgs = withChallenge(slotArgs, challenge);
      }
      keyLists.add(slotKeys);
      args.add(slotArgs);
    }
    write(
        () -> {
          for (int i = 0; i < slots.size(); i++) {
            sent.add(
                ACQUIRE.send(async.get(), ScriptOutputType.MULTI, keyLists.get(i), args.get(i)));
          }
        });
    List<SendDecision> decisions = new ArrayList<>(slots.size());
    for (int i = 0; i < slots.size(); i++) {
      String[] slotKeys = keyLists.get(i);
      String[] slotArgs = args.get(i);
      List<Object> reply;
      try {
        reply = sent.get(i).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RedisNoScriptException)) {
          throw Failures.otp(e.getCause());
        }
        // The server lost its scripts (a restart): run this one again, loading the script.
        reply = call(() -> ACQUIRE.run(redis.get(), ScriptOutputType.MULTI, slotKeys, slotArgs));
      } catch (TimeoutException e) {
        throw Failures.otp(new IllegalStateException("Redis did not answer in " + timeout));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Failures.otp(new IllegalStateException("interrupted"));
      }
      decisions.add(decision(reply, slots.get(i).limit(), slotArgs));
    }
    return decisions;
  }

  private static String[] withChallenge(String[] windowArgs, ChallengeRecord challenge) {
    String[] all = Arrays.copyOf(windowArgs, windowArgs.length + 4);
    all[windowArgs.length] = B64.encodeToString(challenge.challengeId());
    all[windowArgs.length + 1] = B64.encodeToString(challenge.codeTag());
    all[windowArgs.length + 2] = Long.toString(challenge.expiresAtMillis());
    all[windowArgs.length + 3] = Integer.toString(challenge.attempts());
    return all;
  }

  private String[] acquireKeys(Scope scope, String id) {
    String window = keys.sends(scope, id);
    return new String[] {window, scope == Scope.CUSTOMER ? keys.failures(id) : window};
  }

  /** Where {@link #acquireArgs} puts the send's nonce. */
  private static final int NONCE = 4;

  private String[] acquireArgs(Scope scope, SendLimit limit, long nowMillis) {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    return new String[] {
      Long.toString(nowMillis),
      Integer.toString(limit.max()),
      Long.toString(limit.windowMillis()),
      Long.toString(limit.cooldownMillis()),
      B64.encodeToString(nonce),
      scope == Scope.CUSTOMER ? "1" : "0"
    };
  }

  /**
   * The script's reply as a decision; a counted send is known by its nonce, the member it added.
   */
  private static SendDecision decision(List<Object> reply, SendLimit limit, String[] args) {
    String decision = (String) reply.get(0);
    long wait = (Long) reply.get(1);
    return switch (decision) {
      case "ok" -> SendDecision.acquired(args[NONCE]);
      case "locked" -> SendDecision.refused(RateLimit.CUSTOMER_LOCKED, wait);
      case "cooldown" -> SendDecision.refused(RateLimit.PHONE_COOLDOWN, wait);
      case "full" -> SendDecision.refused(limit.limit(), wait);
      default -> throw unexpected(decision);
    };
  }

  @Override
  public void releaseSend(Scope scope, String id, long sentAtMillis, String sendId) {
    write(
        () ->
            RELEASE.run(
                redis.get(),
                ScriptOutputType.INTEGER,
                new String[] {keys.sends(scope, id)},
                sendId));
  }

  @Override
  public void putChallenge(String customerId, ChallengeRecord challenge, long nowMillis) {
    write(
        () ->
            PUT.run(
                redis.get(),
                ScriptOutputType.INTEGER,
                new String[] {keys.challenge(customerId)},
                B64.encodeToString(challenge.challengeId()),
                B64.encodeToString(challenge.codeTag()),
                Long.toString(challenge.expiresAtMillis()),
                Integer.toString(challenge.attempts()),
                Long.toString(nowMillis)));
  }

  @Override
  public CheckResult check(
      String customerId,
      byte[] challengeId,
      byte[] codeTag,
      long tokenExpiresAtMillis,
      long nowMillis,
      LockoutPolicy policy) {
    List<Object> reply =
        call(
            () ->
                CHECK.run(
                    replication,
                    ScriptOutputType.MULTI,
                    new String[] {keys.challenge(customerId), keys.failures(customerId)},
                    B64.encodeToString(challengeId),
                    B64.encodeToString(codeTag),
                    Long.toString(tokenExpiresAtMillis),
                    Long.toString(nowMillis),
                    Integer.toString(policy.failuresPerLockout()),
                    Long.toString(policy.firstLockoutMillis()),
                    Integer.toString(policy.permanentAfter()),
                    Long.toString(policy.memoryMillis()),
                    Long.toString(LONGEST_LOCKOUT_MILLIS)));
    String outcome = (String) reply.get(0);
    long value = (Long) reply.get(1);
    // A counted failure says how long it locked the customer out: -1 until unlocked, 0 not.
    long locked = reply.size() > 2 ? (Long) reply.get(2) : 0;
    long lockout = locked < 0 ? Long.MAX_VALUE : locked;
    return switch (outcome) {
      case "approved" -> CheckResult.approved();
      case "incorrect" -> CheckResult.incorrectCode((int) value).withLockout(lockout);
      case "max" -> CheckResult.maxAttemptsReached().withLockout(lockout);
      case "expired" -> CheckResult.expired();
      case "notfound" -> CheckResult.notFound();
      case "locked" -> CheckResult.customerLocked(Math.max(1, value));
      default -> throw unexpected(outcome);
    };
  }

  @Override
  public void unlock(String customerId) {
    write(() -> redis.get().del(keys.failures(customerId)));
  }

  @Override
  public long pendingChallenges() {
    return -1;
  }

  /** Runs commands whose replies carry nothing, with Redis's failures typed. */
  private static void write(Runnable operation) {
    try {
      operation.run();
    } catch (RuntimeException e) {
      throw Failures.otp(e);
    }
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      throw Failures.otp(e);
    }
  }

  private static OtpStoreException unexpected(String reply) {
    return new OtpStoreException(
        OtpStoreException.Reason.UNAVAILABLE, "unexpected reply from Redis: " + reply, null);
  }

  @Override
  public String toString() {
    return "RedisOtpStore";
  }
}
