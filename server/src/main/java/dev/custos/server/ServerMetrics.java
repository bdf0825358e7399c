package dev.custos.server;

import dev.custos.authz.AuthorizationListener;
import dev.custos.customer.CustomerTokenListener;
import dev.custos.micrometer.CustosMetrics;
import dev.custos.otp.OtpEngine;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The server's metrics in Micrometer, scraped in Prometheus's text format: the library's own
 * ({@link CustosMetrics}: the authorizer's and the token service's listeners, the OTP engine's
 * statistics) and request latency by route. Every label comes from a closed set (reasons, outcomes,
 * limits, route templates, known methods, status codes): no token, phone number or customer id, and
 * no label a client can multiply.
 */
final class ServerMetrics {
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final CustosMetrics custos = CustosMetrics.register(registry);

  /** Reads the engine's statistics at scrape time (at most once a second). */
  void bind(OtpEngine engine) {
    custos.bind(engine);
  }

  AuthorizationListener authorizationListener() {
    return custos.authorizationListener();
  }

  CustomerTokenListener tokenListener() {
    return custos.tokenListener();
  }

  /** One request's latency, under its route template, a known method, and its status. */
  void request(String route, String method, int status, long nanos) {
    Timer.builder("custos.http.requests")
        .description("Request latency by route")
        .tag("route", route)
        .tag("method", METHODS.contains(method) ? method : "OTHER")
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The Prometheus text exposition of every meter. */
  String scrape() {
    return registry.scrape();
  }
}
