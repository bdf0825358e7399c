package dev.custos.otp;

/**
 * Stored state that carries its own deadline, read on the engine's time line (its clock, in
 * nanoseconds).
 */
interface Expiring {
  /** The reading of the engine's time line at which the state is gone. */
  long deadlineNanos();
}
