package dev.custos.otp;

import com.github.benmanes.caffeine.cache.Scheduler;

/** Engines on fake time, with maintenance run at once on the calling thread. */
final class TestEngines {
  static final Phone PHONE = Phone.of("1", "5555550123");

  private TestEngines() {}

  static OtpEngineBuilder builder(FakeTime time, OtpSender sender) {
    return OtpEngine.builder()
        .brand("Unit")
        .sender(sender)
        .clock(time)
        .ticker(time)
        .executor(Runnable::run)
        .scheduler(Scheduler.disabledScheduler());
  }

  /** The same, with send limits out of the way of tests about something else. */
  static OtpEngineBuilder unlimited(FakeTime time, OtpSender sender) {
    return builder(time, sender)
        .maxSendsPerPhone(100)
        .maxSendsPerCustomer(100)
        .resendCooldown(java.time.Duration.ZERO);
  }
}
