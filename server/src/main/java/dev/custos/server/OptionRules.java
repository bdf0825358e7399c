package dev.custos.server;

/**
 * The rules between the server's options (each option checks its own value when set): which need
 * which, and the defaults one option's value gives another.
 */
final class OptionRules {
  private OptionRules() {}

  /**
   * Returns a value inside its range, or throws the option's message.
   *
   * @throws IllegalArgumentException with {@code message} if out of range
   */
  static <T extends Number> T within(T value, long min, long max, String message) {
    long v = value.longValue();
    if (v < min || v > max) {
      throw new IllegalArgumentException(message);
    }
    return value;
  }

  /** Fails on options that do not belong together; fills in the sandbox and passkey defaults. */
  static void check(ServerOptions o) {
    if (o.sandbox == null) {
      o.sandbox = o.signingKey == null;
    }
    if (o.redis != null && o.signingKey == null) {
      throw new IllegalStateException(
          "--redis needs --key: servers sharing state must share their signing key");
    }
    if (!o.sandbox && o.signingKey == null) {
      throw new IllegalStateException("outside sandbox mode a signing key file is required");
    }
    if (o.passkeyRpId == null && o.sandbox && o.port != 0) {
      o.passkeys("localhost", "http://localhost:" + o.port);
    }
    if (o.sandboxPasscode && !o.sandbox) {
      throw new IllegalStateException("the sandbox passcode is available in sandbox mode only");
    }
  }
}
