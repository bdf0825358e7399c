package dev.custos.benchmarks;

import dev.custos.otp.OtpEngine;
import dev.custos.otp.VerificationChallenge;
import dev.custos.otp.VerificationResult;
import dev.custos.redis.CustosRedis;
import dev.custos.testing.RedisClusterDeployment;
import dev.custos.testing.RedisSentinelDeployment;
import dev.custos.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Redis store on each deployment the issue names (one Redis, Sentinel, Cluster), each started
 * by the benchmark on loopback: a {@code PING} to it (the floor) and two sent together (the floor
 * of a start, which touches two slots), OTP verify and start, and a verification and a revocation
 * with and without waiting for a replica ({@code WAIT 1}: its cost is the ratio of the two). All in
 * one run, so that ratios within a deployment hold on a noisy machine.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar RedisDeploymentsBenchmark -f 3 -prof gc}
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RedisDeploymentsBenchmark {
  /** Customers with a superseded challenge to verify. */
  static final int CUSTOMERS = 2_000;

  /** Customers the start benchmark cycles over. */
  static final int START_CUSTOMERS = 200_000;

  /** The deployment. */
  @Param({"standalone", "sentinel", "cluster"})
  public String deployment;

  private RedisServer server;
  private RedisSentinelDeployment sentinel;
  private RedisClusterDeployment cluster;
  private CustosRedis waiting;
  private CustosRedis notWaiting;
  private AutoCloseable pingClient;
  private RedisClusterCommands<String, String> ping;
  private List<RedisClusterAsyncCommands<String, String>> pingPair;
  private OtpEngine otp;
  private OtpEngine otpNotWaiting;
  private String[] tokens;

  /** A per-thread cursor. */
  @State(Scope.Thread)
  public static class Cursor {
    int next = (int) (Thread.currentThread().getId() * 7919);
  }

  /**
   * Starts the deployment, two stores on it (the default wait, and none), and a bare client.
   *
   * @throws IOException if the deployment cannot be started
   */
  @Setup
  public void setUp() throws IOException {
    Duration timeout = Duration.ofSeconds(5);
    switch (deployment) {
      case "standalone" -> {
        server = new RedisServer();
        server.start();
        waiting = CustosRedis.builder(server.uri()).timeout(timeout).connect();
        notWaiting = waiting;
        pingClient = bareClient(server.uri());
      }
      case "sentinel" -> {
        sentinel = new RedisSentinelDeployment();
        sentinel.start();
        waiting = CustosRedis.builder(sentinel.uri()).timeout(timeout).connect();
        notWaiting =
            CustosRedis.builder(sentinel.uri())
                .timeout(timeout)
                .replicaAcknowledgements(0, timeout)
                .connect();
        pingClient = bareClient(sentinel.uri());
      }
      case "cluster" -> {
        cluster = new RedisClusterDeployment();
        cluster.start();
        waiting = CustosRedis.clusterBuilder(cluster.seeds()).timeout(timeout).connect();
        notWaiting =
            CustosRedis.clusterBuilder(cluster.seeds())
                .timeout(timeout)
                .replicaAcknowledgements(0, timeout)
                .connect();
        List<RedisURI> seeds = new ArrayList<>();
        for (String seed : cluster.seeds().substring("redis://".length()).split(",")) {
          seeds.add(RedisURI.create("redis://" + seed));
        }
        RedisClusterClient client = RedisClusterClient.create(seeds);
        StatefulRedisClusterConnection<String, String> connection = client.connect();
        ping = connection.sync();
        // Two masters: a start touches the customer's slot and the phone's, most often two nodes.
        List<RedisClusterAsyncCommands<String, String>> masters = new ArrayList<>();
        for (RedisClusterNode node : connection.getPartitions()) {
          if (node.getRole().isUpstream() && masters.size() < 2) {
            masters.add(connection.getConnection(node.getNodeId()).async());
          }
        }
        pingPair = masters;
        pingClient = client::shutdown;
      }
      default -> throw new IllegalArgumentException(deployment);
    }
    // One master key, so that either engine checks the other's verification tokens.
    byte[] masterKey = new byte[32];
    new java.security.SecureRandom().nextBytes(masterKey);
    otp = OtpBenchmarks.shared().masterKey(masterKey).store(waiting.otpStore()).build();
    otpNotWaiting =
        OtpBenchmarks.shared().masterKey(masterKey).store(notWaiting.otpStore()).build();
    tokens = new String[CUSTOMERS];
    for (int i = 0; i < CUSTOMERS; i++) {
      tokens[i] = OtpBenchmarks.start(otp, i).verificationToken();
      OtpBenchmarks.start(otp, i);
    }
  }

  /** A plain client of one Redis or a Sentinel-managed master: one connection, two views. */
  private AutoCloseable bareClient(String uri) {
    RedisClient client = RedisClient.create(uri);
    StatefulRedisConnection<String, String> connection = client.connect();
    ping = connection.sync();
    pingPair = List.of(connection.async(), connection.async());
    return client::shutdown;
  }

  /**
   * Stops everything.
   *
   * @throws Exception if a client cannot be closed
   */
  @TearDown
  public void tearDown() throws Exception {
    pingClient.close();
    if (notWaiting != waiting) {
      notWaiting.close();
    }
    waiting.close();
    if (server != null) {
      server.stop();
    }
    if (sentinel != null) {
      sentinel.stop();
    }
    if (cluster != null) {
      cluster.stop();
    }
  }

  /**
   * The floor: one {@code PING} round trip (on a cluster, to one node).
   *
   * @return the reply
   */
  @Benchmark
  public String ping() {
    return ping.ping();
  }

  /**
   * The floor of an operation on two slots: two {@code PING}s sent together, to two masters of a
   * cluster (a start's customer window and phone window are on two nodes unless their slots meet),
   * on one connection elsewhere.
   *
   * @return the replies
   * @throws Exception if a reply fails
   */
  @Benchmark
  public String pingTwo() throws Exception {
    RedisFuture<String> first = pingPair.get(0).ping();
    RedisFuture<String> second = pingPair.get(1).ping();
    return first.get() + second.get();
  }

  /**
   * Verifies a code without waiting for a replica: the check itself, against which {@link
   * #verify}'s {@code WAIT} is measured.
   *
   * @param cursor which customer
   * @return the result
   */
  @Benchmark
  public VerificationResult verifyNotWaiting(Cursor cursor) {
    int i = Math.floorMod(cursor.next++, CUSTOMERS);
    return otpNotWaiting.verify(OtpBenchmarks.customer(i), tokens[i], "123456");
  }

  /**
   * Verifies a code (a superseded challenge: the whole check runs, state is unchanged), waiting for
   * a replica where the deployment has one (the default).
   *
   * @param cursor which customer
   * @return the result
   */
  @Benchmark
  public VerificationResult verify(Cursor cursor) {
    int i = Math.floorMod(cursor.next++, CUSTOMERS);
    return otp.verify(OtpBenchmarks.customer(i), tokens[i], "123456");
  }

  /**
   * Starts a challenge: windows pipelined, then the challenge.
   *
   * @param cursor which customer
   * @return the challenge
   */
  @Benchmark
  public VerificationChallenge start(Cursor cursor) {
    return OtpBenchmarks.start(otp, CUSTOMERS + Math.floorMod(cursor.next++, START_CUSTOMERS));
  }

  /**
   * Revokes a token, waiting for a replica where the deployment has one (the default).
   *
   * @param cursor which token
   */
  @Benchmark
  public void revokeWaiting(Cursor cursor) {
    waiting
        .revocationStore()
        .revokeToken("bench-" + cursor.next++, System.currentTimeMillis() + 60_000);
  }

  /**
   * Revokes a token without waiting for any replica.
   *
   * @param cursor which token
   */
  @Benchmark
  public void revokeNotWaiting(Cursor cursor) {
    notWaiting
        .revocationStore()
        .revokeToken("bench-" + cursor.next++, System.currentTimeMillis() + 60_000);
  }
}
