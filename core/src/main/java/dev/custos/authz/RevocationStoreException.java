package dev.custos.authz;

import java.util.Objects;

/**
 * Thrown when a {@link RevocationStore} cannot do what was asked: it is unreachable (a network
 * store down or slower than its timeout), or full. A revocation that throws was not recorded; an
 * authentication that meets it accepts nothing (HTTP 503).
 *
 * <p>Unchecked: it is an operational failure of the host's infrastructure, not of the request.
 */
public final class RevocationStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the store failed. */
  public enum Reason {
    /** The store could not be reached in time. */
    UNAVAILABLE,
    /** The store holds as many revocations as it may, and keeps them rather than dropping any. */
    FULL
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the store failed
   * @param message what failed, without a token
   * @param cause the store's own failure, or null
   * @throws NullPointerException if {@code reason} is null
   */
  public RevocationStoreException(Reason reason, String message, Throwable cause) {
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
