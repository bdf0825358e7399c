package dev.custos.otp;

/** The limits that can refuse to start a challenge; see {@link RateLimitedException#limit()}. */
public enum RateLimit {
  /** Too many codes sent to this phone number within the send window (default 5 in 10 minutes). */
  PHONE_SENDS,
  /**
   * A code was sent to this phone number less than the resend cooldown ago (default 30 seconds).
   */
  PHONE_COOLDOWN,
  /** Too many codes sent to this customer within the send window (default 5 in 10 minutes). */
  CUSTOMER_SENDS,
  /** The engine's global budget of sends per minute is spent (off unless configured). */
  GLOBAL_SENDS,
  /** The customer is locked out after too many consecutive wrong codes (default 20). */
  CUSTOMER_LOCKED,
  /** The engine holds its maximum number of pending challenges (default 1,000,000). */
  CAPACITY
}
