package dev.custos.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.custos.otp.spi.LockoutPolicy;
import dev.custos.otp.spi.OtpStore.Scope;
import dev.custos.otp.spi.SendDecision;
import dev.custos.otp.spi.SendLimit;
import dev.custos.otp.spi.SendSlot;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The store SPI's value types: every bound at its edge, and what their strings show. */
class OtpStoreValuesTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @ParameterizedTest
  @CsvSource({
    "1, 1000, 0",
    "1000000, 1000, 1000",
    "5, 86400000, 86400000",
    "5, 600000, 30000",
  })
  void sendLimitOf_valuesAtTheirBounds_accepted(int max, long windowMillis, long cooldownMillis) {
    SendLimit limit =
        SendLimit.of(
            RateLimit.PHONE_SENDS,
            max,
            Duration.ofMillis(windowMillis),
            Duration.ofMillis(cooldownMillis));

    assertThat(limit.max()).isEqualTo(max);
    assertThat(limit.windowMillis()).isEqualTo(windowMillis);
    assertThat(limit.cooldownMillis()).isEqualTo(cooldownMillis);
    assertThat(limit.limit()).isEqualTo(RateLimit.PHONE_SENDS);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 60000, 0, max must be 1 to 1000000",
    "-1, 60000, 0, max must be 1 to 1000000",
    "1000001, 60000, 0, max must be 1 to 1000000",
    "5, 999, 0, window must be 1 s to 24 h",
    "5, 86400001, 0, window must be 1 s to 24 h",
    "5, 60000, -1, cooldown must be zero to the window",
    "5, 60000, 60001, cooldown must be zero to the window",
  })
  void sendLimitOf_valueJustOutsideItsBound_throws(
      int max, long windowMillis, long cooldownMillis, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                SendLimit.of(
                    RateLimit.PHONE_SENDS,
                    max,
                    Duration.ofMillis(windowMillis),
                    Duration.ofMillis(cooldownMillis)))
        .withMessage(message);
  }

  @Test
  void sendLimitAndSlot_toString_showLimitsButNotTheId() {
    SendLimit limit = SendLimit.of(RateLimit.CUSTOMER_SENDS, 5, Duration.ofMinutes(10), MINUTE);
    SendSlot slot = SendSlot.of(Scope.PHONE, "keyed-phone-id", limit);

    assertThat(limit).hasToString("SendLimit[CUSTOMER_SENDS, 5 per 600000 ms]");
    assertThat(slot).hasToString("SendSlot[PHONE, SendLimit[CUSTOMER_SENDS, 5 per 600000 ms]]");
    assertThat(slot.id()).isEqualTo("keyed-phone-id");
    assertThat(slot.scope()).isEqualTo(Scope.PHONE);
    assertThat(slot.limit()).isSameAs(limit);
  }

  @Test
  void sendDecision_toString_namesTheRefusal() {
    assertThat(SendDecision.acquired()).hasToString("acquired");
    assertThat(SendDecision.refused(RateLimit.PHONE_COOLDOWN, 2_500))
        .hasToString("refused by PHONE_COOLDOWN for 2500 ms");
    assertThat(SendDecision.refused(RateLimit.PHONE_COOLDOWN, 0).retryAfterMillis()).isEqualTo(1);
    assertThatNullPointerException().isThrownBy(() -> SendDecision.refused(null, 5));
  }

  @Test
  void lockoutPolicyOf_smallestValues_accepted() {
    LockoutPolicy policy = LockoutPolicy.of(1, Duration.ofMillis(1), 1, Duration.ofMillis(1));

    assertThat(policy.failuresPerLockout()).isEqualTo(1);
    assertThat(policy.firstLockoutMillis()).isEqualTo(1);
    assertThat(policy.permanentAfter()).isEqualTo(1);
    assertThat(policy.memoryMillis()).isEqualTo(1);
    assertThat(policy).hasToString("LockoutPolicy[1 failures lock 1 ms, doubling; permanent at 1]");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 60000, 100, 86400000",
    "3, 0, 100, 86400000",
    "3, 60000, 0, 86400000",
    "3, 60000, 100, 59999",
  })
  void lockoutPolicyOf_valueJustOutsideItsBound_throws(
      int perLockout, long firstMillis, int permanentAfter, long memoryMillis) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                LockoutPolicy.of(
                    perLockout,
                    Duration.ofMillis(firstMillis),
                    permanentAfter,
                    Duration.ofMillis(memoryMillis)))
        .withMessage("invalid lockout policy");
  }

  @ParameterizedTest
  @CsvSource({
    "-3, 0",
    "0, 0",
    "1, 0",
    "2, 0",
    "3, 60000",
    "4, 0",
    "6, 120000",
    "9, 240000",
    "63, 86400000",
    "98, 0",
    "99, 86400000",
    "100, " + Long.MAX_VALUE,
    "101, " + Long.MAX_VALUE,
  })
  void lockoutAfter_failures_lockEveryThirdDoublingToADayThenForGood(int failures, long millis) {
    LockoutPolicy policy = LockoutPolicy.of(3, MINUTE, 100, Duration.ofDays(1));

    assertThat(policy.lockoutAfter(failures)).isEqualTo(millis);
  }

  @ParameterizedTest
  @CsvSource({"-3, 0", "0, 0", "3, 1", "6, 2", "9, 4"})
  void lockoutAfter_oddFirstLockout_noShiftOutsideItsRange(int failures, long millis) {
    // With an odd first lockout, a shift by a negative count would show as a huge or negative
    // lockout rather than none.
    LockoutPolicy policy = LockoutPolicy.of(3, Duration.ofMillis(1), 100, Duration.ofDays(1));

    assertThat(policy.lockoutAfter(failures)).isEqualTo(millis);
  }
}
