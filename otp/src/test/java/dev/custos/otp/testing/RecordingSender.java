package dev.custos.otp.testing;

import dev.custos.otp.OtpMessage;
import dev.custos.otp.OtpSender;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link OtpSender} that keeps every message it is given instead of sending it, and fails on
 * demand: what a test reads a code from, and how it plays an SMS provider that is down.
 *
 * <p>Thread-safe.
 */
public final class RecordingSender implements OtpSender {
  private final List<OtpMessage> messages = new CopyOnWriteArrayList<>();
  private volatile RuntimeException failure;

  /** Creates a sender that delivers (records) every message. */
  public RecordingSender() {}

  /**
   * Records the message, or throws the failure set by {@link #failWith}.
   *
   * @param message the message
   */
  @Override
  public void send(OtpMessage message) {
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
    messages.add(message);
  }

  /**
   * Makes every later send throw, as a provider that is down would; null delivers again.
   *
   * @param failure what {@link #send} throws, or null
   */
  public void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  /**
   * Returns the messages delivered so far, oldest first.
   *
   * @return an unmodifiable live view
   */
  public List<OtpMessage> messages() {
    return Collections.unmodifiableList(messages);
  }

  /**
   * Returns the last message delivered.
   *
   * @return the message
   * @throws IllegalStateException if none was
   */
  public OtpMessage last() {
    if (messages.isEmpty()) {
      throw new IllegalStateException("no message was sent");
    }
    return messages.get(messages.size() - 1);
  }

  /**
   * Returns the code the last message carries ({@link OtpMessage#code()}).
   *
   * @return the code
   * @throws IllegalStateException if no message was sent
   */
  public String lastCode() {
    return last().code();
  }
}
