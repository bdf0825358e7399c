package dev.custos.kit;

import dev.custos.otp.OtpMessage;
import dev.custos.otp.OtpSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@link OtpSender} that keeps what it is given, so that a test reads the code it would have
 * received by SMS or voice call: {@code sender.code("100001")}, typed, no message scraping. {@link
 * InMemoryPlatform} sends to one, and the Spring Boot test starter makes one a bean. Its {@link
 * #toString()} shows a count, never a code. Thread-safe; for tests only.
 */
public final class CapturingOtpSender implements OtpSender {
  private final List<OtpMessage> messages = new ArrayList<>();

  /** Creates a sender that has kept nothing yet. */
  public CapturingOtpSender() {}

  @Override
  public synchronized void send(OtpMessage message) {
    messages.add(message);
  }

  /**
   * Returns the last message sent to a customer.
   *
   * @param customerId the customer
   * @return the message (its code, channel, language and phone), or empty if none was sent
   */
  public synchronized Optional<OtpMessage> latest(String customerId) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).customerId().equals(customerId)) {
        return Optional.of(messages.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the code of the last message sent to a customer.
   *
   * @param customerId the customer
   * @return the six-digit code
   * @throws IllegalStateException if no code was sent to the customer
   */
  public String code(String customerId) {
    return latest(customerId)
        .map(OtpMessage::code)
        .orElseThrow(
            () -> new IllegalStateException("no one-time code was sent to customer " + customerId));
  }

  /**
   * Returns every message sent, oldest first.
   *
   * @return a copy of the messages
   */
  public synchronized List<OtpMessage> messages() {
    return List.copyOf(messages);
  }

  /** Forgets every message. */
  public synchronized void clear() {
    messages.clear();
  }

  @Override
  public synchronized String toString() {
    return "CapturingOtpSender[" + messages.size() + " messages]";
  }
}
