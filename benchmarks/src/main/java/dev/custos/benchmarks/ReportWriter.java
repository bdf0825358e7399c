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
  /**
   * One JMH result: a benchmark, mode and thread count with its score, the bytes it allocated per
   * operation ({@code -prof gc}; NaN without it) and each fork's mean score.
   */
  record Result(
      String name,
      String param,
      String mode,
      int threads,
      double score,
      double error,
      String unit,
      double bytesPerOp,
      List<Double> forkMeans) {
    String label() {
      return param.isEmpty() ? name : name + " (" + param + ")";
    }

    /** Operations per microsecond, from either mode. */
    double speed() {
      return mode.equals("thrpt") ? score : 1 / score;
    }

    /** How far apart the forks' means are: (largest − smallest) ÷ smallest; NaN for one fork. */
    double forkSpread() {
      if (forkMeans.size() < 2) {
        return Double.NaN;
      }
      double min = forkMeans.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      double max = forkMeans.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      return (max - min) / min;
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
    // spring/benchmarks/run: the Spring Boot filter, one thread (its own run, so its ratios are
    // among its own rows only).
    Path spring = dir.resolve("jmh-spring.json");
    if (Files.exists(spring)) {
      report.read(spring);
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
      Map<String, Object> secondary =
          r.get("secondaryMetrics") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      double bytes =
          secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> alloc
              ? ((Number) alloc.get("score")).doubleValue()
              : Double.NaN;
      List<Double> forkMeans = new ArrayList<>();
      if (metric.get("rawData") instanceof List<?> forks) {
        for (Object fork : forks) {
          forkMeans.add(
              ((List<?>) fork)
                  .stream().mapToDouble(v -> ((Number) v).doubleValue()).average().orElse(0));
        }
      }
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
              (String) metric.get("scoreUnit"),
              bytes,
              List.copyOf(forkMeans));
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

  /** The result of a benchmark at a thread count: throughput if measured, else average time. */
  private Result find(String name, String param, int threads) {
    Result found = null;
    for (Result r : results) {
      if (r.name().equals(name) && r.param().equals(param) && r.threads() == threads) {
        if (found == null || r.mode().equals("thrpt")) {
          found = r;
        }
      }
    }
    return found;
  }

  /** Operations per microsecond, or NaN when not measured. */
  private double speed(String name, String param, int threads) {
    Result r = find(name, param, threads);
    return r == null ? Double.NaN : r.speed();
  }

  private double speed(String name, int threads) {
    return speed(name, "", threads);
  }

  private double bytes(String name, String param, int threads) {
    Result r = find(name, param, threads);
    return r == null ? Double.NaN : r.bytesPerOp();
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
      if (Double.isNaN(speed("TokenBenchmark.bouncyCastleSign", threads))) {
        continue;
      }
      md.append("## ").append(threads).append(threads == 1 ? " thread\n\n" : " threads\n\n");
      md.append(
          "| benchmark | ops/s | µs/op | ± | B/op | forks | fork spread | vs raw limit | vs fastest"
              + " peer |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Result r : results) {
        if (r.threads() != threads || find(r.name(), r.param(), threads) != r) {
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
          case "FilterBenchmark.custosCachedToken", "FilterBenchmark.securityPermitAll" ->
              "FilterBenchmark.securityOff";
          case "FilterBenchmark.httpCustosCachedToken" -> "FilterBenchmark.httpSecurityOff";
          default -> null;
        };
    String param = r.name().startsWith("Authorize") ? r.param() : "";
    return limit == null ? "" : fmt(r.speed() / speed(limit, param, threads)) + "×";
  }

  private String peerRatio(Result r, int threads) {
    if (r.name().equals("TokenBenchmark.custosMint")) {
      return fmt(
              r.speed()
                  / fastestPeer(threads, "jpasetoMint", "nimbusEd25519Sign", "nimbusEs256Sign"))
          + "×";
    }
    if (r.name().equals("FilterBenchmark.custosFirstSeenToken")) {
      return fmt(r.speed() / speed("FilterBenchmark.nimbusJwtFirstSeen", threads)) + "×";
    }
    if (r.name().equals("TokenBenchmark.custosVerify")) {
      return fmt(
              r.speed()
                  / fastestPeer(
                      threads, "jpasetoVerify", "nimbusEd25519Verify", "nimbusEs256Verify"))
          + "×";
    }
    return "";
  }

  private double fastestPeer(int threads, String... names) {
    double best = 0;
    for (String name : names) {
      double score = speed("TokenBenchmark." + name, threads);
      if (!Double.isNaN(score)) {
        best = Math.max(best, score);
      }
    }
    return best;
  }

  private void goals(int threads) {
    double sign = speed("TokenBenchmark.bouncyCastleSign", threads);
    double rawVerify = speed("TokenBenchmark.bouncyCastleVerify", threads);
    double mint = speed("TokenBenchmark.custosMint", threads);
    double verify = speed("TokenBenchmark.custosVerify", threads);
    String tokens = "tokens=10000";
    double hit = speed("AuthorizeBenchmark.authorizeCacheHit", tokens, threads);
    double lookup = speed("AuthorizeBenchmark.caffeineGetIfPresent", tokens, threads);
    double lookupAndClock =
        speed("AuthorizeBenchmark.caffeineGetIfPresentAndClock", tokens, threads);
    double otpSmall = speed("OtpVerifyBenchmark.verify", "pending=10000", threads);
    double otpLarge = speed("OtpVerifyBenchmark.verify", "pending=1000000", threads);
    md.append("Goals, ").append(threads).append(threads == 1 ? " thread:\n\n" : " threads:\n\n");
    md.append("| goal | measured | met |\n|---|---:|:---:|\n");
    goal("mint ≥ 0.95 × raw Ed25519 sign", mint / sign, 0.95);
    goal("cold verify ≥ 0.95 × raw Ed25519 verify", verify / rawVerify, 0.95);
    goal(
        "mint ≥ 1.5 × fastest peer",
        mint / fastestPeer(threads, "jpasetoMint", "nimbusEd25519Sign", "nimbusEs256Sign"),
        1.5);
    goal(
        "verify ≥ 1.5 × fastest peer",
        verify / fastestPeer(threads, "jpasetoVerify", "nimbusEd25519Verify", "nimbusEs256Verify"),
        1.5);
    goal("authorize (cache hit) ≥ 300 × cold verify", hit / verify, 300);
    goal(
        "authorize (cache hit) within 1.5 × a bare getIfPresent (throughput ratio ≥ 0.67)",
        hit / lookup,
        1 / 1.5);
    goal(
        "  within 1.3 × the same floor plus one clock read, which exact expiry needs (ratio ≥"
            + " 0.77)",
        hit / lookupAndClock,
        1 / 1.3);
    goal("OTP verify flat: 1M pending ≥ 0.75 × 10k pending", otpLarge / otpSmall, 0.75);
    double ping = speed("RedisOtpBenchmark.redisPing", threads);
    goal(
        "Redis OTP verify within 1.5 × a PING (throughput ratio ≥ 0.67)",
        speed("RedisOtpBenchmark.redisVerify", threads) / ping,
        1 / 1.5);
    goal(
        "Redis OTP start within 3 × a PING (throughput ratio ≥ 0.33)",
        speed("RedisOtpBenchmark.redisStart", threads) / ping,
        1 / 3.0);
    double off = speed("FilterBenchmark.securityOff", threads);
    if (!Double.isNaN(off)) {
      goal(
          "Spring: a request with a cached token through the Custos filter ≥ 0.9 × security off",
          speed("FilterBenchmark.custosCachedToken", threads) / off,
          0.9);
      goal(
          "  over HTTP on loopback (Tomcat, the JDK's client)",
          speed("FilterBenchmark.httpCustosCachedToken", threads)
              / speed("FilterBenchmark.httpSecurityOff", threads),
          0.9);
      goal(
          "Spring: first-seen token through the Custos filter ≥ 1.5 × Spring's JWT resource server"
              + " (NimbusJwtDecoder, ES256)",
          speed("FilterBenchmark.custosFirstSeenToken", threads)
              / speed("FilterBenchmark.nimbusJwtFirstSeen", threads),
          1.5);
    }
    Result mintResult = find("TokenBenchmark.custosMint", "", threads);
    if (mintResult != null && !Double.isNaN(mintResult.bytesPerOp())) {
      bytesGoal("mint allocates ≤ 4 KB/op", mintResult.bytesPerOp(), 4096);
      bytesGoal(
          "cold verify allocates ≤ 10 KB/op",
          bytes("TokenBenchmark.custosVerify", "", threads),
          10_240);
      double beyond =
          bytes("AuthorizeBenchmark.authorizeCacheHit", tokens, threads)
              - bytes("AuthorizeBenchmark.caffeineGetIfPresent", tokens, threads);
      bytesGoal(
          "authorize (cache hit) allocates 0 B/op beyond the bare lookup (both copy the header, 24"
              + " B)",
          Math.max(0, beyond),
          // The JVM's allocation counter is exact to the byte; allow its rounding.
          1);
      for (String name :
          new String[] {
            "TokenBenchmark.custosMint",
            "TokenBenchmark.custosVerify",
            "TokenBenchmark.bouncyCastleSign",
            "TokenBenchmark.bouncyCastleVerify"
          }) {
        Result r = find(name, "", threads);
        if (r != null && r.forkMeans().size() > 1) {
          spreadGoal(name + ": forks within 5 % of each other", r.forkSpread(), 0.05);
        }
      }
      // Lookups of 10,000 tokens wait on memory, which the machine's other tenants share: the
      // floor itself moves more between forks than an Ed25519 signature does.
      for (String name :
          new String[] {
            "AuthorizeBenchmark.authorizeCacheHit",
            "AuthorizeBenchmark.caffeineGetIfPresentAndClock"
          }) {
        Result r = find(name, tokens, threads);
        if (r != null && r.forkMeans().size() > 1) {
          spreadGoal(name + ": forks within 10 % of each other", r.forkSpread(), 0.10);
        }
      }
    }
    md.append('\n');
    md.append(
        "Commands per operation on Redis, counted by the server (`RoundTripTest`): verify 1 (one\n"
            + "round trip); start 3 in two round trips (the customer window with the lockout and the"
            + " phone\nwindow pipelined, then the challenge), 4 with the global budget (on by default;"
            + " off in\nthese benchmarks), still in two round trips.\n\n");
  }

  private void bytesGoal(String text, double bytes, double limit) {
    goalRow(text, String.format(Locale.ROOT, "%,.0f B", bytes), bytes, bytes <= limit);
  }

  private void spreadGoal(String text, double spread, double limit) {
    goalRow(text, percent(spread), spread, spread <= limit);
  }

  private void goal(String text, double ratio, double target) {
    goalRow(text, fmt(ratio) + "×", ratio, ratio >= target);
  }

  private void goalRow(String text, String measured, double value, boolean met) {
    md.append("| ")
        .append(text)
        .append(" | ")
        .append(measured)
        .append(" | ")
        .append(Double.isNaN(value) ? "?" : met ? "yes" : "**no**")
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
    double sign = speed("TokenBenchmark.bouncyCastleSign", 1);
    double verify = speed("TokenBenchmark.bouncyCastleVerify", 1);
    bars.put("raw BC Ed25519 sign", 1.0);
    bars.put("Custos mint v2.public", speed("TokenBenchmark.custosMint", 1) / sign);
    bars.put("jpaseto mint v2.public", speed("TokenBenchmark.jpasetoMint", 1) / sign);
    bars.put("nimbus JWT EdDSA sign", speed("TokenBenchmark.nimbusEd25519Sign", 1) / sign);
    bars.put("nimbus JWT ES256 sign", speed("TokenBenchmark.nimbusEs256Sign", 1) / sign);
    bars.put("JDK SunEC Ed25519 sign", speed("TokenBenchmark.jdkEd25519Sign", 1) / sign);
    bars.put("raw BC Ed25519 verify", 1.0);
    bars.put("Custos verify v2.public", speed("TokenBenchmark.custosVerify", 1) / verify);
    bars.put("jpaseto verify v2.public", speed("TokenBenchmark.jpasetoVerify", 1) / verify);
    bars.put("nimbus JWT EdDSA verify", speed("TokenBenchmark.nimbusEd25519Verify", 1) / verify);
    bars.put("nimbus JWT ES256 verify", speed("TokenBenchmark.nimbusEs256Verify", 1) / verify);
    bars.put("JDK SunEC Ed25519 verify", speed("TokenBenchmark.jdkEd25519Verify", 1) / verify);
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

  private static String percent(double fraction) {
    return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
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
