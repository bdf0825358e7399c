package dev.custos.server;

import dev.custos.otp.Channel;
import dev.custos.otp.OtpMessage;
import dev.custos.otp.OtpSender;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Delivers nothing: keeps the last messages in memory so a developer can read the code from {@code
 * GET /sandbox/messages}. Outside sandbox mode the server has no SMS provider and refuses to send.
 */
final class SandboxSender implements OtpSender {
  static final int KEPT = 100;

  /** A message the sandbox "delivered". */
  record Delivered(
      long id,
      Instant sentAt,
      String customerId,
      Channel channel,
      String to,
      String language,
      String body) {}

  private final Clock clock;
  private final boolean sandbox;
  private final Deque<Delivered> messages = new ArrayDeque<>();
  private long nextId = 1;
  private volatile String lastCode;
  private volatile String lastCustomerId;

  SandboxSender(Clock clock, boolean sandbox) {
    this.clock = clock;
    this.sandbox = sandbox;
  }

  @Override
  public synchronized void send(OtpMessage message) {
    if (!sandbox) {
      throw new IllegalStateException("the reference server has no SMS or voice provider");
    }
    messages.addFirst(
        new Delivered(
            nextId++,
            clock.instant(),
            message.customerId(),
            message.channel(),
            message.phone().masked(),
            message.language(),
            message.body()));
    while (messages.size() > KEPT) {
      messages.removeLast();
    }
    lastCustomerId = message.customerId();
    lastCode = message.code();
  }

  /** Newest first, optionally only one customer's. */
  synchronized List<Delivered> messages(String customerId) {
    List<Delivered> result = new ArrayList<>();
    for (Delivered d : messages) {
      if (customerId == null || d.customerId().equals(customerId)) {
        result.add(d);
      }
    }
    return result;
  }

  /** The code of the message just sent, if it went to this customer; for the sandbox passcode. */
  String lastCodeFor(String customerId) {
    return customerId.equals(lastCustomerId) ? lastCode : null;
  }
}
