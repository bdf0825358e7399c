package dev.custos.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Custos is connected to: one Redis ({@code redis://}, {@code rediss://}), a master that
 * Sentinel names ({@code redis-sentinel://h1:p1,h2:p2,h3:p3/#master}, Lettuce's form, which Lettuce
 * follows through failovers), or a Redis Cluster by its seed nodes; and the checks every data node
 * of it must pass: Redis 7 or newer, no eviction (per node: a replica that evicts can be promoted),
 * and persistence.
 */
final class Deployment {
  private static final Logger log = LoggerFactory.getLogger(Deployment.class);
  private static final Pattern VERSION =
      Pattern.compile("(?m)^redis_version:(\\d{1,4})\\.(\\d{1,4})");

  private static final Pattern SEEDS =
      Pattern.compile("(rediss?)://(?:([^@/]*)@)?([^/@?#]+)(?:/\\d+)?");

  private final RedisURI uri;
  private final List<RedisURI> seeds;
  private final boolean sentinel;
  private final boolean cluster;
  private final boolean requirePersistence;
  private final boolean allowEviction;

  private Deployment(
      RedisURI uri,
      List<RedisURI> seeds,
      boolean sentinel,
      boolean cluster,
      boolean requirePersistence,
      boolean allowEviction) {
    this.uri = uri;
    this.seeds = seeds;
    this.sentinel = sentinel;
    this.cluster = cluster;
    this.requirePersistence = requirePersistence;
    this.allowEviction = allowEviction;
  }

  /**
   * Parses a Redis Cluster's seed nodes in Lettuce's multi-host form, {@code
   * redis://[user:password@]h1:p1,h2:p2,…} ({@code rediss://} for TLS), or throws
   * IllegalArgumentException.
   */
  static Deployment cluster(String text, boolean requirePersistence, boolean allowEviction) {
    Matcher m = SEEDS.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "a Redis Cluster is named by its seed nodes: redis://h1:p1,h2:p2,h3:p3");
    }
    List<RedisURI> seeds = new ArrayList<>();
    for (String node : m.group(3).split(",")) {
      String address = m.group(1) + "://" + (m.group(2) == null ? "" : m.group(2) + "@") + node;
      try {
        seeds.add(RedisURI.create(address));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not a valid seed node: " + node, e);
      }
    }
    return new Deployment(
        seeds.get(0), List.copyOf(seeds), false, true, requirePersistence, allowEviction);
  }

  boolean isCluster() {
    return cluster;
  }

  List<RedisURI> seeds() {
    return seeds;
  }

  /** Parses a URI of one of the accepted forms, or throws IllegalArgumentException. */
  static Deployment parse(String text, boolean requirePersistence, boolean allowEviction) {
    boolean sentinel = text.startsWith("redis-sentinel://");
    if (!sentinel && !text.startsWith("redis://") && !text.startsWith("rediss://")) {
      throw new IllegalArgumentException(
          "a Redis URI starts with redis://, rediss:// or redis-sentinel://");
    }
    RedisURI parsed;
    try {
      parsed = RedisURI.create(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a valid Redis URI", e);
    }
    if (sentinel && (parsed.getSentinelMasterId() == null || parsed.getSentinels().isEmpty())) {
      throw new IllegalArgumentException(
          "a Sentinel URI names its sentinels and master: redis-sentinel://h1:p1,h2:p2/#master");
    }
    return new Deployment(
        parsed, List.of(parsed), sentinel, false, requirePersistence, allowEviction);
  }

  RedisURI uri() {
    return uri;
  }

  boolean isSentinel() {
    return sentinel;
  }

  /** The URI without credentials, for messages and logs. */
  String safe() {
    if (cluster) {
      StringBuilder s = new StringBuilder(uri.isSsl() ? "rediss://" : "redis://");
      for (int i = 0; i < seeds.size(); i++) {
        s.append(i == 0 ? "" : ",")
            .append(seeds.get(i).getHost())
            .append(':')
            .append(seeds.get(i).getPort());
      }
      return s.append(" (cluster)").toString();
    }
    if (!sentinel) {
      return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort();
    }
    StringBuilder s = new StringBuilder("redis-sentinel://");
    for (RedisURI node : uri.getSentinels()) {
      s.append(s.length() > "redis-sentinel://".length() ? "," : "")
          .append(node.getHost())
          .append(':')
          .append(node.getPort());
    }
    return s.append("/#").append(uri.getSentinelMasterId()).toString();
  }

  /**
   * Checks the master through Custos's connection, then, under Sentinel, every replica the
   * sentinels list, each over a connection of its own.
   */
  void checkNodes(RedisClient client, StatefulRedisConnection<String, String> master) {
    checkVersion(master, "the master");
    checkNode(master, sentinel ? "the master" : safe());
    if (!sentinel) {
      return;
    }
    for (RedisURI replica : replicas(client)) {
      String name = "replica " + replica.getHost() + ":" + replica.getPort();
      try (StatefulRedisConnection<String, String> connection = client.connect(replica)) {
        checkNode(connection, name);
      } catch (RedisException e) {
        log.warn("cannot check {} ({}): check it by hand", name, e.getClass().getSimpleName());
      }
    }
  }

  private List<RedisURI> replicas(RedisClient client) {
    List<RedisURI> replicas = new ArrayList<>();
    try (StatefulRedisSentinelConnection<String, String> sentinels = client.connectSentinel(uri)) {
      for (Map<String, String> replica : sentinels.sync().replicas(uri.getSentinelMasterId())) {
        String flags = replica.getOrDefault("flags", "");
        if (flags.contains("s_down") || flags.contains("disconnected")) {
          continue;
        }
        RedisURI node =
            RedisURI.builder()
                .withHost(replica.get("ip"))
                .withPort(Integer.parseInt(replica.get("port")))
                .withTimeout(uri.getTimeout())
                .build();
        if (uri.getCredentialsProvider() != null) {
          node.setCredentialsProvider(uri.getCredentialsProvider());
        }
        replicas.add(node);
      }
    }
    return replicas;
  }

  static void checkVersion(StatefulRedisConnection<String, String> connection, String node) {
    String info;
    try {
      info = connection.sync().info("server");
    } catch (RedisException e) {
      log.warn(
          "cannot read {}'s version (INFO is not allowed); Custos needs Redis 7 or newer", node);
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

  /** No eviction on this node; persistence as configured (refused, or warned about). */
  void checkNode(StatefulRedisConnection<String, String> connection, String node) {
    Map<String, String> policy;
    Map<String, String> appendonly;
    try {
      policy = connection.sync().configGet("maxmemory-policy");
      appendonly = connection.sync().configGet("appendonly");
    } catch (RedisException e) {
      log.warn(
          "cannot read {}'s configuration (CONFIG is not allowed): make sure it runs with"
              + " maxmemory-policy noeviction and appendonly yes",
          node);
      return;
    }
    String evicts = policy.get("maxmemory-policy");
    if (evicts != null && !evicts.equals("noeviction")) {
      String message =
          "Redis "
              + node
              + " evicts keys under memory pressure (maxmemory-policy "
              + evicts
              + "): Custos needs noeviction on every node, so that no limit or revocation is"
              + " forgotten early";
      if (!allowEviction) {
        throw new IllegalStateException(message);
      }
      log.error("{} (allowEvictingNodes is set: limits and revocations may be lost)", message);
    }
    if ("no".equals(appendonly.get("appendonly"))) {
      String message =
          "Redis "
              + node
              + " runs without an append-only file (appendonly no): a restart forgets revocations"
              + " and failure counts";
      if (requirePersistence) {
        throw new IllegalStateException(message + " (requirePersistence is set)");
      }
      log.warn("{}; set appendonly yes", message);
    }
  }
}
