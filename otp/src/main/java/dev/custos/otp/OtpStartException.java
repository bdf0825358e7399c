package dev.custos.otp;

/**
 * Thrown when {@link OtpEngine#start} could not start a challenge for a reason the caller must
 * handle: a {@linkplain RateLimitedException limit} refused it, or the {@linkplain
 * DeliveryFailedException sender failed}. Either way no challenge exists afterwards.
 */
public abstract sealed class OtpStartException extends Exception
    permits RateLimitedException, DeliveryFailedException {
  private static final long serialVersionUID = 1L;

  OtpStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
