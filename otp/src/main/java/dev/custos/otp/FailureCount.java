package dev.custos.otp;

/**
 * A customer's consecutive wrong codes across challenges, and the lockout they caused, in the
 * in-process store. The count survives lockouts. Immutable.
 */
final class FailureCount implements Expiring {
  final int failures;

  /** The end of the lockout in force, {@link Long#MAX_VALUE} until unlocked, or 0 for none. */
  final long lockedUntilMillis;

  /** When the record is forgotten: the policy's memory after the last failure. */
  private final long deadlineMillis;

  FailureCount(int failures, long lockedUntilMillis, long deadlineMillis) {
    this.failures = failures;
    this.lockedUntilMillis = lockedUntilMillis;
    this.deadlineMillis = deadlineMillis;
  }

  /** How long the lockout still lasts at {@code now}; zero or negative when there is none. */
  long lockRemaining(long now) {
    return lockedUntilMillis == Long.MAX_VALUE ? deadlineMillis - now : lockedUntilMillis - now;
  }

  @Override
  public long deadlineMillis() {
    return deadlineMillis;
  }
}
