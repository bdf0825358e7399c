package dev.custos.otp;

/** How a verification code reaches the customer. */
public enum Channel {
  /** A text message. */
  SMS,
  /** A voice call that reads the code out. */
  CALL
}
