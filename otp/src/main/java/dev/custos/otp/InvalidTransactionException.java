package dev.custos.otp;

/**
 * Thrown when a payment's element is invalid ({@link Transaction#of} and its {@code with} methods):
 * {@link #member()} names it as the API does ({@code amount}, {@code currency}, {@code payee},
 * {@code payeeAccount}, {@code reference}), so an API layer points at {@code
 * /data/attributes/transaction/<member>}; the message says what was wrong without the value.
 */
public final class InvalidTransactionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String member;

  InvalidTransactionException(String member, String message) {
    super(member + ": " + message);
    this.member = member;
  }

  /**
   * Returns the element that was invalid.
   *
   * @return {@code amount}, {@code currency}, {@code payee}, {@code payeeAccount} or {@code
   *     reference}
   */
  public String member() {
    return member;
  }
}
