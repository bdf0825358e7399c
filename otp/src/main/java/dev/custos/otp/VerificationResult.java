package dev.custos.otp;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of {@link OtpEngine#verify}: an {@link #outcome()} to switch on, with the details some
 * outcomes carry.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class VerificationResult {
  private static final VerificationResult APPROVED =
      new VerificationResult(VerificationOutcome.APPROVED, 0, Duration.ZERO);
  private static final VerificationResult EXPIRED =
      new VerificationResult(VerificationOutcome.EXPIRED, 0, Duration.ZERO);
  private static final VerificationResult NOT_FOUND =
      new VerificationResult(VerificationOutcome.NOT_FOUND, 0, Duration.ZERO);
  private static final VerificationResult MAX_ATTEMPTS_REACHED =
      new VerificationResult(VerificationOutcome.MAX_ATTEMPTS_REACHED, 0, Duration.ZERO);

  private final VerificationOutcome outcome;
  private final int attemptsLeft;
  private final Duration retryAfter;

  private VerificationResult(VerificationOutcome outcome, int attemptsLeft, Duration retryAfter) {
    this.outcome = outcome;
    this.attemptsLeft = attemptsLeft;
    this.retryAfter = retryAfter;
  }

  static VerificationResult of(VerificationOutcome outcome) {
    return switch (outcome) {
      case APPROVED -> APPROVED;
      case EXPIRED -> EXPIRED;
      case NOT_FOUND -> NOT_FOUND;
      case MAX_ATTEMPTS_REACHED -> MAX_ATTEMPTS_REACHED;
      case INCORRECT_CODE, CUSTOMER_LOCKED ->
          throw new IllegalArgumentException(outcome + " carries details");
    };
  }

  static VerificationResult incorrectCode(int attemptsLeft) {
    return new VerificationResult(VerificationOutcome.INCORRECT_CODE, attemptsLeft, Duration.ZERO);
  }

  static VerificationResult customerLocked(Duration retryAfter) {
    return new VerificationResult(VerificationOutcome.CUSTOMER_LOCKED, 0, retryAfter);
  }

  /**
   * Returns what was decided.
   *
   * @return the outcome, never null
   */
  public VerificationOutcome outcome() {
    return outcome;
  }

  /**
   * Returns whether the code was right; the same as {@code outcome() == APPROVED}.
   *
   * @return {@code true} only for {@link VerificationOutcome#APPROVED}
   */
  public boolean approved() {
    return outcome == VerificationOutcome.APPROVED;
  }

  /**
   * Returns how many more codes may be tried on the challenge.
   *
   * @return at least 1 for {@link VerificationOutcome#INCORRECT_CODE}; 0 for every other outcome
   */
  public int attemptsLeft() {
    return attemptsLeft;
  }

  /**
   * Returns how long the customer must wait before trying again.
   *
   * @return a positive duration for {@link VerificationOutcome#CUSTOMER_LOCKED}; zero otherwise
   */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof VerificationResult other
        && other.outcome == outcome
        && other.attemptsLeft == attemptsLeft
        && other.retryAfter.equals(retryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcome, attemptsLeft, retryAfter);
  }

  @Override
  public String toString() {
    return switch (outcome) {
      case INCORRECT_CODE -> "INCORRECT_CODE[attemptsLeft=" + attemptsLeft + "]";
      case CUSTOMER_LOCKED -> "CUSTOMER_LOCKED[retryAfter=" + retryAfter + "]";
      default -> outcome.name();
    };
  }
}
