package dev.custos.benchmarks;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.benchmarks.JmhResults.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the JMH JSON results and the memory figures into {@code benchmarks/RESULTS.md} (every
 * figure with its error and its ratios to the limit and to the peers, and the goals checked) and
 * {@code benchmarks/results/chart.svg}.
 *
 * <pre>
 * {@code java -cp benchmarks/target/benchmarks.jar dev.custos.benchmarks.ReportWriter benchmarks/results benchmarks/RESULTS.md}
 * </pre>
 */
public final class ReportWriter {
  private final JmhResults results = new JmhResults();
  private final List<String> replacedBy = new ArrayList<>();
  private final StringBuilder md = new StringBuilder();

  private ReportWriter() {}

  /**
   * Writes the report.
   *
   * @param args the results directory and the Markdown file to write
   * @throws Exception if the results cannot be read or the report written
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    ReportWriter report = new ReportWriter();
    for (int threads : new int[] {1, 2}) {
      Path file = dir.resolve("jmh-threads-" + threads + ".json");
      if (Files.exists(file)) {
        report.results.read(file);
      }
      // A later run of some benchmarks (jmh-threads-N-<what>.json) replaces their figures.
      try (var later = Files.newDirectoryStream(dir, "jmh-threads-" + threads + "-*.json")) {
        List<Path> files = new ArrayList<>();
        later.forEach(files::add);
        files.sort(null);
        for (Path f : files) {
          report.results.read(f);
          report.replacedBy.add(f.getFileName().toString());
        }
      }
    }
    // spring/benchmarks/run: the Spring Boot filter, one thread (its own run, so its ratios are
    // among its own rows only).
    Path spring = dir.resolve("jmh-spring.json");
    if (Files.exists(spring)) {
      report.results.read(spring);
    }
    Map<String, Object> memory =
        JSONObjectUtils.parse(Files.readString(dir.resolve("memory.json"), StandardCharsets.UTF_8));
    Files.writeString(Path.of(args[1]), report.markdown(memory, dir), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("chart.svg"), report.chart(), StandardCharsets.UTF_8);
  }

  private String markdown(Map<String, Object> memory, Path dir) throws ParseException {
    md.append("# Benchmark results\n\n");
    md.append(
        "Produced by `benchmarks/run` (JMH 1.37) and `ReportWriter` from `benchmarks/results/*.json`;\n");
    md.append("do not edit by hand. Machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.version"))
        .append(", ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append(".\n");
    md.append(
        "Ratios compare figures of the same run and thread count; the machine is shared and noisy,\n");
    md.append("so read the errors (99.9% confidence intervals) before small differences.\n\n");
    if (!replacedBy.isEmpty()) {
      md.append("The figures of the benchmarks in ")
          .append(String.join(", ", replacedBy))
          .append(
              " come from a later run of those benchmarks alone (after a change to them or to the\n")
          .append("code they measure); their ratios to each other are within that run.\n\n");
    }
    md.append("![throughput relative to raw Ed25519](results/chart.svg)\n\n");

    for (int threads : new int[] {1, 2}) {
      if (Double.isNaN(results.speed("TokenBenchmark.bouncyCastleSign", threads))) {
        continue;
      }
      md.append("## ").append(threads).append(threads == 1 ? " thread\n\n" : " threads\n\n");
      md.append(
          "| benchmark | ops/s | µs/op | ± | B/op | forks | fork spread | vs raw limit | vs fastest"
              + " peer |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Result r : results.all()) {
        if (r.threads() != threads || results.find(r.name(), r.param(), threads) != r) {
          continue;
        }
        boolean avgt = r.mode().equals("avgt");
        md.append("| ")
            .append(r.label())
            .append(" | ")
            .append(perSecond(r.speed()))
            .append(" | ")
            .append(fmt(1 / r.speed()))
            .append(" | ")
            .append(avgt ? fmt(r.error()) : "")
            .append(" | ")
            .append(
                Double.isNaN(r.bytesPerOp())
                    ? ""
                    : String.format(Locale.ROOT, "%,.0f", r.bytesPerOp()))
            .append(" | ")
            .append(r.forkMeans().size())
            .append(" | ")
            .append(Double.isNaN(r.forkSpread()) ? "" : percent(r.forkSpread()))
            .append(" | ")
            .append(limitRatio(r, threads))
            .append(" | ")
            .append(peerRatio(r, threads))
            .append(" |\n");
      }
      md.append('\n');
      md.append(
          "µs/op and its error (99.9 % confidence) come from average-time runs; ops/s is its"
              + " inverse there, or the throughput run's own figure. Fork spread: how far apart"
              + " the forks' means are, (largest − smallest) ÷ smallest.\n\n");
      new ReportGoals(results, md).write(threads);
    }
    memory(memory);
    Path load = dir.resolve("http-load.json");
    if (Files.exists(load)) {
      try {
        httpLoad(JSONObjectUtils.parse(Files.readString(load, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return md.toString();
  }

  private String limitRatio(Result r, int threads) {
    String limit =
        switch (r.name()) {
          case "TokenBenchmark.custosMint", "ServiceBenchmark.createCustomerToken" ->
              "TokenBenchmark.bouncyCastleSign";
          case "TokenBenchmark.custosVerify" -> "TokenBenchmark.bouncyCastleVerify";
          case "AuthorizeBenchmark.authorizeCacheHit",
              "AuthorizeBenchmark.caffeineGetIfPresentAndClock" ->
              "AuthorizeBenchmark.caffeineGetIfPresent";
          case "RedisOtpBenchmark.redisVerify", "RedisOtpBenchmark.redisStart" ->
              "RedisOtpBenchmark.redisPing";
          case "RedisDeploymentsBenchmark.verify",
              "RedisDeploymentsBenchmark.verifyNotWaiting",
              "RedisDeploymentsBenchmark.start",
              "RedisDeploymentsBenchmark.pingTwo" ->
              "RedisDeploymentsBenchmark.ping";
          case "RedisDeploymentsBenchmark.revokeWaiting" ->
              "RedisDeploymentsBenchmark.revokeNotWaiting";
          case "FilterBenchmark.custosCachedToken", "FilterBenchmark.securityPermitAll" ->
              "FilterBenchmark.securityOff";
          case "FilterBenchmark.httpCustosCachedToken" -> "FilterBenchmark.httpSecurityOff";
          case "PasskeyBenchmark.assertionVerify" -> "PasskeyBenchmark.rawEcdsaVerify";
          case "PaymentBenchmark.authorizeAndBoundCheck" -> "PaymentBenchmark.authorize";
          default -> null;
        };
    String param =
        r.name().startsWith("Authorize") || r.name().startsWith("RedisDeployments")
            ? r.param()
            : "";
    return limit == null ? "" : fmt(r.speed() / results.speed(limit, param, threads)) + "×";
  }

  private String peerRatio(Result r, int threads) {
    if (r.name().equals("TokenBenchmark.custosMint")) {
      return fmt(
              r.speed()
                  / fastestPeer(
                      results, threads, "jpasetoMint", "nimbusEd25519Sign", "nimbusEs256Sign"))
          + "×";
    }
    if (r.name().equals("FilterBenchmark.custosFirstSeenToken")) {
      return fmt(r.speed() / results.speed("FilterBenchmark.nimbusJwtFirstSeen", threads)) + "×";
    }
    if (r.name().equals("TokenBenchmark.custosVerify")) {
      return fmt(
              r.speed()
                  / fastestPeer(
                      results,
                      threads,
                      "jpasetoVerify",
                      "nimbusEd25519Verify",
                      "nimbusEs256Verify"))
          + "×";
    }
    return "";
  }

  /** The fastest of the named token benchmarks at a thread count. */
  static double fastestPeer(JmhResults results, int threads, String... names) {
    double best = 0;
    for (String name : names) {
      double score = results.speed("TokenBenchmark." + name, threads);
      if (!Double.isNaN(score)) {
        best = Math.max(best, score);
      }
    }
    return best;
  }

  @SuppressWarnings("unchecked")
  private void memory(Map<String, Object> memory) {
    md.append("## Memory per pending OTP challenge\n\n");
    md.append("Method: ")
        .append(memory.get("method"))
        .append(" (")
        .append(memory.get("vm"))
        .append(").\n\n");
    md.append(
        "| pending | challenge state (bytes) | send windows (bytes) | whole engine (bytes) | goal ≤ 300 (challenge state) |\n");
    md.append("|---:|---:|---:|---:|:---:|\n");
    for (Object o : (List<Object>) memory.get("rows")) {
      Map<String, Object> row = (Map<String, Object>) o;
      double challenge = ((Number) row.get("challengeBytes")).doubleValue();
      md.append("| ")
          .append(row.get("pending"))
          .append(" | ")
          .append(fmt(challenge))
          .append(" | ")
          .append(fmt(((Number) row.get("sendWindowBytes")).doubleValue()))
          .append(" | ")
          .append(fmt(((Number) row.get("totalBytes")).doubleValue()))
          .append(" | ")
          .append(challenge <= 300 ? "yes" : "**no**")
          .append(" |\n");
    }
    md.append('\n');
  }

  @SuppressWarnings("unchecked")
  private void httpLoad(Map<String, Object> load) {
    md.append("## HTTP: authorization against the HTTP floor (issue 13)\n\n");
    md.append("Method: ")
        .append(load.get("method"))
        .append(" (")
        .append(load.get("vm"))
        .append("). `GET /accounts` authenticates a cached customer token, checks its scope and")
        .append(" filters the sandbox accounts; `GET /health` does nothing. Produced by `HttpLoad`")
        .append(" (`benchmarks/run --http-only`).\n\n");
    md.append("| endpoint | requests/s | p50 (µs) | p99 (µs) |\n|---|---:|---:|---:|\n");
    for (String endpoint : new String[] {"health", "accounts"}) {
      Map<String, Object> f = (Map<String, Object>) load.get(endpoint);
      md.append("| `GET /")
          .append(endpoint)
          .append("` | ")
          .append(fmt(((Number) f.get("perSecond")).doubleValue()))
          .append(" | ")
          .append(f.get("p50Micros"))
          .append(" | ")
          .append(f.get("p99Micros"))
          .append(" |\n");
    }
    double ratio = ((Number) load.get("ratio")).doubleValue();
    md.append("\nRatio `/accounts` ÷ `/health`: **")
        .append(String.format(java.util.Locale.ROOT, "%.2f", ratio))
        .append("x**; goal ≥ 0.80x: ")
        .append(ratio >= 0.8 ? "met" : "**not met**")
        .append(".\n\n");
  }

  private String chart() {
    Map<String, Double> bars = new LinkedHashMap<>();
    double sign = results.speed("TokenBenchmark.bouncyCastleSign", 1);
    double verify = results.speed("TokenBenchmark.bouncyCastleVerify", 1);
    bars.put("raw BC Ed25519 sign", 1.0);
    bars.put("Custos mint v2.public", results.speed("TokenBenchmark.custosMint", 1) / sign);
    bars.put("jpaseto mint v2.public", results.speed("TokenBenchmark.jpasetoMint", 1) / sign);
    bars.put("nimbus JWT EdDSA sign", results.speed("TokenBenchmark.nimbusEd25519Sign", 1) / sign);
    bars.put("nimbus JWT ES256 sign", results.speed("TokenBenchmark.nimbusEs256Sign", 1) / sign);
    bars.put("JDK SunEC Ed25519 sign", results.speed("TokenBenchmark.jdkEd25519Sign", 1) / sign);
    bars.put("raw BC Ed25519 verify", 1.0);
    bars.put("Custos verify v2.public", results.speed("TokenBenchmark.custosVerify", 1) / verify);
    bars.put("jpaseto verify v2.public", results.speed("TokenBenchmark.jpasetoVerify", 1) / verify);
    bars.put(
        "nimbus JWT EdDSA verify", results.speed("TokenBenchmark.nimbusEd25519Verify", 1) / verify);
    bars.put(
        "nimbus JWT ES256 verify", results.speed("TokenBenchmark.nimbusEs256Verify", 1) / verify);
    bars.put(
        "JDK SunEC Ed25519 verify", results.speed("TokenBenchmark.jdkEd25519Verify", 1) / verify);
    int width = 760;
    int row = 26;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(60 + row * bars.size())
        .append("\" font-family=\"sans-serif\" font-size=\"13\">\n");
    svg.append(
        "<text x=\"10\" y=\"22\" font-size=\"15\">Throughput relative to raw BouncyCastle Ed25519 (1 thread; 1.0 = the limit)</text>\n");
    int y = 40;
    for (Map.Entry<String, Double> bar : bars.entrySet()) {
      double value = bar.getValue().isNaN() ? 0 : bar.getValue();
      int length = (int) Math.round(Math.min(value, 1.2) / 1.2 * 380);
      boolean custos = bar.getKey().startsWith("Custos");
      boolean limit = bar.getKey().startsWith("raw");
      svg.append("<text x=\"10\" y=\"")
          .append(y + 15)
          .append("\">")
          .append(bar.getKey())
          .append("</text>\n");
      svg.append("<rect x=\"230\" y=\"")
          .append(y + 3)
          .append("\" width=\"")
          .append(length)
          .append("\" height=\"16\" fill=\"")
          .append(custos ? "#1f77b4" : limit ? "#555555" : "#bbbbbb")
          .append("\"/>\n");
      svg.append("<text x=\"")
          .append(236 + length)
          .append("\" y=\"")
          .append(y + 15)
          .append("\">")
          .append(fmt(value))
          .append("</text>\n");
      y += row;
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  static String percent(double fraction) {
    return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
  }

  /** JMH reports ops/µs; people read ops/s. */
  private static String perSecond(double opsPerMicrosecond) {
    return String.format(Locale.ROOT, "%,.0f", opsPerMicrosecond * 1_000_000);
  }

  static String fmt(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, value >= 1 ? "%.2f" : "%.3f", value);
  }
}
