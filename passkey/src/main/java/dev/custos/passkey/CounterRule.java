package dev.custos.passkey;

/**
 * WebAuthn's signature counter rule (Level 3, §6.1.1): a counter moves forward when it is greater
 * than the stored one; a passkey that never counts (both zero) passes. Anything else may be a
 * cloned authenticator.
 */
final class CounterRule {
  private CounterRule() {}

  static boolean advances(long stored, long seen) {
    return seen > stored || (seen == 0 && stored == 0);
  }
}
