package dev.custos.passkey;

import java.util.Objects;

/**
 * A {@link PasskeyStore} could not answer or take new state: nothing was registered, checked or
 * changed, and the caller answers 503 {@code state_unavailable}.
 */
public final class PasskeyStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the store failed. */
  public enum Reason {
    /** The store did not answer (down, slow, failing over). */
    UNAVAILABLE,
    /** The store is full: it refuses new passkeys rather than forget any. */
    FULL
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message what failed, without secrets
   * @param cause the store's own failure, or null
   */
  public PasskeyStoreException(Reason reason, String message, Throwable cause) {
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
