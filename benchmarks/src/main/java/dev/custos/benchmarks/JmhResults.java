package dev.custos.benchmarks;

import com.nimbusds.jose.util.JSONArrayUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** JMH's JSON results, read for {@link ReportWriter}: a later file's figure replaces an earlier. */
final class JmhResults {
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

  /** Every result, sorted by benchmark and parameter. */
  List<Result> all() {
    return results;
  }

  @SuppressWarnings("unchecked")
  void read(Path file) throws IOException, ParseException {
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
    results.sort(Comparator.comparing(Result::name).thenComparing(Result::param));
  }

  /** The result of a benchmark at a thread count: throughput if measured, else average time. */
  Result find(String name, String param, int threads) {
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
  double speed(String name, String param, int threads) {
    Result r = find(name, param, threads);
    return r == null ? Double.NaN : r.speed();
  }

  double speed(String name, int threads) {
    return speed(name, "", threads);
  }

  double bytes(String name, String param, int threads) {
    Result r = find(name, param, threads);
    return r == null ? Double.NaN : r.bytesPerOp();
  }
}
