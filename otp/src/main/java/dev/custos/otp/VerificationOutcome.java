package dev.custos.otp;

/**
 * What {@link OtpEngine#verify} decided. Switch on it: only {@link #APPROVED} lets a caller mint a
 * token that needs two-factor authentication.
 */
public enum VerificationOutcome {
  /** The code is right. The challenge is consumed: the same token never verifies again. */
  APPROVED,
  /**
   * The code is wrong; {@link VerificationResult#attemptsLeft()} more codes may be tried on this
   * challenge.
   */
  INCORRECT_CODE,
  /** The challenge's lifetime is over; the customer must start a new one. */
  EXPIRED,
  /**
   * No such challenge for this customer: the token is unknown, forged, malformed, superseded by a
   * newer challenge, already used, burned by too many wrong codes, or belongs to another customer.
   * These cases are deliberately indistinguishable.
   */
  NOT_FOUND,
  /**
   * The code was wrong and it was the challenge's last allowed attempt: the challenge is burned,
   * and the customer must start a new one.
   */
  MAX_ATTEMPTS_REACHED,
  /**
   * Too many consecutive wrong codes across this customer's challenges: the customer may neither
   * start nor check challenges until {@link VerificationResult#retryAfter()} has passed. The code
   * was not checked.
   */
  CUSTOMER_LOCKED
}
