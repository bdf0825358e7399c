package dev.custos.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.slf4j.LoggerFactory;

/**
 * Keeps the benchmarks compiling and running: every one, a single short iteration, in this JVM.
 * Measures nothing; the figures come from {@code benchmarks/run}.
 */
class BenchmarksSmokeTest {

  @Test
  void everyBenchmark_singleShortIteration_runs() throws Exception {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include("dev\\.custos\\.benchmarks\\..*")
                    .mode(Mode.Throughput)
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100))
                    .param("pending", "1000")
                    .param("tokens", "100")
                    .shouldFailOnError(true)
                    .build())
            .run();

    assertThat(results).hasSize(49);
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void logging_inTheBenchmarks_isWarningsOnly() {
    // The library's info lines (one per OTP operation, per minted token) would be measured as
    // slf4j-simple's synchronous writes to a pipe, not as Custos.
    assertThat(LoggerFactory.getLogger("dev.custos.otp.OtpEngine").isInfoEnabled()).isFalse();
    assertThat(LoggerFactory.getLogger("dev.custos.customer.CustomerTokenService").isWarnEnabled())
        .isTrue();
  }

  @Test
  void memoryAndReport_fromSmallRun_writeMarkdownAndChart(@TempDir Path dir) throws Exception {
    MemoryFootprint.main(new String[] {dir.resolve("memory.json").toString(), "1000"});
    Files.writeString(
        dir.resolve("jmh-threads-1.json"),
        "["
            + result("TokenBenchmark.bouncyCastleSign", 20)
            + ","
            + result("TokenBenchmark.custosMint", 19)
            + "]");

    ReportWriter.main(new String[] {dir.toString(), dir.resolve("RESULTS.md").toString()});

    String report = Files.readString(dir.resolve("RESULTS.md"));
    assertThat(report)
        .contains("| TokenBenchmark.custosMint | 19,000,000 | 0.053 |")
        .contains("| mint ≥ 0.95 × raw Ed25519 sign | 0.950× | yes |")
        .contains("| 3 | 25.0 % |")
        .contains("| mint allocates ≤ 4 KB/op | 3,900 B | yes |");
    assertThat(report).containsPattern("\\| 1000 \\| \\d+");
    assertThat(Files.readString(dir.resolve("chart.svg")))
        .startsWith("<svg")
        .contains("Custos mint v2.public");
  }

  /** A throughput result of three forks whose means are 0.8, 1 and 1 times the score. */
  private static String result(String name, double score) {
    return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(
        Map.of(
            "benchmark",
            "dev.custos.benchmarks." + name,
            "mode",
            "thrpt",
            "threads",
            1,
            "primaryMetric",
            Map.of(
                "score",
                score,
                "scoreError",
                0.5,
                "scoreUnit",
                "ops/us",
                "rawData",
                List.of(List.of(0.8 * score), List.of(score), List.of(score))),
            "secondaryMetrics",
            Map.of("gc.alloc.rate.norm", Map.of("score", 3900.0))));
  }
}
