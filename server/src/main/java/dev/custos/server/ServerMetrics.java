package dev.custos.server;

import dev.custos.authz.AuthorizationListener;
import dev.custos.authz.AuthorizationListener.Denial;
import dev.custos.customer.CustomerTokenListener;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpStats;
import dev.custos.otp.RateLimit;
import dev.custos.otp.VerificationOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The server's metrics in Micrometer, scraped in Prometheus's text format: the authorizer's and the
 * token service's listeners, the OTP engine's {@link OtpStats}, and request latency by route. Every
 * label comes from a closed set (reasons, outcomes, limits, route templates, known methods, status
 * codes): no token, phone number or customer id, and no label a client can multiply.
 */
final class ServerMetrics {
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final long STATS_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final EnumMap<Denial, Counter> denials = new EnumMap<>(Denial.class);
  private final Counter mintedWithTwoFactor;
  private final Counter mintedWithoutTwoFactor;
  private final AtomicReference<Snapshot> stats = new AtomicReference<>();
  private OtpEngine otp;

  /** One reading of the engine's statistics, shared by every meter of one scrape. */
  private record Snapshot(long atNanos, OtpStats stats) {}

  ServerMetrics() {
    for (Denial denial : Denial.values()) {
      denials.put(
          denial,
          Counter.builder("custos.authorization.denials")
              .description("Requests the authorizer refused, by reason")
              .tag("reason", lower(denial))
              .register(registry));
    }
    mintedWithTwoFactor = minted(true);
    mintedWithoutTwoFactor = minted(false);
  }

  private Counter minted(boolean twoFactor) {
    return Counter.builder("custos.tokens.minted")
        .description("Customer tokens minted, with and without two-factor verification")
        .tag("two_factor", Boolean.toString(twoFactor))
        .register(registry);
  }

  /** Reads the engine's statistics at scrape time (at most once a second). */
  void bind(OtpEngine engine) {
    this.otp = engine;
    otpCounter("custos.verifications.started", "One-time codes sent", OtpStats::started);
    otpCounter(
        "custos.verifications.delivery.failures",
        "One-time codes the SMS or voice provider did not take",
        OtpStats::deliveryFailures);
    for (RateLimit limit : RateLimit.values()) {
      FunctionCounter.builder(
              "custos.verifications.refused", this, m -> m.read().rateLimited(limit))
          .description("Starts refused by a limit; customer_locked counts lockout refusals")
          .tag("limit", lower(limit))
          .register(registry);
    }
    for (VerificationOutcome outcome : VerificationOutcome.values()) {
      FunctionCounter.builder("custos.verifications", this, m -> m.read().verifications(outcome))
          .description("Codes checked, by outcome (approved, incorrect_code, expired, ...)")
          .tag("outcome", lower(outcome))
          .register(registry);
    }
    Gauge.builder("custos.verifications.pending", this, m -> m.read().pendingChallenges())
        .description("Challenges pending in this server's store (-1 when shared)")
        .register(registry);
  }

  private void otpCounter(String name, String description, ToDoubleFunction<OtpStats> value) {
    FunctionCounter.builder(name, this, m -> value.applyAsDouble(m.read()))
        .description(description)
        .register(registry);
  }

  private OtpStats read() {
    long now = System.nanoTime();
    Snapshot s = stats.get();
    if (s == null || now - s.atNanos() > STATS_TTL_NANOS) {
      s = new Snapshot(now, otp.stats());
      stats.set(s);
    }
    return s.stats();
  }

  AuthorizationListener authorizationListener() {
    return denial -> denials.get(denial).increment();
  }

  CustomerTokenListener tokenListener() {
    return twoFactor -> (twoFactor ? mintedWithTwoFactor : mintedWithoutTwoFactor).increment();
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

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
