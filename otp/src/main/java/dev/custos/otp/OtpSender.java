package dev.custos.otp;

/**
 * Delivers verification messages: the host's bridge to its SMS and voice provider.
 *
 * <p>The engine renders the message (see {@link OtpMessage#body()}) and calls {@link #send} once
 * per started challenge, on the thread that called {@link OtpEngine#start}, outside any lock. A
 * send that returns normally means the provider accepted the message; one that throws means it did
 * not, and no challenge is created.
 *
 * <p>Implementations must be thread-safe, must not log the body (it holds the code) or the full
 * phone number, and should bound their own time (a provider call with a timeout).
 *
 * <p>Compatibility: a service provider interface, implemented by hosts. A minor release adds a
 * method to it only with a default that keeps existing implementations working; a new abstract
 * method is a major release.
 */
@FunctionalInterface
public interface OtpSender {
  /**
   * Delivers one message.
   *
   * @param message what to send, and where
   * @throws Exception if the message was not accepted for delivery; the engine reports it to its
   *     caller as {@link DeliveryFailedException}
   */
  void send(OtpMessage message) throws Exception;
}
