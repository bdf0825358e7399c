package dev.custos.micrometer;

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
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * Custos's meters on a Micrometer registry:
 *
 * <ul>
 *   <li>{@code custos.authorization.denials{reason}}: refusals, heard by {@link
 *       #authorizationListener()};
 *   <li>{@code custos.tokens.minted{two_factor}}: customer tokens, heard by {@link
 *       #tokenListener()};
 *   <li>{@code custos.verifications.*}: the OTP engine's statistics, read when the registry is read
 *       (at most once a second), after {@link #bind(OtpEngine)}.
 * </ul>
 *
 * Every tag comes from a closed set (reasons, outcomes, limits): no token, phone number or customer
 * id. Thread-safe.
 */
public final class CustosMetrics {
  private static final long STATS_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final MeterRegistry registry;
  private final EnumMap<Denial, Counter> denials = new EnumMap<>(Denial.class);
  private final Counter mintedWithTwoFactor;
  private final Counter mintedWithoutTwoFactor;
  private final AtomicReference<Snapshot> stats = new AtomicReference<>();
  private volatile OtpEngine otp;

  /** One reading of the engine's statistics, shared by every meter of one scrape. */
  private static final class Snapshot {
    final long atNanos;
    final OtpStats stats;

    Snapshot(long atNanos, OtpStats stats) {
      this.atNanos = atNanos;
      this.stats = stats;
    }
  }

  private CustosMetrics(MeterRegistry registry) {
    this.registry = registry;
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

  /**
   * Registers the denial and minting counters on a registry.
   *
   * @param registry the registry
   * @return the metrics, whose listeners the authorizer and the token service are built with
   * @throws NullPointerException if {@code registry} is null
   */
  public static CustosMetrics register(MeterRegistry registry) {
    return new CustosMetrics(Objects.requireNonNull(registry, "registry"));
  }

  private Counter minted(boolean twoFactor) {
    return Counter.builder("custos.tokens.minted")
        .description("Customer tokens minted, with and without two-factor verification")
        .tag("two_factor", Boolean.toString(twoFactor))
        .register(registry);
  }

  /**
   * Registers the OTP engine's meters, which read its statistics when the registry is read.
   *
   * @param engine the engine
   * @throws NullPointerException if {@code engine} is null
   * @throws IllegalStateException if an engine is bound already
   */
  public synchronized void bind(OtpEngine engine) {
    Objects.requireNonNull(engine, "engine");
    if (otp != null) {
      throw new IllegalStateException("an OTP engine is bound already");
    }
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
        .description("Challenges pending in this instance's store (-1 when shared)")
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
    if (s == null || now - s.atNanos > STATS_TTL_NANOS) {
      s = new Snapshot(now, otp.stats());
      stats.set(s);
    }
    return s.stats;
  }

  /**
   * Returns the listener that counts the authorizer's refusals.
   *
   * @return the listener, for {@code RequestAuthorizer.builder().listener(...)}
   */
  public AuthorizationListener authorizationListener() {
    return denial -> denials.get(denial).increment();
  }

  /**
   * Returns the listener that counts minted customer tokens.
   *
   * @return the listener, for {@code CustomerTokenService.builder().listener(...)}
   */
  public CustomerTokenListener tokenListener() {
    return twoFactor -> (twoFactor ? mintedWithTwoFactor : mintedWithoutTwoFactor).increment();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
