package dev.custos.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis Cluster for tests, as a JUnit extension: three masters and three replicas made with
 * {@code redis-cli --cluster create}, every node a {@code redis-server} on a loopback port below
 * 22700 (its cluster bus listens on the port + 10000), with a config file of its own and a node
 * timeout of 1 s, killed by pid when the class's tests end or the JVM dies.
 *
 * <pre>{@code
 * @RegisterExtension static final RedisClusterDeployment CLUSTER = new RedisClusterDeployment();
 * ... CustosRedis.connectCluster(CLUSTER.seeds()) ...
 * }</pre>
 *
 * Not thread-safe: drive it from the test's thread.
 */
public final class RedisClusterDeployment implements BeforeAllCallback, AfterAllCallback {
  private final Map<Integer, RedisProcess> nodes = new LinkedHashMap<>();
  private Path dir;
  private boolean hooked;

  /** A cluster of three masters with a replica each. */
  public RedisClusterDeployment() {}

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /**
   * Starts the six nodes, creates the cluster, and waits until every node reports it healthy and
   * every replica is in sync.
   *
   * @throws IOException if a node does not start or the cluster does not form within 30 s
   */
  public synchronized void start() throws IOException {
    dir = Files.createTempDirectory("custos-cluster-");
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "redis-cluster-stop"));
      hooked = true;
    }
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int port = clusterPort();
      Path data = Files.createDirectories(dir.resolve("node-" + port));
      Path conf = dir.resolve("node-" + port + ".conf");
      Files.writeString(
          conf,
          String.join(
              "\n",
              "port " + port,
              "bind 127.0.0.1",
              "protected-mode no",
              "cluster-enabled yes",
              "cluster-config-file " + data.resolve("nodes.conf"),
              "cluster-node-timeout 1000",
              "save \"\"",
              "appendonly no",
              "maxmemory-policy noeviction",
              "repl-diskless-sync-delay 0",
              "dir " + data,
              ""));
      RedisProcess node = new RedisProcess("node-" + port, port, dir);
      node.start(List.of(conf.toString()));
      nodes.put(port, node);
      addresses.add("127.0.0.1:" + port);
    }
    List<String> create = new ArrayList<>(List.of(cli(), "--cluster", "create"));
    create.addAll(addresses);
    create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
    run(create);
    awaitHealthy(Duration.ofSeconds(30));
  }

  /** Kills every node. */
  public synchronized void stop() {
    nodes.values().forEach(RedisProcess::kill);
    nodes.clear();
  }

  /**
   * Returns three seed nodes in Lettuce's multi-host form.
   *
   * @return such as {@code redis://127.0.0.1:12001,127.0.0.1:12002,127.0.0.1:12003}
   */
  public String seeds() {
    StringBuilder seeds = new StringBuilder("redis://");
    int n = 0;
    for (int port : nodes.keySet()) {
      if (n++ == 3) {
        break;
      }
      seeds.append(n == 1 ? "" : ",").append("127.0.0.1:").append(port);
    }
    return seeds.toString();
  }

  /**
   * Returns the nodes' ports.
   *
   * @return the ports, masters and replicas
   */
  public List<Integer> ports() {
    return List.copyOf(nodes.keySet());
  }

  /**
   * Returns the port of the master that serves a key now.
   *
   * @param key the key
   * @return the port
   * @throws IOException if no live node answers
   */
  public int masterOf(String key) throws IOException {
    for (Map.Entry<Integer, RedisProcess> node : nodes.entrySet()) {
      if (!node.getValue().alive()) {
        continue;
      }
      String slot =
          RedisProcess.command(node.getKey(), "CLUSTER", "KEYSLOT", key).trim().substring(1);
      int s = Integer.parseInt(slot);
      for (String line : RedisProcess.command(node.getKey(), "CLUSTER", "NODES").split("\n")) {
        String[] f = line.trim().split(" ");
        if (f.length < 9 || !f[2].contains("master") || f[2].contains("fail")) {
          continue;
        }
        for (int i = 8; i < f.length; i++) {
          String[] range = f[i].split("-");
          int low = Integer.parseInt(range[0]);
          int high = range.length > 1 ? Integer.parseInt(range[1]) : low;
          if (s >= low && s <= high) {
            return Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@')));
          }
        }
      }
    }
    throw new IOException("no live node names the master of " + key);
  }

  /**
   * Kills a node (SIGKILL).
   *
   * @param port the node's port
   */
  public void kill(int port) {
    nodes.get(port).kill();
  }

  /**
   * Starts a killed node again with its config: it rejoins the cluster (as a replica of the master
   * that took its place, when it was one), as an operator's restart would.
   *
   * @param port the node's port
   * @throws IOException if it does not start
   */
  public void restart(int port) throws IOException {
    nodes.get(port).start(List.of(dir.resolve("node-" + port + ".conf").toString()));
  }

  /**
   * Waits until a node is a replica in sync with its master, and the cluster is healthy.
   *
   * @param port the node's port
   * @param timeout how long to wait
   * @throws IOException if it is not in time
   */
  public void awaitReplica(int port, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String replication = RedisProcess.command(port, "INFO", "replication");
      if (replication.contains("role:slave")
          && replication.contains("master_link_status:up")
          && RedisProcess.command(port, "CLUSTER", "INFO").contains("cluster_state:ok")) {
        return;
      }
      RedisProcess.sleep(50);
    }
    throw new IOException("node " + port + " is not an in-sync replica within " + timeout);
  }

  /**
   * Cuts a master's replication as a partition would: pauses every other live node that replicates
   * it (SIGSTOP) and drops the master's replica links.
   *
   * @param master the master's port
   * @throws IOException if a process cannot be signalled
   */
  public void cutReplicationOf(int master) throws IOException {
    for (Map.Entry<Integer, RedisProcess> node : nodes.entrySet()) {
      if (node.getKey() != master
          && node.getValue().alive()
          && RedisProcess.command(node.getKey(), "INFO", "replication")
              .contains("master_port:" + master)) {
        node.getValue().pause();
      }
    }
    RedisProcess.command(master, "CLIENT", "KILL", "TYPE", "replica");
  }

  /**
   * Lets paused nodes run again.
   *
   * @throws IOException if a process cannot be signalled
   */
  public void resumeAll() throws IOException {
    for (RedisProcess node : nodes.values()) {
      if (node.alive()) {
        node.resume();
      }
    }
  }

  /**
   * Waits until a key's slot has a master other than {@code old} and the cluster is healthy.
   *
   * @param key the key
   * @param old the failed master's port
   * @param timeout how long to wait
   * @return the new master's port
   * @throws IOException if the slot is not failed over in time
   */
  public int awaitFailover(String key, int old, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        int master = masterOf(key);
        if (master != old
            && RedisProcess.command(master, "CLUSTER", "INFO").contains("cluster_state:ok")) {
          return master;
        }
      } catch (IOException e) {
        // not yet
      }
      RedisProcess.sleep(50);
    }
    throw new IOException("the slot of " + key + " did not fail over within " + timeout);
  }

  /**
   * Waits until the replica of the master that serves a key holds everything that master had when
   * this was called (replication is asynchronous).
   *
   * @param key the key
   * @throws IOException if it does not catch up within 5 s
   */
  public void awaitReplicaInSync(String key) throws IOException {
    int master = masterOf(key);
    List<Integer> replicas = new ArrayList<>();
    for (Map.Entry<Integer, RedisProcess> node : nodes.entrySet()) {
      if (node.getValue().alive()
          && RedisProcess.command(node.getKey(), "INFO", "replication")
              .contains("master_port:" + master)) {
        replicas.add(node.getKey());
      }
    }
    RedisProcess.awaitInSync(master, replicas, Duration.ofSeconds(5));
  }

  /**
   * Sends one command to a node in Redis's inline form.
   *
   * @param port the node's port
   * @param command the command and its arguments
   * @return the raw reply
   * @throws IOException if the node cannot be reached
   */
  public String command(int port, String... command) throws IOException {
    return RedisProcess.command(port, command);
  }

  private void awaitHealthy(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean healthy = true;
      for (int port : nodes.keySet()) {
        String info = RedisProcess.command(port, "CLUSTER", "INFO");
        String replication = RedisProcess.command(port, "INFO", "replication");
        if (!info.contains("cluster_state:ok")
            || (replication.contains("role:slave")
                && !replication.contains("master_link_status:up"))) {
          healthy = false;
        }
      }
      if (healthy) {
        return;
      }
      RedisProcess.sleep(50);
    }
    stop();
    throw new IOException("the cluster did not become healthy within " + timeout + "; see " + dir);
  }

  /** A free port below 22700 whose cluster-bus port (+ 10000) is free too. */
  private static int clusterPort() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(12_000, 22_700);
      if (free(port) && free(port + 10_000)) {
        return port;
      }
    }
    throw new IOException("no free port pair for a cluster node");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }

  private static String cli() {
    String server = RedisProcess.binary();
    Path cli = Path.of(server).resolveSibling("redis-cli");
    if (!Files.isExecutable(cli)) {
      throw new IllegalStateException(
          "redis-cli is not installed: run .ci/run, or apt-get install redis-tools");
    }
    return cli.toString();
  }

  private void run(List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("cluster-create.log").toFile())
            .start();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        stop();
        throw new IOException("redis-cli --cluster create failed; see " + dir);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
