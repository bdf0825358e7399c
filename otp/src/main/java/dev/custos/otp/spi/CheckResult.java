package dev.custos.otp.spi;

import java.util.Objects;

/**
 * A store's answer to {@link OtpStore#check}: what it decided, with the attempts left or the
 * lockout's remaining time. The engine turns it into the {@link dev.custos.otp.VerificationResult}
 * its callers see; a store's answer is never itself a verified value.
 *
 * <p>Immutable.
 */
public final class CheckResult {
  /** What a check decided. */
  public enum Outcome {
    /** The code matched: the challenge is consumed and the customer's failures cleared. */
    APPROVED,
    /** The code did not match; attempts are left. */
    INCORRECT_CODE,
    /** The code did not match and it was the last attempt: the challenge is gone. */
    MAX_ATTEMPTS_REACHED,
    /** The verification token or its challenge has expired. */
    EXPIRED,
    /** No pending challenge has the token's id (never started, superseded, or used). */
    NOT_FOUND,
    /** The customer is locked out; nothing was compared. */
    CUSTOMER_LOCKED
  }

  private static final CheckResult APPROVED = new CheckResult(Outcome.APPROVED, 0, 0);
  private static final CheckResult MAX_ATTEMPTS =
      new CheckResult(Outcome.MAX_ATTEMPTS_REACHED, 0, 0);
  private static final CheckResult EXPIRED = new CheckResult(Outcome.EXPIRED, 0, 0);
  private static final CheckResult NOT_FOUND = new CheckResult(Outcome.NOT_FOUND, 0, 0);

  private final Outcome outcome;
  private final int attemptsLeft;
  private final long retryAfterMillis;
  private final long lockedOutMillis;

  private CheckResult(Outcome outcome, int attemptsLeft, long retryAfterMillis) {
    this(outcome, attemptsLeft, retryAfterMillis, 0);
  }

  private CheckResult(
      Outcome outcome, int attemptsLeft, long retryAfterMillis, long lockedOutMillis) {
    this.outcome = outcome;
    this.attemptsLeft = attemptsLeft;
    this.retryAfterMillis = retryAfterMillis;
    this.lockedOutMillis = lockedOutMillis;
  }

  /**
   * Returns this failure's result saying that the failure it counts locked the customer out: the
   * engine tells its listener (a payer is warned before a permanent block).
   *
   * @param lockedOutMillis how long, {@link Long#MAX_VALUE} for until unlocked; 0 for no lockout
   * @return the result with the lockout
   * @throws IllegalArgumentException if this is not a wrong code's result, or the time is negative
   */
  public CheckResult withLockout(long lockedOutMillis) {
    if (outcome != Outcome.INCORRECT_CODE && outcome != Outcome.MAX_ATTEMPTS_REACHED) {
      throw new IllegalArgumentException("only a counted failure locks a customer out");
    }
    if (lockedOutMillis < 0) {
      throw new IllegalArgumentException("lockedOutMillis must not be negative");
    }
    return new CheckResult(outcome, attemptsLeft, retryAfterMillis, lockedOutMillis);
  }

  /**
   * Returns how long the failure this result counts locked the customer out.
   *
   * @return milliseconds; {@link Long#MAX_VALUE} for until unlocked; 0 if it locked nobody
   */
  public long lockedOutMillis() {
    return lockedOutMillis;
  }

  /**
   * Returns the answer that the code matched.
   *
   * @return the result
   */
  public static CheckResult approved() {
    return APPROVED;
  }

  /**
   * Returns the answer that the code did not match.
   *
   * @param attemptsLeft checks the challenge still allows, at least 1
   * @return the result
   * @throws IllegalArgumentException if {@code attemptsLeft} is less than 1
   */
  public static CheckResult incorrectCode(int attemptsLeft) {
    if (attemptsLeft < 1) {
      throw new IllegalArgumentException("attemptsLeft must be at least 1");
    }
    return new CheckResult(Outcome.INCORRECT_CODE, attemptsLeft, 0);
  }

  /**
   * Returns the answer that the last attempt was wrong and the challenge is gone.
   *
   * @return the result
   */
  public static CheckResult maxAttemptsReached() {
    return MAX_ATTEMPTS;
  }

  /**
   * Returns the answer that the verification or its challenge has expired.
   *
   * @return the result
   */
  public static CheckResult expired() {
    return EXPIRED;
  }

  /**
   * Returns the answer that no pending challenge has the token's id.
   *
   * @return the result
   */
  public static CheckResult notFound() {
    return NOT_FOUND;
  }

  /**
   * Returns the answer that the customer is locked out.
   *
   * @param retryAfterMillis how long the lockout still lasts, at least 1
   * @return the result
   * @throws IllegalArgumentException if {@code retryAfterMillis} is less than 1
   */
  public static CheckResult customerLocked(long retryAfterMillis) {
    if (retryAfterMillis < 1) {
      throw new IllegalArgumentException("retryAfterMillis must be at least 1");
    }
    return new CheckResult(Outcome.CUSTOMER_LOCKED, 0, retryAfterMillis);
  }

  /**
   * Returns what was decided.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Returns how many more codes may be tried.
   *
   * @return at least 1 for {@link Outcome#INCORRECT_CODE}; 0 otherwise
   */
  public int attemptsLeft() {
    return attemptsLeft;
  }

  /**
   * Returns how long the lockout still lasts.
   *
   * @return at least 1 for {@link Outcome#CUSTOMER_LOCKED}; 0 otherwise
   */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof CheckResult other
        && other.outcome == outcome
        && other.attemptsLeft == attemptsLeft
        && other.retryAfterMillis == retryAfterMillis
        && other.lockedOutMillis == lockedOutMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcome, attemptsLeft, retryAfterMillis);
  }

  @Override
  public String toString() {
    return switch (outcome) {
      case INCORRECT_CODE -> "INCORRECT_CODE[attemptsLeft=" + attemptsLeft + "]";
      case CUSTOMER_LOCKED -> "CUSTOMER_LOCKED[retryAfterMillis=" + retryAfterMillis + "]";
      default -> outcome.name();
    };
  }
}
