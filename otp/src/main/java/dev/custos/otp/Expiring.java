package dev.custos.otp;

/** Stored state that carries its own deadline, read on the store's ticker. */
interface Expiring {
  /** The ticker reading at which the state is gone. */
  long deadlineNanos();
}
