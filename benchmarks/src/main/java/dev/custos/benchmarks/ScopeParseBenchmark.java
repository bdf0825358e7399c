package dev.custos.benchmarks;

import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.ScopeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing a five-scope string into a {@link ScopeSet}.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar ScopeParseBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScopeParseBenchmark {
  private final ScopeCatalog catalog = ScopeCatalog.unit();
  private final String scopes = "customers accounts cards transactions payments-write";

  /**
   * Parses the string.
   *
   * @return the set
   */
  @Benchmark
  public ScopeSet parseFiveScopes() {
    return catalog.parse(scopes);
  }
}
