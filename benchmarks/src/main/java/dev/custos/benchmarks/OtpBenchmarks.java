package dev.custos.benchmarks;

import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpEngineBuilder;
import dev.custos.otp.OtpStartException;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationChallenge;
import java.time.Duration;

/** Engines and customers shared by the OTP benchmarks and the memory figures. */
final class OtpBenchmarks {
  private OtpBenchmarks() {}

  /** An engine with a no-op sender and send limits out of the way of a steady benchmark. */
  static OtpEngine engine(int capacity) {
    return shared().maxPendingChallenges(capacity).build();
  }

  /**
   * The engine's builder without the in-process store's bound, for a store of another kind (which
   * has bounds of its own, and would refuse both).
   */
  static OtpEngineBuilder shared() {
    return OtpEngine.builder()
        .brand("Bench")
        .sender(message -> {})
        .maxSendsPerPhone(100)
        .maxSendsPerCustomer(100)
        .resendCooldown(Duration.ZERO)
        // No global budget, as in every published run: the in-process window costs O(budget) per
        // send (see the notes), and a steady benchmark would spend a default budget in a blink.
        .maxSendsPerMinute(0);
  }

  static String customer(int i) {
    return Integer.toString(1_000_000 + i);
  }

  static Phone phone(int i) {
    return Phone.of("1", Long.toString(2_000_000_000L + i));
  }

  static VerificationChallenge start(OtpEngine engine, int i) {
    try {
      return engine.start(ChallengeRequest.sms(customer(i), phone(i)));
    } catch (OtpStartException e) {
      throw new IllegalStateException(e);
    }
  }
}
