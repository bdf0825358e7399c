package dev.custos.otp;

/** Stored state that carries its own deadline on the engine's clock. */
interface Expiring {
  /** The epoch millisecond at which the state is gone. */
  long deadlineMillis();
}
