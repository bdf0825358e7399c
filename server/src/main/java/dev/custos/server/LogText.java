package dev.custos.server;

/** What a client sent, made fit for one log line or message. */
final class LogText {
  private LogText() {}

  /**
   * Control characters (a newline would forge a line, an escape sequence repaint a terminal) and
   * anything outside printable ASCII become {@code \\uXXXX}, and the text is cut at 200 characters.
   */
  static String safe(String text) {
    if (text == null) {
      return "-";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), 200) + 16);
    for (int i = 0; i < text.length() && out.length() < 200; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '\\') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (out.length() >= 200 && text.length() > 200) {
      out.append("...");
    }
    return out.toString();
  }
}
