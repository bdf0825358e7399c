package dev.custos.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis Sentinel deployment for tests, as a JUnit extension: one master, two replicas and
 * three sentinels (quorum 2, a master down after 1 s), every process a {@code redis-server} on a
 * free loopback port with a config file of its own (Sentinel rewrites them), killed by pid when the
 * class's tests end or the JVM dies.
 *
 * <pre>{@code
 * @RegisterExtension static final RedisSentinelDeployment HA = new RedisSentinelDeployment();
 * ... CustosRedis.connect(HA.uri()) ... HA.killMaster(); HA.awaitFailover(old, ...) ...
 * }</pre>
 *
 * <p>Sentinels use {@code redis-server --sentinel}, so Debian's {@code redis-server} package is
 * enough. Not thread-safe: drive it from the test's thread.
 */
public final class RedisSentinelDeployment implements BeforeAllCallback, AfterAllCallback {
  /** The name the sentinels monitor the master by. */
  public static final String MASTER_NAME = "custos";

  private static final Pattern MASTER_ADDRESS =
      Pattern.compile("\\$\\d+\\r\\n([0-9.]+)\\r\\n\\$\\d+\\r\\n(\\d+)");

  private final String replicaPolicy;
  private final Map<Integer, RedisProcess> data = new LinkedHashMap<>();
  private final List<RedisProcess> sentinels = new ArrayList<>();
  private Path dir;
  private boolean hooked;

  /** A deployment whose every data node runs with {@code maxmemory-policy noeviction}. */
  public RedisSentinelDeployment() {
    this("noeviction");
  }

  /**
   * A deployment whose replicas run with another memory policy (the master keeps {@code
   * noeviction}): the case a check of the master alone misses.
   *
   * @param replicaPolicy such as {@code allkeys-lru}
   */
  public RedisSentinelDeployment(String replicaPolicy) {
    this.replicaPolicy = replicaPolicy;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /**
   * Starts the six processes and waits until the replicas are in sync and the sentinels know each
   * other.
   *
   * @throws IOException if a process does not start or the deployment does not settle in 20 s
   */
  public synchronized void start() throws IOException {
    dir = Files.createTempDirectory("custos-sentinel-");
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "redis-sentinel-stop"));
      hooked = true;
    }
    int master = RedisProcess.freePort();
    startData(master, null, "noeviction");
    for (int i = 0; i < 2; i++) {
      startData(RedisProcess.freePort(), master, replicaPolicy);
    }
    for (int i = 0; i < 3; i++) {
      int port = RedisProcess.freePort();
      Path conf = dir.resolve("sentinel-" + port + ".conf");
      Files.writeString(
          conf,
          String.join(
              "\n",
              "port " + port,
              "bind 127.0.0.1",
              "protected-mode no",
              "dir " + dir,
              "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master + " 2",
              "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
              "sentinel failover-timeout " + MASTER_NAME + " 10000",
              "sentinel parallel-syncs " + MASTER_NAME + " 1",
              ""));
      RedisProcess sentinel = new RedisProcess("sentinel-" + port, port, dir);
      sentinel.start(List.of(conf.toString(), "--sentinel"));
      sentinels.add(sentinel);
    }
    awaitSettled(Duration.ofSeconds(20));
  }

  private void startData(int port, Integer masterPort, String policy) throws IOException {
    Path conf = dir.resolve("node-" + port + ".conf");
    Path data = Files.createDirectories(dir.resolve("node-" + port));
    List<String> lines =
        new ArrayList<>(
            List.of(
                "port " + port,
                "bind 127.0.0.1",
                "protected-mode no",
                "save \"\"",
                "appendonly no",
                "maxmemory-policy " + policy,
                "repl-diskless-sync-delay 0",
                "dir " + data));
    if (masterPort != null) {
      lines.add("replicaof 127.0.0.1 " + masterPort);
    }
    Files.writeString(conf, String.join("\n", lines) + "\n");
    RedisProcess node = new RedisProcess("node-" + port, port, dir);
    node.start(List.of(conf.toString()));
    this.data.put(port, node);
  }

  /** Kills every process. */
  public synchronized void stop() {
    sentinels.forEach(RedisProcess::kill);
    data.values().forEach(RedisProcess::kill);
    sentinels.clear();
    data.clear();
  }

  /**
   * Returns the deployment's URI in Lettuce's Sentinel form.
   *
   * @return such as {@code redis-sentinel://127.0.0.1:1,127.0.0.1:2,127.0.0.1:3/#custos}
   */
  public String uri() {
    StringBuilder uri = new StringBuilder("redis-sentinel://");
    for (int i = 0; i < sentinels.size(); i++) {
      uri.append(i == 0 ? "" : ",").append("127.0.0.1:").append(sentinels.get(i).port());
    }
    return uri.append("/#").append(MASTER_NAME).toString();
  }

  /**
   * Returns the port of the master the sentinels name now.
   *
   * @return the port
   * @throws IOException if no sentinel answers
   */
  public int masterPort() throws IOException {
    for (RedisProcess sentinel : sentinels) {
      try {
        Matcher m =
            MASTER_ADDRESS.matcher(
                sentinel.command("SENTINEL", "get-master-addr-by-name", MASTER_NAME));
        if (m.find()) {
          return Integer.parseInt(m.group(2));
        }
      } catch (IOException e) {
        // the next sentinel
      }
    }
    throw new IOException("no sentinel names a master");
  }

  /**
   * Returns the data nodes' ports, master and replicas.
   *
   * @return the ports
   */
  public List<Integer> dataPorts() {
    return List.copyOf(data.keySet());
  }

  /**
   * Kills the current master (SIGKILL).
   *
   * @return its port
   * @throws IOException if the master is not known
   */
  public int killMaster() throws IOException {
    int master = masterPort();
    data.get(master).kill();
    return master;
  }

  /**
   * Cuts replication as a network partition would: pauses (SIGSTOP) every replica and drops the
   * master's replica links, so the master goes on taking writes no replica has.
   *
   * @throws IOException if a process cannot be signalled
   */
  public void cutReplication() throws IOException {
    int master = masterPort();
    for (Map.Entry<Integer, RedisProcess> node : data.entrySet()) {
      if (node.getKey() != master && node.getValue().alive()) {
        node.getValue().pause();
      }
    }
    RedisProcess.command(master, "CLIENT", "KILL", "TYPE", "replica");
  }

  /**
   * Lets paused replicas run again.
   *
   * @throws IOException if a process cannot be signalled
   */
  public void resumeReplicas() throws IOException {
    for (RedisProcess node : data.values()) {
      if (node.alive()) {
        node.resume();
      }
    }
  }

  /**
   * Waits until the sentinels name a master other than {@code oldMaster} and it takes writes.
   *
   * @param oldMaster the port of the master that failed
   * @param timeout how long to wait
   * @return the new master's port
   * @throws IOException if no new master takes writes in time
   */
  public int awaitFailover(int oldMaster, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        int master = masterPort();
        if (master != oldMaster && RedisProcess.command(master, "ROLE").contains("master")) {
          return master;
        }
      } catch (IOException e) {
        // not yet
      }
      RedisProcess.sleep(50);
    }
    throw new IOException("no failover from port " + oldMaster + " within " + timeout);
  }

  /**
   * Waits until both replicas hold everything the master had when this was called (replication is
   * asynchronous: a write the master acknowledged may not have reached them yet).
   *
   * @throws IOException if they do not catch up within 5 s
   */
  public void awaitReplicasInSync() throws IOException {
    int master = masterPort();
    List<Integer> replicas = new ArrayList<>(data.keySet());
    replicas.remove(Integer.valueOf(master));
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

  private void awaitSettled(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int master = dataPorts().get(0);
    while (System.nanoTime() < deadline) {
      boolean synced = true;
      for (int port : data.keySet()) {
        if (port != master
            && !RedisProcess.command(port, "INFO", "replication")
                .contains("master_link_status:up")) {
          synced = false;
        }
      }
      boolean known = true;
      for (RedisProcess sentinel : sentinels) {
        if (!sentinel
            .command("SENTINEL", "MASTER", MASTER_NAME)
            .contains("num-other-sentinels\r\n$1\r\n2")) {
          known = false;
        }
      }
      if (synced && known) {
        return;
      }
      RedisProcess.sleep(50);
    }
    stop();
    throw new IOException(
        "the Sentinel deployment did not settle within " + timeout + "; see " + dir);
  }
}
