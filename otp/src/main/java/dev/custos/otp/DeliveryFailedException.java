package dev.custos.otp;

/**
 * Thrown when the {@link OtpSender} failed to deliver the code. The challenge was not created, so
 * nothing is left to expire or to be guessed; the attempt still counts against the send limits,
 * since a provider may have delivered or billed the message before failing.
 *
 * <p>The cause is the sender's own exception; its message is the host's and may hold whatever the
 * host's SMS client put there.
 */
public final class DeliveryFailedException extends OtpStartException {
  private static final long serialVersionUID = 1L;

  DeliveryFailedException(Channel channel, Throwable cause) {
    super(channel + " delivery failed", cause);
  }
}
