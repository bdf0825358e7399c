package dev.custos.benchmarks;

import dev.custos.otp.OtpEngine;
import dev.custos.otp.VerificationChallenge;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Starting a challenge with a no-op sender: limits, code, MACs, message rendering and storage,
 * cycling over {@value #CUSTOMERS} customers (each start supersedes that customer's last).
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar OtpStartBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OtpStartBenchmark {
  static final int CUSTOMERS = 100_000;

  private OtpEngine engine;

  /** A per-thread cursor over the customers. */
  @State(Scope.Thread)
  public static class Cursor {
    int next = (int) (Thread.currentThread().getId() * 7919);
  }

  /** Builds the engine. */
  @Setup
  public void setUp() {
    engine = OtpBenchmarks.engine(2 * CUSTOMERS);
  }

  /**
   * Starts a challenge.
   *
   * @param cursor which customer
   * @return the challenge
   */
  @Benchmark
  public VerificationChallenge start(Cursor cursor) {
    return OtpBenchmarks.start(engine, Math.floorMod(cursor.next++, CUSTOMERS));
  }
}
