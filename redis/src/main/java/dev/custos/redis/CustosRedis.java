package dev.custos.redis;

import dev.custos.authz.RevocationStore;
import dev.custos.customer.JwtReplayStore;
import dev.custos.org.ApiTokenStore;
import dev.custos.otp.spi.OtpStore;
import dev.custos.scopes.ScopeCatalog;
import io.lettuce.core.RedisException;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
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
 * <p>A single Redis or a Sentinel-managed master ({@code redis-sentinel://}): Lettuce asks the
 * sentinels for the master at every reconnect, so a failover needs no restart, and under Sentinel
 * every security write waits for a replica ({@link Builder#replicaAcknowledgements}). Redis must be
 * version 7 or newer and no data node may evict keys ({@code maxmemory-policy noeviction}, checked
 * on the master and on every replica the sentinels list, at connect, in {@link #check()} and when
 * Redis comes back): an evicting node would forget limits and revocations early, so {@link
 * Builder#connect()} refuses one. Full, it refuses new state (starts, code checks, new API token
 * records: the stores' {@code FULL} failures, nothing approved) while revocations, deletions and
 * unlocks still go through. Thread-safe.
 */
public final class CustosRedis implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CustosRedis.class);
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_:.-]{1,64}");

  private final ClientResources resources;
  private final Link link;
  private final Watchers watchers;
  private final RedisOtpStore otpStore;
  private final RedisRevocationStore revocationStore;
  private final RedisApiTokenStore apiTokenStore;
  private final RedisJwtReplayStore jwtReplayStore;
  private final String safeUri;
  private final Keys keys;
  private final Replication replication;

  private CustosRedis(Builder b, Deployment deployment, int waitFor, Duration waitTimeout) {
    // Back within a quarter second once Redis (or a new master) answers: Lettuce's default
    // back-off grows to 30 s, and took about 2 s to bring a server back after a short outage.
    this.resources =
        DefaultClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(10), Duration.ofMillis(250), 2, TimeUnit.MILLISECONDS))
            .build();
    this.safeUri = deployment.safe();
    this.link = Link.open(deployment, resources, b.timeout);
    this.replication = Replication.of(link, waitFor, waitTimeout, b.timeout);
    this.keys = new Keys(b.keyPrefix);
    this.otpStore = new RedisOtpStore(link::sync, link::async, keys, b.timeout, replication);
    this.revocationStore =
        new RedisRevocationStore(link::sync, link::async, keys, b.clock, b.timeout, replication);
    this.apiTokenStore =
        new RedisApiTokenStore(link::sync, keys, b.clock, ScopeCatalog.unit(), replication);
    this.jwtReplayStore = new RedisJwtReplayStore(keys, b.clock, replication);
    link.subscribe(keys.revocationChannel(), revocationStore::fire);
    // The counter is read now, so that a revocation made before the first poll is not the baseline.
    RevocationPoll poll =
        new RevocationPoll(
            revocationStore, revocationStore.sequence(), b.recheckInterval.toNanos());
    this.watchers = Watchers.start(link, poll, b.pollInterval);
  }

  /**
   * Connects with the defaults: key prefix {@code custos}, 500 ms timeout, revocations polled every
   * 250 ms.
   *
   * @param redisUri {@code redis://[user:password@]host[:port][/database]}, {@code rediss://} for
   *     TLS, or {@code redis-sentinel://[password@]h1:p1,h2:p2,h3:p3/#master} for the master that
   *     Sentinel names (followed through failovers)
   * @return the connected stores
   * @throws IllegalArgumentException if the URI is not of one of those forms
   * @throws IllegalStateException if Redis cannot be reached, is older than 7, or a data node
   *     evicts keys
   * @throws NullPointerException if {@code redisUri} is null
   */
  public static CustosRedis connect(String redisUri) {
    return builder(redisUri).connect();
  }

  /**
   * Returns a builder.
   *
   * @param redisUri {@code redis://…}, {@code rediss://…} or {@code redis-sentinel://…}, as {@link
   *     #connect(String)} takes
   * @return a new builder
   * @throws NullPointerException if {@code redisUri} is null
   */
  public static Builder builder(String redisUri) {
    return new Builder(Objects.requireNonNull(redisUri, "redisUri"), false);
  }

  /**
   * Connects to a Redis Cluster with the defaults, as {@link #connect(String)} does to one Redis.
   *
   * @param seeds some of the cluster's nodes, {@code redis://[user:password@]h1:p1,h2:p2,…} ({@code
   *     rediss://} for TLS): the client learns the rest of the topology from them
   * @return the connected stores
   * @throws IllegalArgumentException if the seeds are not of that form
   * @throws IllegalStateException if no seed can be reached, or a node is older than 7 or evicts
   *     keys
   * @throws NullPointerException if {@code seeds} is null
   */
  public static CustosRedis connectCluster(String seeds) {
    return clusterBuilder(seeds).connect();
  }

  /**
   * Returns a builder for a Redis Cluster: every script runs on the master of its keys' slot (each
   * script's keys share one hash tag), and every security write waits for one replica by default.
   *
   * @param seeds {@code redis://[user:password@]h1:p1,h2:p2,…}, as {@link #connectCluster} takes
   * @return a new builder
   * @throws NullPointerException if {@code seeds} is null
   */
  public static Builder clusterBuilder(String seeds) {
    return new Builder(Objects.requireNonNull(seeds, "seeds"), true);
  }

  /**
   * Checks Redis now, as a health check does: it answers within the timeout, and every data node
   * still does not evict keys (a restarted, replaced or newly promoted server may run with another
   * policy).
   *
   * @throws IllegalStateException if Redis does not answer, or a node evicts keys
   */
  public void check() {
    try {
      link.sync().ping();
    } catch (RedisException e) {
      throw new IllegalStateException(
          "Redis at " + safeUri + " does not answer (" + e.getClass().getSimpleName() + ")");
    }
    link.checkNodes();
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

  /** The connection, keys and write rule, for the stores of optional modules (passkeys). */
  Link link() {
    return link;
  }

  Keys keys() {
    return keys;
  }

  Replication replication() {
    return replication;
  }

  /** Stops polling and closes the connections; the stores fail from then on. */
  @Override
  public void close() {
    watchers.close();
    link.close();
    resources.shutdown(0, 2, TimeUnit.SECONDS);
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

  /** What the last check after a change of nodes found wrong, or null: for tests. */
  String nodeProblem() {
    return watchers.nodeProblem();
  }

  /** Configures a {@link CustosRedis}. Not thread-safe. */
  public static final class Builder {
    private final String uri;
    private String keyPrefix = "custos";
    private Duration timeout = Duration.ofMillis(500);
    private Duration pollInterval = Duration.ofMillis(250);
    private Duration recheckInterval = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();
    private Integer replicas;
    private Duration replicaTimeout;
    private boolean requirePersistence;
    private boolean allowEviction;

    private final boolean cluster;

    private Builder(String uri, boolean cluster) {
      this.uri = uri;
      this.cluster = cluster;
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
     * Sets how many replicas must acknowledge each security write (a consumed or failed code, a
     * revocation, an API token record, a used JWT id) before it counts ({@code WAIT}); fewer within
     * the timeout fail the operation closed (the stores' {@code UNAVAILABLE}: nothing approved, and
     * a retry is still correct). By default 1 under Sentinel, with half the operation timeout, and
     * 0 on a single Redis. Redis replication stays asynchronous: {@code WAIT} makes an acknowledged
     * write survive the loss of the master when a replica that has it is promoted; it does not make
     * Redis strongly consistent, and with every replica down every security write fails.
     *
     * @param replicas 0 to 5
     * @param timeout 1 ms to the operation timeout
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws NullPointerException if {@code timeout} is null
     */
    public Builder replicaAcknowledgements(int replicas, Duration timeout) {
      if (replicas < 0 || replicas > 5) {
        throw new IllegalArgumentException("replicas must be 0 to 5");
      }
      this.replicaTimeout =
          between("replica timeout", timeout, Duration.ofMillis(1), Duration.ofSeconds(60));
      this.replicas = replicas;
      return this;
    }

    /**
     * Refuses to connect when a data node runs without an append-only file (a restart would forget
     * revocations, which live up to 366 days, and failure counts); by default that is logged as a
     * warning only.
     *
     * @param required whether to refuse
     * @return this builder
     */
    public Builder requirePersistence(boolean required) {
      this.requirePersistence = required;
      return this;
    }

    /**
     * Connects even when a data node's {@code maxmemory-policy} evicts keys, logging an error that
     * names the node at every check instead of refusing. An evicted key is a forgotten failure
     * count, send window, challenge or revocation: set this only for a Redis that cannot be
     * configured otherwise, and knowing that its memory must never fill. Off by default.
     *
     * @param allowed whether to accept an evicting node
     * @return this builder
     */
    public Builder allowEvictingNodes(boolean allowed) {
      this.allowEviction = allowed;
      return this;
    }

    /**
     * Connects.
     *
     * @return the connected stores; close them when done
     * @throws IllegalArgumentException if the URI is not a {@code redis://}, {@code rediss://} or
     *     {@code redis-sentinel://} URI, the recheck interval is shorter than the poll interval, or
     *     the replica timeout is longer than the operation timeout
     * @throws IllegalStateException if Redis cannot be reached, is older than 7, or a data node
     *     evicts keys (unless {@link #allowEvictingNodes}) or, with {@link #requirePersistence},
     *     runs without an append-only file
     */
    public CustosRedis connect() {
      Deployment deployment =
          cluster
              ? Deployment.cluster(uri, requirePersistence, allowEviction)
              : Deployment.parse(uri, requirePersistence, allowEviction);
      if (recheckInterval.compareTo(pollInterval) < 0) {
        throw new IllegalArgumentException(
            "revocationRecheckInterval must not be shorter than revocationPollInterval");
      }
      int waitFor =
          replicas != null ? replicas : deployment.isSentinel() || deployment.isCluster() ? 1 : 0;
      Duration waitTimeout = replicaTimeout != null ? replicaTimeout : timeout.dividedBy(2);
      if (waitTimeout.compareTo(timeout) > 0) {
        throw new IllegalArgumentException("the replica timeout must not exceed the timeout");
      }
      deployment.seeds().forEach(seed -> seed.setTimeout(timeout));
      deployment.uri().setTimeout(timeout);
      return new CustosRedis(this, deployment, waitFor, waitTimeout);
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
