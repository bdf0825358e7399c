package dev.custos.org;

import java.util.Objects;

/**
 * An {@link ApiTokenStore} could not be reached or answer, or is full: nothing was stored or
 * deleted. The service answers 503 {@code state_unavailable}; retry later.
 */
public final class ApiTokenStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the store failed. */
  public enum Reason {
    /** The store cannot be reached, did not answer in time, or holds a record it cannot read. */
    UNAVAILABLE,
    /** The store holds as many records as it may and drops none before its token expires. */
    FULL
  }

  /** Why the store failed. */
  private final Reason reason;

  /**
   * Returns a failure.
   *
   * @param reason why the store failed
   * @param message what failed, without any token or record content
   * @param cause the store's own failure, or null
   * @throws NullPointerException if {@code reason} is null
   */
  public ApiTokenStoreException(Reason reason, String message, Throwable cause) {
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
