package dev.custos.otp;

import dev.custos.testing.FakeClock;
import java.time.Duration;

/** Engines on a fake clock. */
final class TestEngines {
  static final Phone PHONE = Phone.of("1", "5555550123");

  private TestEngines() {}

  static OtpEngineBuilder builder(FakeClock time, OtpSender sender) {
    return OtpEngine.builder().brand("Unit").sender(sender).clock(time);
  }

  /** The same, with send limits out of the way of tests about something else. */
  static OtpEngineBuilder unlimited(FakeClock time, OtpSender sender) {
    return builder(time, sender)
        .maxSendsPerPhone(100)
        .maxSendsPerCustomer(100)
        .resendCooldown(Duration.ZERO)
        .maxSendsPerMinute(1_000_000);
  }
}
