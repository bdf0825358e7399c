package dev.custos.otp;

import java.util.Objects;

/**
 * Thrown when the engine's {@link dev.custos.otp.spi.OtpStore} cannot do what was asked: it is
 * unreachable (a network store down or slower than its timeout), or full. Nothing was approved and
 * no challenge was left half-made; the request can be retried once the store is back (HTTP 503).
 *
 * <p>Unchecked: it is an operational failure of the host's infrastructure, not of the request.
 */
public final class OtpStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the store failed. */
  public enum Reason {
    /** The store could not be reached in time. */
    UNAVAILABLE,
    /** The store holds as much state as it may, and keeps it rather than forgetting any early. */
    FULL
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the store failed
   * @param message what failed, without a code, token or phone number
   * @param cause the store's own failure, or null
   * @throws NullPointerException if {@code reason} is null
   */
  public OtpStoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns why the store failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
