package dev.custos.jsonapi;

import dev.custos.otp.OtpMessage;
import dev.custos.otp.OtpSender;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A sandbox's SMS and voice provider: delivers nothing, keeps the last {@value #KEPT} messages in
 * memory, where {@link SandboxMessagesEndpoint} ({@code GET /sandbox/messages}) shows them to the
 * platform's org tokens, so a developer reads the code without a phone. Phones are kept masked.
 * Never for production. Thread-safe.
 */
public final class SandboxOutbox implements OtpSender {
  /** How many messages are kept, newest first. */
  public static final int KEPT = 100;

  /** One message the sandbox "delivered". */
  static final class Delivered {
    final long id;
    final Instant sentAt;
    final OtpMessage message;

    Delivered(long id, Instant sentAt, OtpMessage message) {
      this.id = id;
      this.sentAt = sentAt;
      this.message = message;
    }
  }

  private final Clock clock;
  private final Deque<Delivered> messages = new ArrayDeque<>();
  private long nextId = 1;

  /**
   * Creates an empty outbox.
   *
   * @param clock the platform's clock, for each message's {@code sentAt}
   * @throws NullPointerException if {@code clock} is null
   */
  public SandboxOutbox(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized void send(OtpMessage message) {
    messages.addFirst(new Delivered(nextId++, clock.instant(), message));
    while (messages.size() > KEPT) {
      messages.removeLast();
    }
  }

  /** Newest first, optionally one customer's only. */
  synchronized List<Delivered> messages(String customerId) {
    List<Delivered> result = new ArrayList<>();
    for (Delivered d : messages) {
      if (customerId == null || d.message.customerId().equals(customerId)) {
        result.add(d);
      }
    }
    return result;
  }

  @Override
  public synchronized String toString() {
    return "SandboxOutbox[" + messages.size() + " messages]";
  }
}
