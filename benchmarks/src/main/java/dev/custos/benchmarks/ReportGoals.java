package dev.custos.benchmarks;

import dev.custos.benchmarks.JmhResults.Result;
import java.util.Locale;

/** The goals table of {@link ReportWriter}: every goal an issue set, measured and marked. */
final class ReportGoals {
  private final JmhResults results;
  private final StringBuilder md;

  ReportGoals(JmhResults results, StringBuilder md) {
    this.results = results;
    this.md = md;
  }

  /** Appends the goals of one thread count, each measured and marked met or not. */
  void write(int threads) {
    double sign = results.speed("TokenBenchmark.bouncyCastleSign", threads);
    double rawVerify = results.speed("TokenBenchmark.bouncyCastleVerify", threads);
    double mint = results.speed("TokenBenchmark.custosMint", threads);
    double verify = results.speed("TokenBenchmark.custosVerify", threads);
    String tokens = "tokens=10000";
    double hit = results.speed("AuthorizeBenchmark.authorizeCacheHit", tokens, threads);
    double lookup = results.speed("AuthorizeBenchmark.caffeineGetIfPresent", tokens, threads);
    double lookupAndClock =
        results.speed("AuthorizeBenchmark.caffeineGetIfPresentAndClock", tokens, threads);
    double otpSmall = results.speed("OtpVerifyBenchmark.verify", "pending=10000", threads);
    double otpLarge = results.speed("OtpVerifyBenchmark.verify", "pending=1000000", threads);
    md.append("Goals, ").append(threads).append(threads == 1 ? " thread:\n\n" : " threads:\n\n");
    md.append("| goal | measured | met |\n|---|---:|:---:|\n");
    goal("mint ≥ 0.95 × raw Ed25519 sign", mint / sign, 0.95);
    goal("cold verify ≥ 0.95 × raw Ed25519 verify", verify / rawVerify, 0.95);
    goal(
        "mint ≥ 1.5 × fastest peer",
        mint
            / ReportWriter.fastestPeer(
                results, threads, "jpasetoMint", "nimbusEd25519Sign", "nimbusEs256Sign"),
        1.5);
    goal(
        "verify ≥ 1.5 × fastest peer",
        verify
            / ReportWriter.fastestPeer(
                results, threads, "jpasetoVerify", "nimbusEd25519Verify", "nimbusEs256Verify"),
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
    goal(
        "passkey assertion verify within 2 × raw P-256 ECDSA verify (ratio ≥ 0.5)",
        results.speed("PasskeyBenchmark.assertionVerify", threads)
            / results.speed("PasskeyBenchmark.rawEcdsaVerify", threads),
        0.5);
    double ping = results.speed("RedisOtpBenchmark.redisPing", threads);
    goal(
        "Redis OTP verify within 1.5 × a PING (throughput ratio ≥ 0.67)",
        results.speed("RedisOtpBenchmark.redisVerify", threads) / ping,
        1 / 1.5);
    goal(
        "Redis OTP start within 2 × a PING (throughput ratio ≥ 0.5)",
        results.speed("RedisOtpBenchmark.redisStart", threads) / ping,
        1 / 2.0);
    for (String deployment : new String[] {"standalone", "sentinel", "cluster"}) {
      String param = "deployment=" + deployment;
      double floor = results.speed("RedisDeploymentsBenchmark.ping", param, threads);
      if (Double.isNaN(floor)) {
        continue;
      }
      goal(
          "Redis (" + deployment + "): OTP verify within 1.5 × a PING (ratio ≥ 0.67)",
          results.speed("RedisDeploymentsBenchmark.verify", param, threads) / floor,
          1 / 1.5);
      goal(
          "Redis (" + deployment + "): OTP start within 2 × a PING (ratio ≥ 0.5)",
          results.speed("RedisDeploymentsBenchmark.start", param, threads) / floor,
          1 / 2.0);
      double verifyAlone =
          results.speed("RedisDeploymentsBenchmark.verifyNotWaiting", param, threads);
      if (!Double.isNaN(verifyAlone)) {
        goal("  verify without its WAIT within 1.5 × a PING", verifyAlone / floor, 1 / 1.5);
        goal(
            "  start within 2 × two PINGs sent together (its two slots' floor)",
            results.speed("RedisDeploymentsBenchmark.start", param, threads)
                / results.speed("RedisDeploymentsBenchmark.pingTwo", param, threads),
            1 / 2.0);
      }
    }
    double off = results.speed("FilterBenchmark.securityOff", threads);
    if (!Double.isNaN(off)) {
      goal(
          "Spring: a request with a cached token through the Custos filter ≥ 0.9 × security off",
          results.speed("FilterBenchmark.custosCachedToken", threads) / off,
          0.9);
      goal(
          "  over HTTP on loopback (Tomcat, the JDK's client)",
          results.speed("FilterBenchmark.httpCustosCachedToken", threads)
              / results.speed("FilterBenchmark.httpSecurityOff", threads),
          0.9);
      goal(
          "Spring: first-seen token through the Custos filter ≥ 1.5 × Spring's JWT resource server"
              + " (NimbusJwtDecoder, ES256)",
          results.speed("FilterBenchmark.custosFirstSeenToken", threads)
              / results.speed("FilterBenchmark.nimbusJwtFirstSeen", threads),
          1.5);
    }
    Result mintResult = results.find("TokenBenchmark.custosMint", "", threads);
    if (mintResult != null && !Double.isNaN(mintResult.bytesPerOp())) {
      bytesGoal("mint allocates ≤ 4 KB/op", mintResult.bytesPerOp(), 4096);
      bytesGoal(
          "cold verify allocates ≤ 10 KB/op",
          results.bytes("TokenBenchmark.custosVerify", "", threads),
          10_240);
      double beyond =
          results.bytes("AuthorizeBenchmark.authorizeCacheHit", tokens, threads)
              - results.bytes("AuthorizeBenchmark.caffeineGetIfPresent", tokens, threads);
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
        Result r = results.find(name, "", threads);
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
        Result r = results.find(name, tokens, threads);
        if (r != null && r.forkMeans().size() > 1) {
          spreadGoal(name + ": forks within 10 % of each other", r.forkSpread(), 0.10);
        }
      }
    }
    md.append('\n');
    md.append(
        "Round trips per operation on Redis, counted by a proxy (`RoundTripTest`): a start one"
            + " (the\ncustomer window with the lockout and the challenge, the phone window and the"
            + " global budget,\npipelined: three scripts; the global budget is off in these"
            + " benchmarks); a code check one\n(one script, with its `WAIT` pipelined where the"
            + " deployment has replicas). The cost of `WAIT`\nis `revokeWaiting` against"
            + " `revokeNotWaiting` (the \"vs raw limit\" column), and `verify` against\n"
            + "`verifyNotWaiting`; `pingTwo` is two `PING`s sent together (to two masters of the"
            + " cluster),\nthe floor of a start, whose customer and phone windows are two slots.\n\n");
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

  private static String fmt(double value) {
    return ReportWriter.fmt(value);
  }

  private static String percent(double fraction) {
    return ReportWriter.percent(fraction);
  }
}
