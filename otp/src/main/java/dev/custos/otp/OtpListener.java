package dev.custos.otp;

import java.time.Duration;
import java.util.Optional;

/**
 * Hears of what an engine decides that a host may want to act on: a customer locked out by
 * consecutive wrong codes, so that it can warn the payer (PSD2's Article 4 asks for a block after 5
 * failures, and a host tells the payer before it becomes permanent). Called on the verifying thread
 * after the decision; quick, thread-safe, and never throwing (a throw is logged and ignored).
 * Receives no code, token or phone.
 */
public interface OtpListener {
  /**
   * A wrong code (or a failed device proof) locked the customer out.
   *
   * @param customerId the customer
   * @param lockout how long; empty when the lockout lasts until the host calls {@link
   *     OtpEngine#unlock}
   * @param payment whether the failure was a payment's verification ({@link
   *     ChallengeRequest#withTransaction})
   */
  default void customerLockedOut(String customerId, Optional<Duration> lockout, boolean payment) {}
}
