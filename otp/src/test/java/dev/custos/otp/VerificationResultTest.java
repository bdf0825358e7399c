package dev.custos.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerificationResultTest {

  @ParameterizedTest
  @EnumSource(
      value = VerificationOutcome.class,
      names = {"APPROVED", "EXPIRED", "NOT_FOUND", "MAX_ATTEMPTS_REACHED"})
  void of_outcomeWithoutDetails_carriesNone(VerificationOutcome outcome) {
    VerificationResult result = VerificationResult.of(outcome);

    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.approved()).isEqualTo(outcome == VerificationOutcome.APPROVED);
    assertThat(result.attemptsLeft()).isZero();
    assertThat(result.retryAfter()).isZero();
    assertThat(result).hasToString(outcome.name()).isEqualTo(VerificationResult.of(outcome));
  }

  @ParameterizedTest
  @EnumSource(
      value = VerificationOutcome.class,
      names = {"INCORRECT_CODE", "CUSTOMER_LOCKED"})
  void of_outcomeWithDetails_throws(VerificationOutcome outcome) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerificationResult.of(outcome))
        .withMessage(outcome + " carries details");
  }

  @Test
  void of_null_throwsNpe() {
    assertThatNullPointerException().isThrownBy(() -> VerificationResult.of(null));
  }

  @Test
  void incorrectCode_attemptsAtTheirBound_acceptedAndShown() {
    VerificationResult one = VerificationResult.incorrectCode(1);

    assertThat(one.outcome()).isEqualTo(VerificationOutcome.INCORRECT_CODE);
    assertThat(one.attemptsLeft()).isEqualTo(1);
    assertThat(one.approved()).isFalse();
    assertThat(one).hasToString("INCORRECT_CODE[attemptsLeft=1]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerificationResult.incorrectCode(0))
        .withMessage("attemptsLeft must be at least 1");
  }

  @Test
  void customerLocked_positiveWait_acceptedAndShown() {
    VerificationResult locked = VerificationResult.customerLocked(Duration.ofMillis(1));

    assertThat(locked.outcome()).isEqualTo(VerificationOutcome.CUSTOMER_LOCKED);
    assertThat(locked.retryAfter()).isEqualTo(Duration.ofMillis(1));
    assertThat(locked).hasToString("CUSTOMER_LOCKED[retryAfter=PT0.001S]");
  }

  @Test
  void customerLocked_zeroOrNegativeWait_throws() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerificationResult.customerLocked(Duration.ZERO))
        .withMessage("retryAfter must be positive");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerificationResult.customerLocked(Duration.ofMillis(-1)));
    assertThatNullPointerException().isThrownBy(() -> VerificationResult.customerLocked(null));
  }

  @Test
  void equals_sameDetails_equalAndOtherDetailsNot() {
    VerificationResult two = VerificationResult.incorrectCode(2);
    VerificationResult locked = VerificationResult.customerLocked(Duration.ofMinutes(1));

    assertThat(two)
        .isEqualTo(VerificationResult.incorrectCode(2))
        .hasSameHashCodeAs(VerificationResult.incorrectCode(2))
        .isNotEqualTo(VerificationResult.incorrectCode(3))
        .isNotEqualTo(VerificationResult.of(VerificationOutcome.NOT_FOUND))
        .isNotEqualTo("INCORRECT_CODE[attemptsLeft=2]");
    assertThat(two.hashCode()).isNotEqualTo(VerificationResult.incorrectCode(3).hashCode());
    assertThat(locked)
        .isEqualTo(VerificationResult.customerLocked(Duration.ofMinutes(1)))
        .isNotEqualTo(VerificationResult.customerLocked(Duration.ofMinutes(2)));
  }

  @Test
  void equals_outcomesWithoutDetails_differByOutcome() {
    assertThat(VerificationResult.of(VerificationOutcome.EXPIRED))
        .isNotEqualTo(VerificationResult.of(VerificationOutcome.NOT_FOUND))
        .isNotEqualTo(null);
  }
}
