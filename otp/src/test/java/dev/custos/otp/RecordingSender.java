package dev.custos.otp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps every message it is given; fails on demand. */
final class RecordingSender implements OtpSender {
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  final List<OtpMessage> messages = new CopyOnWriteArrayList<>();
  volatile RuntimeException failWith;

  @Override
  public void send(OtpMessage message) {
    if (failWith != null) {
      throw failWith;
    }
    messages.add(message);
  }

  OtpMessage last() {
    return messages.get(messages.size() - 1);
  }

  /** The code in the last SMS. */
  String lastCode() {
    Matcher m = CODE.matcher(last().body());
    if (!m.find()) {
      throw new AssertionError("no code in the last message");
    }
    return m.group(1);
  }
}
