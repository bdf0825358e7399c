package dev.custos.token;

import java.util.Objects;

/** The rules for the ids and lists a token carries, shared by the request and the claim reader. */
final class Identifiers {
  private static final int MAX_ID_LENGTH = 128;

  private Identifiers() {}

  /**
   * 1 to 128 letters, digits and {@code . _ : -}: ASCII only, so ids compare and log safely. A
   * loop, not a regex: it runs on every verification.
   */
  static boolean isIdentifier(String id) {
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (!isIdentifierChar(id.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifierChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == ':'
        || c == '-';
  }

  static void checkCustomerId(String customerId) {
    Objects.requireNonNull(customerId, "customerId");
    if (!isIdentifier(customerId)) {
      throw new IllegalArgumentException("customer id must be 1 to 128 letters, digits or . _ : -");
    }
  }

  static void checkSourceIp(String sourceIp) {
    if (sourceIp.isEmpty()
        || sourceIp.length() > TokenRequest.MAX_SOURCE_IP_LENGTH
        || sourceIp.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IllegalArgumentException(
          "sourceIp is 1 to "
              + TokenRequest.MAX_SOURCE_IP_LENGTH
              + " printable characters without spaces");
    }
  }
}
