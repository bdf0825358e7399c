package dev.custos.error;

/**
 * Thrown by the customer-token service and the request authorizer when a request must be refused;
 * {@link #error()} says how to answer it.
 *
 * <p>The message is the error's detail: safe to log, never holding a token, code or phone number.
 */
public final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ApiError error;

  /**
   * Creates the exception for an error.
   *
   * @param error how to answer the request
   * @throws NullPointerException if {@code error} is null
   */
  public ApiException(ApiError error) {
    super(java.util.Objects.requireNonNull(error, "error").detail());
    this.error = error;
  }

  /**
   * Returns the error to answer with.
   *
   * @return the error, never null
   */
  public ApiError error() {
    return error;
  }

  /**
   * Returns the HTTP status to answer with; the same as {@code error().status()}.
   *
   * @return the status
   */
  public int status() {
    return error.status();
  }
}
