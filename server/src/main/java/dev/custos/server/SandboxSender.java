package dev.custos.server;

import dev.custos.jsonapi.SandboxOutbox;
import dev.custos.otp.OtpMessage;
import dev.custos.otp.OtpSender;
import java.time.Clock;

/**
 * The server's sender: in sandbox mode the library's {@link SandboxOutbox} (read at {@code GET
 * /sandbox/messages}) and the last code, for the sandbox passcode; outside sandbox mode the server
 * has no SMS provider and refuses to send.
 */
final class SandboxSender implements OtpSender {
  private final boolean sandbox;
  private final SandboxOutbox outbox;
  private volatile String lastCode;
  private volatile String lastCustomerId;

  SandboxSender(Clock clock, boolean sandbox) {
    this.sandbox = sandbox;
    this.outbox = new SandboxOutbox(clock);
  }

  @Override
  public synchronized void send(OtpMessage message) {
    if (!sandbox) {
      throw new IllegalStateException("the reference server has no SMS or voice provider");
    }
    outbox.send(message);
    lastCustomerId = message.customerId();
    lastCode = message.code();
  }

  /** What {@code GET /sandbox/messages} shows. */
  SandboxOutbox outbox() {
    return outbox;
  }

  /** The code of the message just sent, if it went to this customer; for the sandbox passcode. */
  String lastCodeFor(String customerId) {
    return customerId.equals(lastCustomerId) ? lastCode : null;
  }
}
