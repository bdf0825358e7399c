package dev.custos.benchmarks;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
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
  /** One JMH result: a benchmark, mode and thread count with its score. */
  record Result(
      String name,
      String param,
      String mode,
      int threads,
      double score,
      double error,
      String unit) {
    String label() {
      return param.isEmpty() ? name : name + " (" + param + ")";
    }
  }

  private final List<Result> results = new ArrayList<>();
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
        report.read(file);
      }
      // A later run of some benchmarks (jmh-threads-N-<what>.json) replaces their figures.
      try (var later = Files.newDirectoryStream(dir, "jmh-threads-" + threads + "-*.json")) {
        List<Path> files = new ArrayList<>();
        later.forEach(files::add);
        files.sort(null);
        for (Path f : files) {
          report.read(f);
          report.replacedBy.add(f.getFileName().toString());
        }
      }
    }
    Map<String, Object> memory =
        JSONObjectUtils.parse(Files.readString(dir.resolve("memory.json"), StandardCharsets.UTF_8));
    Files.writeString(Path.of(args[1]), report.markdown(memory, dir), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("chart.svg"), report.chart(), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private void read(Path file) throws IOException, ParseException {
    for (Object item : JSONArrayUtils.parse(Files.readString(file, StandardCharsets.UTF_8))) {
      Map<String, Object> r = (Map<String, Object>) item;
      String benchmark = (String) r.get("benchmark");
      String name =
          benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      Map<String, Object> params = (Map<String, Object>) r.get("params");
      String param = params == null ? "" : params.toString().replaceAll("[{}]", "");
      Map<String, Object> metric = (Map<String, Object>) r.get("primaryMetric");
      Result result =
          new Result(
              name,
              param,
              (String) r.get("mode"),
              ((Number) r.get("threads")).intValue(),
              ((Number) metric.get("score")).doubleValue(),
              metric.get("scoreError") instanceof Number e && !Double.isNaN(e.doubleValue())
                  ? e.doubleValue()
                  : 0,
              (String) metric.get("scoreUnit"));
      results.removeIf(
          old ->
              old.name().equals(result.name())
                  && old.param().equals(result.param())
                  && old.mode().equals(result.mode())
                  && old.threads() == result.threads());
      results.add(result);
    }
    results.sort(java.util.Comparator.comparing(Result::name).thenComparing(Result::param));
  }

  private double thrpt(String name, String param, int threads) {
    for (Result r : results) {
      if (r.name().equals(name)
          && r.param().equals(param)
          && r.mode().equals("thrpt")
          && r.threads() == threads) {
        return r.score();
      }
    }
    return Double.NaN;
  }

  private double thrpt(String name, int threads) {
    return thrpt(name, "", threads);
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
              " come from a later run of those benchmarks alone (after a change to the code they\n")
          .append("measure); their ratios to each other are within that run.\n\n");
    }
    md.append("![throughput relative to raw Ed25519](results/chart.svg)\n\n");

    for (int threads : new int[] {1, 2}) {
      if (Double.isNaN(thrpt("Ed25519Benchmark.bouncyCastleSign", threads))) {
        continue;
      }
      md.append("## ").append(threads).append(threads == 1 ? " thread\n\n" : " threads\n\n");
      md.append("| benchmark | ops/s | ± | µs/op | ± | vs raw limit | vs fastest peer |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|\n");
      for (Result r : results) {
        if (!r.mode().equals("thrpt") || r.threads() != threads) {
          continue;
        }
        Result avg = average(r);
        md.append("| ")
            .append(r.label())
            .append(" | ")
            .append(perSecond(r.score()))
            .append(" | ")
            .append(perSecond(r.error()))
            .append(" | ")
            .append(avg == null ? "" : fmt(avg.score()))
            .append(" | ")
            .append(avg == null ? "" : fmt(avg.error()))
            .append(" | ")
            .append(limitRatio(r, threads))
            .append(" | ")
            .append(peerRatio(r, threads))
            .append(" |\n");
      }
      md.append('\n');
      goals(threads);
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

  private Result average(Result r) {
    for (Result other : results) {
      if (other.name().equals(r.name())
          && other.param().equals(r.param())
          && other.mode().equals("avgt")
          && other.threads() == r.threads()) {
        return other;
      }
    }
    return null;
  }

  private String limitRatio(Result r, int threads) {
    String limit =
        switch (r.name()) {
          case "TokenBenchmark.custosMint", "ServiceBenchmark.createCustomerToken" ->
              "Ed25519Benchmark.bouncyCastleSign";
          case "TokenBenchmark.custosVerify" -> "Ed25519Benchmark.bouncyCastleVerify";
          case "AuthorizeBenchmark.authorizeCacheHit" -> "AuthorizeBenchmark.caffeineGetIfPresent";
          case "RedisOtpBenchmark.redisVerify", "RedisOtpBenchmark.redisStart" ->
              "RedisOtpBenchmark.redisPing";
          default -> null;
        };
    String param = r.name().startsWith("Authorize") ? r.param() : "";
    return limit == null ? "" : fmt(r.score() / thrpt(limit, param, threads)) + "×";
  }

  private String peerRatio(Result r, int threads) {
    if (r.name().equals("TokenBenchmark.custosMint")) {
      return fmt(
              r.score()
                  / fastestPeer(threads, "jpasetoMint", "nimbusEd25519Sign", "nimbusEs256Sign"))
          + "×";
    }
    if (r.name().equals("TokenBenchmark.custosVerify")) {
      return fmt(
              r.score()
                  / fastestPeer(
                      threads, "jpasetoVerify", "nimbusEd25519Verify", "nimbusEs256Verify"))
          + "×";
    }
    return "";
  }

  private double fastestPeer(int threads, String... names) {
    double best = 0;
    for (String name : names) {
      double score = thrpt("TokenBenchmark." + name, threads);
      if (!Double.isNaN(score)) {
        best = Math.max(best, score);
      }
    }
    return best;
  }

  private void goals(int threads) {
    double mint = thrpt("TokenBenchmark.custosMint", threads);
    double verify = thrpt("TokenBenchmark.custosVerify", threads);
    String tokens = "tokens=10000";
    double hit = thrpt("AuthorizeBenchmark.authorizeCacheHit", tokens, threads);
    double lookup = thrpt("AuthorizeBenchmark.caffeineGetIfPresent", tokens, threads);
    double otpSmall = thrpt("OtpVerifyBenchmark.verify", "pending=10000", threads);
    double otpLarge = thrpt("OtpVerifyBenchmark.verify", "pending=1000000", threads);
    md.append("Goals, ").append(threads).append(threads == 1 ? " thread:\n\n" : " threads:\n\n");
    md.append("| goal | measured | met |\n|---|---:|:---:|\n");
    goal(
        "mint ≥ 0.9 × raw Ed25519 sign",
        mint / thrpt("Ed25519Benchmark.bouncyCastleSign", threads),
        0.9);
    goal(
        "cold verify ≥ 0.9 × raw Ed25519 verify",
        verify / thrpt("Ed25519Benchmark.bouncyCastleVerify", threads),
        0.9);
    goal("authorize (cache hit) ≥ 300 × cold verify", hit / verify, 300);
    goal("authorize (cache hit) within 2 × a bare getIfPresent", hit / lookup, 0.5);
    goal(
        "mint ≥ 1.5 × fastest peer",
        mint / fastestPeer(threads, "jpasetoMint", "nimbusEd25519Sign", "nimbusEs256Sign"),
        1.5);
    goal(
        "verify ≥ 1.5 × fastest peer",
        verify / fastestPeer(threads, "jpasetoVerify", "nimbusEd25519Verify", "nimbusEs256Verify"),
        1.5);
    goal("OTP verify flat: 1M pending ≥ 0.75 × 10k pending", otpLarge / otpSmall, 0.75);
    double ping = thrpt("RedisOtpBenchmark.redisPing", threads);
    goal(
        "Redis OTP verify within 1.5 × a PING (throughput ratio ≥ 0.67)",
        thrpt("RedisOtpBenchmark.redisVerify", threads) / ping,
        1 / 1.5);
    goal(
        "Redis OTP start within 3 × a PING (throughput ratio ≥ 0.33)",
        thrpt("RedisOtpBenchmark.redisStart", threads) / ping,
        1 / 3.0);
    md.append('\n');
    md.append(
        "Commands per operation on Redis, counted by the server (`RoundTripTest`): verify 1 (one\n"
            + "round trip); start 3 in two round trips (the customer window with the lockout and the"
            + " phone\nwindow pipelined, then the challenge), 4 with the global budget (on by default;"
            + " off in\nthese benchmarks), still in two round trips.\n\n");
  }

  private void goal(String text, double ratio, double target) {
    md.append("| ")
        .append(text)
        .append(" | ")
        .append(fmt(ratio))
        .append("× | ")
        .append(Double.isNaN(ratio) ? "?" : ratio >= target ? "yes" : "**no**")
        .append(" |\n");
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
    double sign = thrpt("Ed25519Benchmark.bouncyCastleSign", 1);
    double verify = thrpt("Ed25519Benchmark.bouncyCastleVerify", 1);
    bars.put("raw BC Ed25519 sign", 1.0);
    bars.put("Custos mint v2.public", thrpt("TokenBenchmark.custosMint", 1) / sign);
    bars.put("jpaseto mint v2.public", thrpt("TokenBenchmark.jpasetoMint", 1) / sign);
    bars.put("nimbus JWT EdDSA sign", thrpt("TokenBenchmark.nimbusEd25519Sign", 1) / sign);
    bars.put("nimbus JWT ES256 sign", thrpt("TokenBenchmark.nimbusEs256Sign", 1) / sign);
    bars.put("JDK SunEC Ed25519 sign", thrpt("Ed25519Benchmark.jdkSign", 1) / sign);
    bars.put("raw BC Ed25519 verify", 1.0);
    bars.put("Custos verify v2.public", thrpt("TokenBenchmark.custosVerify", 1) / verify);
    bars.put("jpaseto verify v2.public", thrpt("TokenBenchmark.jpasetoVerify", 1) / verify);
    bars.put("nimbus JWT EdDSA verify", thrpt("TokenBenchmark.nimbusEd25519Verify", 1) / verify);
    bars.put("nimbus JWT ES256 verify", thrpt("TokenBenchmark.nimbusEs256Verify", 1) / verify);
    bars.put("JDK SunEC Ed25519 verify", thrpt("Ed25519Benchmark.jdkVerify", 1) / verify);
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

  /** JMH reports ops/µs; people read ops/s. */
  private static String perSecond(double opsPerMicrosecond) {
    return String.format(Locale.ROOT, "%,.0f", opsPerMicrosecond * 1_000_000);
  }

  private static String fmt(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, value >= 1 ? "%.2f" : "%.3f", value);
  }
}
