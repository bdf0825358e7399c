package dev.custos.benchmarks;

import dev.custos.otp.OtpEngine;
import dev.custos.otp.VerificationChallenge;
import dev.custos.otp.VerificationResult;
import dev.custos.redis.CustosRedis;
import dev.custos.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * OTP start and verify on the Redis store over loopback, beside the same operations on the
 * in-process store and a bare {@code PING} round trip, all in one run: the limit of a Redis
 * operation is one round trip. The benchmark starts its own {@code redis-server} on a free port.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar RedisOtpBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RedisOtpBenchmark {
  /** Customers with a superseded challenge to verify. */
  static final int CUSTOMERS = 10_000;

  /**
   * Customers the start benchmarks cycle over, apart from the verified ones: enough that none
   * reaches its 100 sends per 10 minutes within a run.
   */
  static final int START_CUSTOMERS = 200_000;

  private RedisServer server;
  private CustosRedis redis;
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private RedisCommands<String, String> commands;
  private OtpEngine onRedis;
  private OtpEngine inProcess;
  private String[] redisTokens;
  private String[] localTokens;

  /** A per-thread cursor over the customers. */
  @State(Scope.Thread)
  public static class Cursor {
    int next = (int) (Thread.currentThread().getId() * 7919);
  }

  /**
   * Starts redis-server and both engines, with one superseded challenge per customer to verify.
   *
   * @throws IOException if redis-server cannot be started
   */
  @Setup
  public void setUp() throws IOException {
    server = new RedisServer();
    server.start();
    redis = CustosRedis.builder(server.uri()).timeout(Duration.ofSeconds(5)).connect();
    client = RedisClient.create(server.uri());
    connection = client.connect();
    commands = connection.sync();
    // Room for every customer's challenge and for its customer and phone windows (the store
    // refuses new work at its bound rather than evicting).
    int capacity = 2 * (CUSTOMERS + START_CUSTOMERS);
    onRedis = OtpBenchmarks.shared().store(redis.otpStore()).build();
    inProcess = OtpBenchmarks.engine(capacity);
    redisTokens = superseded(onRedis);
    localTokens = superseded(inProcess);
  }

  private static String[] superseded(OtpEngine engine) {
    String[] tokens = new String[CUSTOMERS];
    for (int i = 0; i < CUSTOMERS; i++) {
      tokens[i] = OtpBenchmarks.start(engine, i).verificationToken();
      OtpBenchmarks.start(engine, i);
    }
    return tokens;
  }

  /** Stops everything. */
  @TearDown
  public void tearDown() {
    connection.close();
    client.shutdown();
    redis.close();
    server.stop();
  }

  /**
   * The floor: one {@code PING} round trip to the same server.
   *
   * @return the reply
   */
  @Benchmark
  public String redisPing() {
    return commands.ping();
  }

  /**
   * Verifies a code on Redis (a superseded challenge: the whole check runs, state is unchanged).
   *
   * @param cursor which customer
   * @return the result
   */
  @Benchmark
  public VerificationResult redisVerify(Cursor cursor) {
    int i = Math.floorMod(cursor.next++, CUSTOMERS);
    return onRedis.verify(OtpBenchmarks.customer(i), redisTokens[i], "123456");
  }

  /**
   * Starts a challenge on Redis: customer window and lockout, phone window, then the challenge.
   *
   * @param cursor which customer
   * @return the challenge
   */
  @Benchmark
  public VerificationChallenge redisStart(Cursor cursor) {
    return OtpBenchmarks.start(onRedis, CUSTOMERS + Math.floorMod(cursor.next++, START_CUSTOMERS));
  }

  /**
   * The same verification on the in-process store.
   *
   * @param cursor which customer
   * @return the result
   */
  @Benchmark
  public VerificationResult inProcessVerify(Cursor cursor) {
    int i = Math.floorMod(cursor.next++, CUSTOMERS);
    return inProcess.verify(OtpBenchmarks.customer(i), localTokens[i], "123456");
  }

  /**
   * The same start on the in-process store.
   *
   * @param cursor which customer
   * @return the challenge
   */
  @Benchmark
  public VerificationChallenge inProcessStart(Cursor cursor) {
    return OtpBenchmarks.start(
        inProcess, CUSTOMERS + Math.floorMod(cursor.next++, START_CUSTOMERS));
  }
}
