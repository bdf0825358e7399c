package dev.custos.customer;

/**
 * A {@link JwtReplayStore} that cannot say whether a JWT was used: unreachable, or full. The JWT is
 * refused; at HTTP this is {@code 503 state_unavailable}.
 */
public final class JwtReplayStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the store failed. */
  public enum Reason {
    /** The store cannot be reached or did not answer in time. */
    UNAVAILABLE,
    /** The store holds as many ids as it may and forgets none early. */
    FULL
  }

  /** Why the store failed. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the store failed
   * @param message what happened, without any JWT or id
   * @param cause the underlying failure, or null
   * @throws NullPointerException if {@code reason} is null
   */
  public JwtReplayStoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = java.util.Objects.requireNonNull(reason, "reason");
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
