package dev.custos.benchmarks;

import dev.custos.otp.OtpEngine;
import dev.custos.otp.VerificationOutcome;
import dev.custos.otp.VerificationResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Checking a code while {@code pending} challenges are held, to show the cost does not grow with
 * their number. Each call presents a superseded verification token of one of the pending customers:
 * the engine authenticates the token, checks the lockout and expiry, computes the code's MAC and
 * runs the atomic compute on the customer's challenge, which then answers NOT_FOUND and leaves the
 * state as it was: the full verification path, steady for the whole run.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar OtpVerifyBenchmark -p pending=1000000}
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OtpVerifyBenchmark {
  /** How many challenges are pending. */
  @Param({"10000", "100000", "1000000"})
  public int pending;

  private OtpEngine engine;
  private String[] tokens;

  /** A per-thread cursor over the customers. */
  @State(Scope.Thread)
  public static class Cursor {
    int next = (int) (Thread.currentThread().getId() * 7919);
  }

  /** Starts two challenges per customer and keeps the first, superseded, token of each. */
  @Setup
  public void setUp() {
    engine = OtpBenchmarks.engine(pending + 1);
    tokens = new String[pending];
    for (int i = 0; i < pending; i++) {
      tokens[i] = OtpBenchmarks.start(engine, i).verificationToken();
      OtpBenchmarks.start(engine, i);
    }
    VerificationResult probe = engine.verify(OtpBenchmarks.customer(0), tokens[0], "123456");
    if (probe.outcome() != VerificationOutcome.NOT_FOUND) {
      throw new IllegalStateException("expected NOT_FOUND, got " + probe);
    }
  }

  /**
   * Verifies a code.
   *
   * @param cursor which customer
   * @return the result
   */
  @Benchmark
  public VerificationResult verify(Cursor cursor) {
    int i = Math.floorMod(cursor.next++, pending);
    return engine.verify(OtpBenchmarks.customer(i), tokens[i], "123456");
  }
}
