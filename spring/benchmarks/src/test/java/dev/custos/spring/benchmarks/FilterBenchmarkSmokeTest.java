package dev.custos.spring.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Keeps the benchmark compiling and running: each method, one short iteration, in this JVM (every
 * request must answer 200, or the benchmark fails). Measures nothing; the figures come from {@code
 * spring/benchmarks/run}.
 */
class FilterBenchmarkSmokeTest {
  @Test
  void everyBenchmark_singleShortIteration_runs() throws Exception {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(FilterBenchmark.class.getName())
                    .mode(Mode.Throughput)
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200))
                    .shouldFailOnError(true)
                    .build())
            .run();

    assertThat(results).hasSize(7);
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }
}
