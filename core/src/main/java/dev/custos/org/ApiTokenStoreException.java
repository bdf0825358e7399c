package dev.custos.org;

/**
 * An {@link ApiTokenStore} could not be reached or answer: nothing was stored or deleted. The
 * service answers 503 {@code state_unavailable}; retry later.
 */
public final class ApiTokenStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Returns a failure.
   *
   * @param message what failed, without any token or record content
   * @param cause the store's own failure, or null
   */
  public ApiTokenStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
