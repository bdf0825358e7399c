package dev.custos.otp;

/**
 * A customer's consecutive wrong codes across challenges, or a lockout in force after too many.
 * Immutable.
 */
final class FailureCount implements Expiring {
  final int consecutive;
  final boolean locked;

  /** When locked, the end of the lockout; otherwise when the count is forgotten. */
  private final long deadlineNanos;

  FailureCount(int consecutive, boolean locked, long deadlineNanos) {
    this.consecutive = consecutive;
    this.locked = locked;
    this.deadlineNanos = deadlineNanos;
  }

  /** How long the lockout still lasts at {@code now}; zero or negative when there is none. */
  long lockRemaining(long now) {
    return locked ? deadlineNanos - now : 0;
  }

  @Override
  public long deadlineNanos() {
    return deadlineNanos;
  }
}
