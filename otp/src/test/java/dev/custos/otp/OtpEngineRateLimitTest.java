package dev.custos.otp;

import static dev.custos.otp.TestEngines.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OtpEngineRateLimitTest {
  private final FakeClock time = FakeClock.create();
  private final RecordingSender sender = new RecordingSender();

  private static ChallengeRequest sms(String customer, Phone phone) {
    return ChallengeRequest.sms(customer, phone);
  }

  private static RateLimitedException refused(OtpEngine engine, ChallengeRequest request) {
    return assertThatExceptionOfType(RateLimitedException.class)
        .isThrownBy(() -> engine.start(request))
        .actual();
  }

  @Test
  void start_withinCooldown_refusedWithRemainingWait() throws Exception {
    OtpEngine engine = TestEngines.builder(time, sender).build();
    engine.start(sms("c1", PHONE));
    time.advance(Duration.ofSeconds(10));

    RateLimitedException e = refused(engine, sms("c1", PHONE));

    assertThat(e.limit()).isEqualTo(RateLimit.PHONE_COOLDOWN);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(20));
    assertThat(e).hasMessage("rate limited by PHONE_COOLDOWN; retry after 20 s");
    assertThat(sender.messages()).hasSize(1);
  }

  @Test
  void start_clockSteppedBack_cooldownLastsLongerByTheStep() throws Exception {
    // One time source: a clock stepped back lengthens a limit (fails closed), never resets it.
    OtpEngine engine = TestEngines.builder(time, sender).build();
    engine.start(sms("c1", PHONE));
    time.set(time.instant().minus(Duration.ofMinutes(1)));

    RateLimitedException e = refused(engine, sms("c1", PHONE));

    assertThat(e.limit()).isEqualTo(RateLimit.PHONE_COOLDOWN);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void start_afterCooldown_allowed() throws Exception {
    OtpEngine engine = TestEngines.builder(time, sender).build();
    engine.start(sms("c1", PHONE));
    time.advance(Duration.ofSeconds(30));

    engine.start(sms("c1", PHONE));

    assertThat(sender.messages()).hasSize(2);
  }

  @Test
  void start_sixthSendToPhoneInTenMinutes_refusedUntilOldestLeavesWindow() throws Exception {
    OtpEngine engine = TestEngines.builder(time, sender).maxSendsPerCustomer(100).build();
    for (int i = 0; i < 5; i++) {
      engine.start(sms("c" + i, PHONE));
      time.advance(Duration.ofMinutes(1));
    }

    RateLimitedException e = refused(engine, sms("c9", PHONE));

    assertThat(e.limit()).isEqualTo(RateLimit.PHONE_SENDS);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(5));
    time.advance(Duration.ofMinutes(5));
    engine.start(sms("c9", PHONE));
    assertThat(sender.messages()).hasSize(6);
  }

  @Test
  void start_sixthSendForCustomerToDifferentPhones_refused() throws Exception {
    OtpEngine engine = TestEngines.builder(time, sender).build();
    for (int i = 0; i < 5; i++) {
      engine.start(sms("c1", Phone.of("1", "555555010" + i)));
    }

    RateLimitedException e = refused(engine, sms("c1", Phone.of("1", "5555550109")));

    assertThat(e.limit()).isEqualTo(RateLimit.CUSTOMER_SENDS);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void start_refusedByCustomerLimit_doesNotSpendThePhonesAllowance() throws Exception {
    OtpEngine engine =
        TestEngines.builder(time, sender).maxSendsPerCustomer(1).maxSendsPerPhone(2).build();
    Phone shared = Phone.of("1", "5555550999");
    engine.start(sms("c1", Phone.of("1", "5555550100")));
    time.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      refused(engine, sms("c1", shared));
    }

    engine.start(sms("c2", shared));
    time.advance(Duration.ofMinutes(1));
    engine.start(sms("c3", shared));
    time.advance(Duration.ofMinutes(1));

    assertThat(refused(engine, sms("c4", shared)).limit()).isEqualTo(RateLimit.PHONE_SENDS);
  }

  @Test
  void start_globalBudgetSpent_refusedForEveryoneUntilNextMinute() throws Exception {
    OtpEngine engine = TestEngines.builder(time, sender).maxSendsPerMinute(3).build();
    for (int i = 0; i < 3; i++) {
      engine.start(sms("c" + i, Phone.of("1", "555555010" + i)));
    }

    RateLimitedException e = refused(engine, sms("c7", Phone.of("1", "5555550107")));

    assertThat(e.limit()).isEqualTo(RateLimit.GLOBAL_SENDS);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(1));
    time.advance(Duration.ofMinutes(1));
    engine.start(sms("c7", Phone.of("1", "5555550107")));
  }

  @Test
  void start_refusedByGlobalBudget_doesNotSpendPhoneOrCustomerAllowance() throws Exception {
    OtpEngine engine =
        TestEngines.builder(time, sender).maxSendsPerMinute(1).maxSendsPerPhone(1).build();
    engine.start(sms("other", Phone.of("1", "5555550100")));
    refused(engine, sms("c1", PHONE));
    time.advance(Duration.ofMinutes(1));

    engine.start(sms("c1", PHONE));
  }

  @Test
  void start_senderFailure_stillCountsAgainstLimits() throws Exception {
    OtpEngine engine = TestEngines.builder(time, sender).build();
    sender.failWith(new IllegalStateException("down"));
    assertThatExceptionOfType(DeliveryFailedException.class)
        .isThrownBy(() -> engine.start(sms("c1", PHONE)));
    sender.failWith(null);

    assertThat(refused(engine, sms("c1", PHONE)).limit()).isEqualTo(RateLimit.PHONE_COOLDOWN);
  }

  @Test
  void start_atCapacity_refusedUntilChallengesExpire() throws Exception {
    OtpEngine engine = TestEngines.unlimited(time, sender).maxPendingChallenges(2).build();
    engine.start(sms("c1", PHONE));
    engine.start(sms("c2", PHONE));

    assertThat(refused(engine, sms("c3", PHONE)).limit()).isEqualTo(RateLimit.CAPACITY);
    time.advance(Duration.ofMinutes(10));
    engine.start(sms("c3", PHONE));
  }

  @Test
  void maxPendingChallenges_n_admitsNStartsOfDistinctCustomersAndPhones() throws Exception {
    for (int n = 1; n <= 4; n++) {
      OtpEngine engine = TestEngines.unlimited(time, sender).maxPendingChallenges(n).build();
      for (int i = 0; i < n; i++) {
        engine.start(sms("n" + n + "-c" + i, Phone.of("1", "55555501" + n + i)));
      }

      assertThat(refused(engine, sms("n" + n + "-over", Phone.of("1", "5555550199"))).limit())
          .as("the start after %d", n)
          .isEqualTo(RateLimit.CAPACITY);
    }
  }

  @Test
  void build_storeAndMaxPendingChallenges_refusedAsTheBoundWouldNotApply() {
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TestEngines.unlimited(time, sender)
                    .store(new CaffeineOtpStore(10, 21, time))
                    .maxPendingChallenges(5)
                    .build())
        .withMessageStartingWith("maxPendingChallenges bounds the in-process store only");
  }

  @Test
  void stats_countRefusalsByLimit() throws Exception {
    OtpEngine engine = TestEngines.builder(time, sender).build();
    engine.start(sms("c1", PHONE));
    refused(engine, sms("c1", PHONE));
    refused(engine, sms("c2", PHONE));

    assertThat(engine.stats().rateLimited(RateLimit.PHONE_COOLDOWN)).isEqualTo(2);
    assertThat(engine.stats().rateLimited(RateLimit.PHONE_SENDS)).isZero();
    assertThat(engine.stats().started()).isEqualTo(1);
  }

  @Test
  void stats_afterLifetime_pendingChallengesLeaveMemory() throws Exception {
    OtpEngine engine = TestEngines.unlimited(time, sender).build();
    for (int i = 0; i < 50; i++) {
      engine.start(sms("c" + i, PHONE));
    }
    assertThat(engine.stats().pendingChallenges()).isEqualTo(50);

    time.advance(Duration.ofMinutes(9).plusSeconds(59));
    assertThat(engine.stats().pendingChallenges()).isEqualTo(50);

    time.advance(Duration.ofSeconds(1));
    assertThat(engine.stats().pendingChallenges()).isZero();
  }

  @Test
  void start_byDefault_globalBudgetOf1000AMinute() throws Exception {
    OtpEngine engine =
        TestEngines.builder(time, sender).maxSendsPerPhone(100).maxSendsPerCustomer(100).build();
    for (int i = 0; i < 1_000; i++) {
      engine.start(sms("c" + i, Phone.of("1", Long.toString(5_550_000_000L + i))));
    }

    RateLimitedException e = refused(engine, sms("c-next", Phone.of("1", "5559999999")));

    assertThat(e.limit()).isEqualTo(RateLimit.GLOBAL_SENDS);
  }
}
