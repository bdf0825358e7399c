package dev.custos.spring.boot;

import java.time.Duration;

/**
 * Shared state on Redis ({@code custos.redis.*}), for several instances acting as one: one Redis, a
 * master Sentinel names, or a Redis Cluster.
 */
public class CustosRedisProperties {
  /**
   * redis:// or rediss:// URI of a standalone Redis 7, redis-sentinel://h1:p1,h2:p2/#master for the
   * master Sentinel names, or, with custos.redis.cluster, a cluster's seed nodes as
   * redis://h1:p1,h2:p2; when set, the OTP, revocation, API token and JWT replay stores are on it.
   */
  private String uri;

  /** Whether custos.redis.uri names the seed nodes of a Redis Cluster. */
  private boolean cluster;

  /** Prefix of every key Custos writes. */
  private String keyPrefix = "custos";

  /** How long an operation (and a connection attempt) may take before it fails closed. */
  private Duration timeout = Duration.ofMillis(500);

  /**
   * Replicas that must acknowledge each security write (WAIT) before it counts; unset: 1 under
   * Sentinel and on a cluster, 0 on one Redis.
   */
  private Integer replicaAcknowledgements;

  /** How long a security write waits for its replicas; unset: half the timeout. */
  private Duration replicaTimeout;

  /** Whether to refuse a data node that runs without an append-only file, instead of warning. */
  private boolean requirePersistence;

  /**
   * Whether to accept a data node whose maxmemory-policy evicts keys, logging an error instead of
   * refusing to start: an evicted key is a forgotten limit or revocation.
   */
  private boolean allowEvictingNodes;

  /**
   * Returns the URI.
   *
   * @return {@code custos.redis.uri}
   */
  public String getUri() {
    return uri;
  }

  /**
   * Sets the URI.
   *
   * @param uri {@code custos.redis.uri}
   */
  public void setUri(String uri) {
    this.uri = uri;
  }

  /**
   * Returns whether the URI names a cluster's seed nodes.
   *
   * @return {@code custos.redis.cluster}
   */
  public boolean isCluster() {
    return cluster;
  }

  /**
   * Sets whether the URI names a cluster's seed nodes.
   *
   * @param cluster {@code custos.redis.cluster}
   */
  public void setCluster(boolean cluster) {
    this.cluster = cluster;
  }

  /**
   * Returns the key prefix.
   *
   * @return {@code custos.redis.key-prefix}
   */
  public String getKeyPrefix() {
    return keyPrefix;
  }

  /**
   * Sets the key prefix.
   *
   * @param keyPrefix {@code custos.redis.key-prefix}
   */
  public void setKeyPrefix(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  /**
   * Returns the operation timeout.
   *
   * @return {@code custos.redis.timeout}
   */
  public Duration getTimeout() {
    return timeout;
  }

  /**
   * Sets the operation timeout.
   *
   * @param timeout {@code custos.redis.timeout}
   */
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Returns the replicas each security write waits for, or null for the deployment's default.
   *
   * @return {@code custos.redis.replica-acknowledgements}
   */
  public Integer getReplicaAcknowledgements() {
    return replicaAcknowledgements;
  }

  /**
   * Sets the replicas each security write waits for.
   *
   * @param replicaAcknowledgements {@code custos.redis.replica-acknowledgements}
   */
  public void setReplicaAcknowledgements(Integer replicaAcknowledgements) {
    this.replicaAcknowledgements = replicaAcknowledgements;
  }

  /**
   * Returns how long a security write waits for its replicas, or null for half the timeout.
   *
   * @return {@code custos.redis.replica-timeout}
   */
  public Duration getReplicaTimeout() {
    return replicaTimeout;
  }

  /**
   * Sets how long a security write waits for its replicas.
   *
   * @param replicaTimeout {@code custos.redis.replica-timeout}
   */
  public void setReplicaTimeout(Duration replicaTimeout) {
    this.replicaTimeout = replicaTimeout;
  }

  /**
   * Returns whether a node without an append-only file is refused.
   *
   * @return {@code custos.redis.require-persistence}
   */
  public boolean isRequirePersistence() {
    return requirePersistence;
  }

  /**
   * Sets whether a node without an append-only file is refused.
   *
   * @param requirePersistence {@code custos.redis.require-persistence}
   */
  public void setRequirePersistence(boolean requirePersistence) {
    this.requirePersistence = requirePersistence;
  }

  /**
   * Returns whether an evicting node is accepted.
   *
   * @return {@code custos.redis.allow-evicting-nodes}
   */
  public boolean isAllowEvictingNodes() {
    return allowEvictingNodes;
  }

  /**
   * Sets whether an evicting node is accepted.
   *
   * @param allowEvictingNodes {@code custos.redis.allow-evicting-nodes}
   */
  public void setAllowEvictingNodes(boolean allowEvictingNodes) {
    this.allowEvictingNodes = allowEvictingNodes;
  }

  @Override
  public String toString() {
    return "CustosRedisProperties[uri=" + (uri == null ? "unset" : "set") + "]";
  }
}
