package dev.custos.benchmarks;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.server.CustosServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A load run on loopback against the reference server, in one process and one run: {@code GET
 * /accounts} with a cached customer token against {@code GET /health}, the HTTP floor, alternated
 * in rounds so that drift on a noisy machine falls on both alike. Writes throughput, p50 and p99 of
 * each, and their ratio, as JSON for {@link ReportWriter}.
 *
 * <p>Run it with {@code benchmarks/run --http-only}, or directly:
 *
 * <pre>{@code
 * mvn -B -q package -DskipTests -pl benchmarks -am
 * java -cp benchmarks/target/benchmarks.jar dev.custos.benchmarks.HttpLoad \
 *     benchmarks/results/http-load.json 4 5 8
 * }</pre>
 *
 * <p>Arguments: the output file, rounds (4), seconds per endpoint and round (5), client threads
 * (8). The server's access log is turned down to warnings for the run: it would weigh on both
 * endpoints alike, but flood the terminal.
 */
public final class HttpLoad {
  private HttpLoad() {}

  /** One endpoint's figures over every round. */
  private static final class Figures {
    long requests;
    long nanos;
    final List<long[]> latencies = new ArrayList<>();

    double perSecond() {
      return requests / (nanos / 1e9);
    }

    long percentileMicros(double p) {
      long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, all.length * p)] / 1_000;
    }
  }

  /**
   * Runs the load and writes the figures.
   *
   * @param args output file, then optionally rounds, seconds per endpoint and round, threads
   * @throws Exception if the server cannot start or a request fails
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    try (CustosServer server =
        CustosServer.start(CustosServer.options().port(0).shutdownGrace(0))) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String customerToken = customerToken(client, server);
      HttpRequest health = HttpRequest.newBuilder(server.uri().resolve("/health")).build();
      HttpRequest accounts =
          HttpRequest.newBuilder(server.uri().resolve("/accounts"))
              .header("Authorization", "Bearer " + customerToken)
              .build();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        // Warm-up: both paths compiled before anything is counted.
        measure(client, pool, threads, health, 3, new Figures());
        measure(client, pool, threads, accounts, 3, new Figures());
        Figures floor = new Figures();
        Figures authorized = new Figures();
        for (int round = 0; round < rounds; round++) {
          measure(client, pool, threads, health, seconds, floor);
          measure(client, pool, threads, accounts, seconds, authorized);
        }
        write(out, floor, authorized, rounds, seconds, threads);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static String customerToken(HttpClient client, CustosServer server) throws Exception {
    HttpResponse<String> minted =
        client.send(
            HttpRequest.newBuilder(server.uri().resolve("/customers/100001/token"))
                .header("Authorization", "Bearer " + server.sandboxOrgToken().orElseThrow())
                .header("Content-Type", "application/vnd.api+json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"data\":{\"type\":\"customerToken\","
                            + "\"attributes\":{\"scope\":\"accounts\"}}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (minted.statusCode() != 201) {
      throw new IllegalStateException("minting failed: " + minted.body());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> data =
        (Map<String, Object>) JSONObjectUtils.parse(minted.body()).get("data");
    @SuppressWarnings("unchecked")
    Map<String, Object> attributes = (Map<String, Object>) data.get("attributes");
    return (String) attributes.get("token");
  }

  private static void measure(
      HttpClient client,
      ExecutorService pool,
      int threads,
      HttpRequest request,
      int seconds,
      Figures figures)
      throws Exception {
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    List<Future<long[]>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline) {
                  long begin = System.nanoTime();
                  HttpResponse<Void> response =
                      client.send(request, HttpResponse.BodyHandlers.discarding());
                  if (response.statusCode() != 200) {
                    throw new IllegalStateException("status " + response.statusCode());
                  }
                  if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                  }
                  latencies[n++] = System.nanoTime() - begin;
                }
                return Arrays.copyOf(latencies, n);
              }));
    }
    for (Future<long[]> worker : workers) {
      long[] latencies = worker.get();
      figures.latencies.add(latencies);
      figures.requests += latencies.length;
    }
    figures.nanos += System.nanoTime() - start;
  }

  private static void write(
      Path out, Figures floor, Figures authorized, int rounds, int seconds, int threads)
      throws Exception {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(
        "method",
        rounds
            + " rounds of "
            + seconds
            + " s per endpoint, alternated, after a 3 s warm-up each; "
            + threads
            + " client threads (JDK HttpClient, HTTP/1.1 keep-alive) in the server's process, on"
            + " loopback; "
            + Runtime.getRuntime().availableProcessors()
            + " cores shared by client and server");
    json.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    json.put("health", figures(floor));
    json.put("accounts", figures(authorized));
    json.put("ratio", authorized.perSecond() / floor.perSecond());
    Files.writeString(out, JSONObjectUtils.toJSONString(json), StandardCharsets.UTF_8);
    System.out.printf(
        "GET /health %.0f/s, GET /accounts %.0f/s: %.2fx%n",
        floor.perSecond(), authorized.perSecond(), authorized.perSecond() / floor.perSecond());
  }

  private static Map<String, Object> figures(Figures f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requests", f.requests);
    m.put("perSecond", f.perSecond());
    m.put("p50Micros", f.percentileMicros(0.50));
    m.put("p99Micros", f.percentileMicros(0.99));
    return m;
  }
}
