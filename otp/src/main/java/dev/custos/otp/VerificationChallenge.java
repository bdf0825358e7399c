package dev.custos.otp;

import java.time.Instant;

/**
 * A started challenge: the verification token to hand back to the client, and when the challenge
 * expires.
 *
 * <p>The verification token is a bearer secret of the challenge (half of what proves the customer;
 * the code is the other half): {@link #toString()} never shows it. Instances are immutable and safe
 * to share between threads.
 */
public final class VerificationChallenge {
  private final String verificationToken;
  private final Instant expiresAt;

  VerificationChallenge(String verificationToken, Instant expiresAt) {
    this.verificationToken = verificationToken;
    this.expiresAt = expiresAt;
  }

  /**
   * Returns the verification token: opaque, URL-safe, to be passed back with the code to {@link
   * OtpEngine#verify}.
   *
   * @return the token
   */
  public String verificationToken() {
    return verificationToken;
  }

  /**
   * Returns the instant the challenge expires: a check at or after it gets {@link
   * VerificationOutcome#EXPIRED}.
   *
   * @return the expiry instant
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Returns a description without the token.
   *
   * @return a string such as {@code VerificationChallenge[expiresAt=2026-11-29T10:10:00Z]}
   */
  @Override
  public String toString() {
    return "VerificationChallenge[expiresAt=" + expiresAt + "]";
  }
}
