package dev.custos.kit;

import java.util.Objects;

/**
 * A customer id Custos must refuse ({@code TokenRequest.isCustomerId} is false; at HTTP a 400 or
 * 404), and why. Immutable.
 */
public final class InvalidCustomerId {
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

  private final Kind kind;
  private final String value;

  InvalidCustomerId(Kind kind, String value) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * Returns what is wrong with it.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the id.
   *
   * @return the string to send
   */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return kind + " \"" + shown + "\"";
  }
}
