package dev.custos.redis;

import dev.custos.authz.RevocationStore;
import dev.custos.customer.JwtReplayStore;
import dev.custos.org.ApiTokenStore;
import dev.custos.otp.spi.OtpStore;
import dev.custos.scopes.ScopeCatalog;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Custos's shared state on Redis, for hosts that run several instances: one connection giving the
 * {@link OtpStore} (challenges, attempts, send windows, failures and lockouts), the {@link
 * RevocationStore}, the {@link ApiTokenStore} and the {@link JwtReplayStore}. Instances connected
 * to one Redis act as one: a verification started on one completes on another, limits count across
 * all, and a revocation holds everywhere.
 *
 * <pre>{@code
 * try (CustosRedis redis = CustosRedis.connect("rediss://custos:secret@redis.internal:6379")) {
 *   OtpEngine otp = OtpEngine.builder().brand("Acme").sender(sms)
 *       .store(redis.otpStore()).masterKey(sharedOtpKey).build();
 *   RequestAuthorizer authorizer = RequestAuthorizer.builder().verifier(verifier)
 *       .revocationStore(redis.revocationStore()).build();
 * }
 * }</pre>
 *
 * <p>Every operation is one server-side script (one round trip) whose keys share a hash tag, so it
 * also runs on Redis Cluster; every key has a time to live; codes are stored only as MACs and phone
 * numbers only as keyed hashes. When Redis is down or slower than the timeout, operations throw the
 * stores' typed exceptions and nothing is approved; work resumes when Redis is back. Revocations
 * reach every instance by pub/sub at once, or by a poll of a counter within {@link
 * Builder#revocationPollInterval} when a message is lost; while Redis cannot be reached, cached
 * tokens are re-checked (and refused) from the next poll on.
 *
 * <p>Redis must be version 7 or newer and must not evict keys ({@code maxmemory-policy
 * noeviction}): an evicting Redis would forget limits and revocations early, so {@link
 * Builder#connect()} refuses one. Full, it refuses new state (starts, code checks, new API token
 * records: the stores' {@code FULL} failures, nothing approved) while revocations, deletions and
 * unlocks still go through. Thread-safe.
 */
public final class CustosRedis implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CustosRedis.class);
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_:.-]{1,64}");
  private static final Pattern VERSION =
      Pattern.compile("(?m)^redis_version:(\\d{1,4})\\.(\\d{1,4})");

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final StatefulRedisPubSubConnection<String, String> pubSub;
  private final ScheduledExecutorService poller;
  private final RedisOtpStore otpStore;
  private final RedisRevocationStore revocationStore;
  private final RedisApiTokenStore apiTokenStore;
  private final RedisJwtReplayStore jwtReplayStore;
  private final String safeUri;

  private CustosRedis(Builder b, RedisURI uri) {
    this.client = RedisClient.create(uri);
    this.safeUri = safe(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(b.timeout))
            .socketOptions(SocketOptions.builder().connectTimeout(b.timeout).build())
            .build());
    try {
      this.connection = client.connect();
      requireVersion(connection);
      requireNoEviction(connection);
      this.pubSub = client.connectPubSub();
    } catch (RedisException | IllegalStateException e) {
      client.shutdown();
      throw e instanceof IllegalStateException refused
          ? refused
          : new IllegalStateException("cannot connect to Redis at " + safe(uri), e);
    }
    Keys keys = new Keys(b.keyPrefix);
    this.otpStore = new RedisOtpStore(connection::sync, connection::async, keys, b.timeout);
    this.revocationStore = new RedisRevocationStore(() -> connection, keys, b.clock, b.timeout);
    this.apiTokenStore =
        new RedisApiTokenStore(connection::sync, keys, b.clock, ScopeCatalog.unit());
    this.jwtReplayStore = new RedisJwtReplayStore(connection::sync, keys, b.clock);
    pubSub.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            revocationStore.fire();
          }
        });
    pubSub.sync().subscribe(keys.revocationChannel());
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "custos-redis-revocations");
              t.setDaemon(true);
              return t;
            });
    long every = b.pollInterval.toMillis();
    // The counter is read now, so that a revocation made before the first poll is not the baseline.
    poller.scheduleWithFixedDelay(
        new Poll(revocationStore.sequence(), b.recheckInterval.toNanos()),
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Connects with the defaults: key prefix {@code custos}, 500 ms timeout, revocations polled every
   * 250 ms.
   *
   * @param redisUri {@code redis://[user:password@]host[:port][/database]}, or {@code rediss://}
   *     for TLS
   * @return the connected stores
   * @throws IllegalArgumentException if the URI is not a {@code redis://} or {@code rediss://} URI
   * @throws IllegalStateException if Redis cannot be reached, is older than 7, or evicts keys
   * @throws NullPointerException if {@code redisUri} is null
   */
  public static CustosRedis connect(String redisUri) {
    return builder(redisUri).connect();
  }

  /**
   * Returns a builder.
   *
   * @param redisUri {@code redis://[user:password@]host[:port][/database]}, or {@code rediss://}
   * @return a new builder
   * @throws NullPointerException if {@code redisUri} is null
   */
  public static Builder builder(String redisUri) {
    return new Builder(Objects.requireNonNull(redisUri, "redisUri"));
  }

  /**
   * Checks Redis now, as a health check does: it answers within the timeout and still does not
   * evict keys (a restarted or replaced server may run with another policy).
   *
   * @throws IllegalStateException if Redis does not answer, or evicts keys
   */
  public void check() {
    try {
      connection.sync().ping();
    } catch (RedisException e) {
      throw new IllegalStateException(
          "Redis at " + safeUri + " does not answer (" + e.getClass().getSimpleName() + ")");
    }
    requireNoEviction(connection);
  }

  /**
   * Returns the OTP store, for {@code OtpEngine.builder().store(...)}. Engines sharing it must
   * share their master key.
   *
   * @return the store
   */
  public OtpStore otpStore() {
    return otpStore;
  }

  /**
   * Returns the revocation store, for {@code RequestAuthorizer.builder().revocationStore(...)}.
   *
   * @return the store
   */
  public RevocationStore revocationStore() {
    return revocationStore;
  }

  /**
   * Returns the org API token store, for {@code OrgTokenService.builder().store(...)}: records of
   * Unit's scope catalog, shared by every instance.
   *
   * @return the store
   */
  public ApiTokenStore apiTokenStore() {
    return apiTokenStore;
  }

  /**
   * Returns the store of used JWT ids, for {@code
   * JwtIdentityProvider.builder(...).replayStore(...)}: an identity provider's JWT stands in for a
   * second factor once across every instance.
   *
   * @return the store
   */
  public JwtReplayStore jwtReplayStore() {
    return jwtReplayStore;
  }

  /** Stops polling and closes the connections; the stores fail from then on. */
  @Override
  public void close() {
    poller.shutdownNow();
    pubSub.close();
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  @Override
  public String toString() {
    return "CustosRedis["
        + otpStore
        + ", "
        + revocationStore
        + ", "
        + apiTokenStore
        + ", "
        + jwtReplayStore
        + "]";
  }

  /**
   * Redis 7 or newer: every script declares how it behaves when Redis is out of memory ({@code
   * #!lua}, with or without {@code allow-oom}), which older servers cannot read.
   */
  private static void requireVersion(StatefulRedisConnection<String, String> connection) {
    String info;
    try {
      info = connection.sync().info("server");
    } catch (RedisException e) {
      log.warn("cannot read Redis's version (INFO is not allowed); Custos needs Redis 7 or newer");
      return;
    }
    requireVersion(info);
  }

  /** Refuses a server whose {@code INFO server} text names a version before 7. */
  static void requireVersion(String info) {
    Matcher version = VERSION.matcher(info);
    if (version.find() && Integer.parseInt(version.group(1)) < 7) {
      throw new IllegalStateException(
          "Redis "
              + version.group(1)
              + "."
              + version.group(2)
              + " is too old: Custos needs Redis 7 or newer, whose scripts declare what they do"
              + " when Redis is out of memory");
    }
  }

  private static void requireNoEviction(StatefulRedisConnection<String, String> connection) {
    Map<String, String> config;
    try {
      config = connection.sync().configGet("maxmemory-policy");
    } catch (RedisException e) {
      log.warn(
          "cannot read Redis's maxmemory-policy (CONFIG is not allowed); make sure it is noeviction");
      return;
    }
    String policy = config.get("maxmemory-policy");
    if (policy != null && !policy.equals("noeviction")) {
      throw new IllegalStateException(
          "Redis evicts keys under memory pressure (maxmemory-policy "
              + policy
              + "): Custos needs noeviction, so that no limit or revocation is forgotten early");
    }
  }

  private static String safe(RedisURI uri) {
    return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort();
  }

  /**
   * Notices revocations whose pub/sub message was lost, and Redis being out of reach; makes this
   * instance's owed announcements; and sends every cached token back to Redis now and then whatever
   * the counter says, for a revocation whose announcing instance stopped before it could announce.
   */
  private final class Poll implements Runnable {
    private final long recheckNanos;
    private String last;
    private boolean reachable = true;
    private long lastRecheck = System.nanoTime();

    Poll(String initial, long recheckNanos) {
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
  }

  /**
   * Whether a poll runs the revocation listeners: the counter moved since the last poll (a
   * revocation whose message was lost), or a full recheck is due (one never announced).
   */
  static boolean fireDue(
      String sequence, String last, long nowNanos, long lastRecheckNanos, long recheckNanos) {
    return !Objects.equals(sequence, last) || nowNanos - lastRecheckNanos >= recheckNanos;
  }

  /** Configures a {@link CustosRedis}. Not thread-safe. */
  public static final class Builder {
    private final String uri;
    private String keyPrefix = "custos";
    private Duration timeout = Duration.ofMillis(500);
    private Duration pollInterval = Duration.ofMillis(250);
    private Duration recheckInterval = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();

    private Builder(String uri) {
      this.uri = uri;
    }

    /**
     * Sets the prefix of every key (and of the pub/sub channel); {@code custos} by default. Hosts
     * sharing one Redis use one prefix each.
     *
     * @param prefix 1 to 64 of {@code [A-Za-z0-9_:.-]}
     * @return this builder
     * @throws IllegalArgumentException if the prefix is not of that form
     * @throws NullPointerException if {@code prefix} is null
     */
    public Builder keyPrefix(String prefix) {
      if (!PREFIX.matcher(Objects.requireNonNull(prefix, "prefix")).matches()) {
        throw new IllegalArgumentException("keyPrefix must be 1 to 64 of [A-Za-z0-9_:.-]");
      }
      this.keyPrefix = prefix;
      return this;
    }

    /**
     * Sets how long an operation (and a connection attempt) may take before it fails with the
     * stores' typed exception; 500 ms by default.
     *
     * @param timeout 10 ms to 60 s
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws NullPointerException if {@code timeout} is null
     */
    public Builder timeout(Duration timeout) {
      this.timeout = between("timeout", timeout, Duration.ofMillis(10), Duration.ofSeconds(60));
      return this;
    }

    /**
     * Sets how often the revocation counter is polled: the longest a revocation takes to reach this
     * instance when its pub/sub message is lost; 250 ms by default.
     *
     * @param interval 10 ms to 10 s
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws NullPointerException if {@code interval} is null
     */
    public Builder revocationPollInterval(Duration interval) {
      this.pollInterval =
          between(
              "revocationPollInterval", interval, Duration.ofMillis(10), Duration.ofSeconds(10));
      return this;
    }

    /**
     * Sets how often every cached token is checked against Redis again, whatever the revocation
     * counter says: the longest a revocation goes unseen here when the instance that wrote it
     * stopped before it could announce it (an instance that is still running announces it again at
     * its next poll); 60 seconds by default. Each recheck costs each cached token that is used one
     * round trip.
     *
     * @param interval 1 second to 1 hour, and not shorter than the poll interval
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws NullPointerException if {@code interval} is null
     */
    public Builder revocationRecheckInterval(Duration interval) {
      this.recheckInterval =
          between(
              "revocationRecheckInterval", interval, Duration.ofSeconds(1), Duration.ofHours(1));
      return this;
    }

    /**
     * Sets the clock revocations' times to live are reckoned from: the authorizer's clock; {@link
     * Clock#systemUTC()} by default.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Connects.
     *
     * @return the connected stores; close them when done
     * @throws IllegalArgumentException if the URI is not a {@code redis://} or {@code rediss://}
     *     URI, or the recheck interval is shorter than the poll interval
     * @throws IllegalStateException if Redis cannot be reached, is older than 7, or evicts keys
     */
    public CustosRedis connect() {
      if (!uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
        throw new IllegalArgumentException("a Redis URI starts with redis:// or rediss://");
      }
      RedisURI parsed;
      try {
        parsed = RedisURI.create(uri);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not a valid Redis URI", e);
      }
      if (recheckInterval.compareTo(pollInterval) < 0) {
        throw new IllegalArgumentException(
            "revocationRecheckInterval must not be shorter than revocationPollInterval");
      }
      parsed.setTimeout(timeout);
      return new CustosRedis(this, parsed);
    }

    private static Duration between(String name, Duration value, Duration min, Duration max) {
      Objects.requireNonNull(value, name);
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + " must be " + min + " to " + max);
      }
      return value;
    }
  }
}
