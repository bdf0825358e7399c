package dev.custos.otp;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of {@link OtpEngine#verify}: an {@link #outcome()} to switch on, with the details some
 * outcomes carry. Only the engine makes one (no public constructor or factory), so an approved
 * result always comes from a code the engine checked.
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

  /**
   * Returns the result of an outcome that carries no details. Only the engine makes results.
   *
   * @param outcome {@code APPROVED}, {@code EXPIRED}, {@code NOT_FOUND} or {@code
   *     MAX_ATTEMPTS_REACHED}
   * @return the result
   * @throws IllegalArgumentException for {@code INCORRECT_CODE} or {@code CUSTOMER_LOCKED}, which
   *     carry details
   * @throws NullPointerException if {@code outcome} is null
   */
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

  /**
   * Returns a wrong-code result. Only the engine makes results.
   *
   * @param attemptsLeft checks the challenge still allows, at least 1
   * @return the result
   * @throws IllegalArgumentException if {@code attemptsLeft} is less than 1
   */
  static VerificationResult incorrectCode(int attemptsLeft) {
    if (attemptsLeft < 1) {
      throw new IllegalArgumentException("attemptsLeft must be at least 1");
    }
    return new VerificationResult(VerificationOutcome.INCORRECT_CODE, attemptsLeft, Duration.ZERO);
  }

  /**
   * Returns a locked-out result. Only the engine makes results.
   *
   * @param retryAfter how long the lockout still lasts, positive
   * @return the result
   * @throws IllegalArgumentException if {@code retryAfter} is not positive
   * @throws NullPointerException if {@code retryAfter} is null
   */
  static VerificationResult customerLocked(Duration retryAfter) {
    if (retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException("retryAfter must be positive");
    }
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
