package dev.custos.kit;

/**
 * A customer id Custos must refuse ({@code TokenRequest.isCustomerId} is false; at HTTP a 400 or
 * 404), and why. Immutable.
 */
public final class InvalidCustomerId extends InvalidValue<InvalidCustomerId.Kind> {
  /** What is wrong with the id. */
  public enum Kind {
    /** The empty string. */
    EMPTY,
    /** Longer than 128 characters. */
    OVER_LONG,
    /** A character outside ASCII letters, digits and {@code . _ : -}: a space, a slash, ... */
    BAD_CHARACTER,
    /** A non-ASCII letter or digit (a Cyrillic letter, an Arabic-Indic digit). */
    NON_ASCII
  }

  InvalidCustomerId(Kind kind, String value) {
    super(kind, value);
  }
}
