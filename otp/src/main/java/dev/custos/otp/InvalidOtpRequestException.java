package dev.custos.otp;

/**
 * Thrown when an argument of {@link OtpEngine#start} or {@link OtpEngine#verify} is invalid: a
 * malformed phone number, app hash, language, customer id or code.
 *
 * <p>{@link #field()} names the offending input, so an API layer can point at it; the message says
 * what was wrong without repeating the value, so it is safe to log and to return to a client.
 */
public final class InvalidOtpRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The inputs that can be invalid, with the attribute names the spec gives them. */
  public enum Field {
    /** The customer id. */
    CUSTOMER_ID("customerId"),
    /** The delivery channel. */
    CHANNEL("channel"),
    /** The destination phone number. */
    PHONE("phone"),
    /** The Android SMS Retriever app hash. */
    APP_HASH("appHash"),
    /** The message language. */
    LANGUAGE("language"),
    /** The verification token returned when the challenge started. */
    VERIFICATION_TOKEN("verificationToken"),
    /** The code the customer typed. */
    VERIFICATION_CODE("verificationCode");

    private final String attribute;

    Field(String attribute) {
      this.attribute = attribute;
    }

    /**
     * Returns the input's name in the API, such as {@code appHash}.
     *
     * @return the attribute name
     */
    public String attribute() {
      return attribute;
    }
  }

  private final Field field;

  InvalidOtpRequestException(Field field, String message) {
    super(field.attribute() + ": " + message);
    this.field = field;
  }

  /**
   * Returns which input was invalid.
   *
   * @return the field, never null
   */
  public Field field() {
    return field;
  }
}
