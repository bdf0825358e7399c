package dev.custos.kit;

import java.util.Objects;

/**
 * A phone Custos must refuse as not E.164 ({@code Phone.of} throws {@code
 * InvalidOtpRequestException} for the field {@code PHONE}; at HTTP a 400 at {@code
 * /data/attributes/phone}), and why. Immutable; {@link #toString()} shows the kind only, as a phone
 * number is personal data even when made up.
 */
public final class InvalidPhone {
  /** What is wrong with the phone. */
  public enum Kind {
    /** No country code. */
    COUNTRY_CODE_EMPTY,
    /** A country code starting with 0. */
    COUNTRY_CODE_LEADING_ZERO,
    /** A country code of more than 3 digits. */
    COUNTRY_CODE_TOO_LONG,
    /** A national number of fewer than 4 digits. */
    NUMBER_TOO_SHORT,
    /** More than 15 digits in all. */
    TOO_MANY_DIGITS,
    /** A plus sign, space, dash, parenthesis or letter among the digits. */
    NOT_DIGITS,
    /** A digit of another script: full-width, Arabic-Indic, Devanagari. */
    NON_ASCII_DIGITS
  }

  private final Kind kind;
  private final String countryCode;
  private final String number;

  InvalidPhone(Kind kind, String countryCode, String number) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.countryCode = Objects.requireNonNull(countryCode, "countryCode");
    this.number = Objects.requireNonNull(number, "number");
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
   * Returns the country code to send, such as {@code phone.countryCode}.
   *
   * @return the country code
   */
  public String countryCode() {
    return countryCode;
  }

  /**
   * Returns the national number to send, such as {@code phone.number}.
   *
   * @return the number
   */
  public String number() {
    return number;
  }

  @Override
  public String toString() {
    return "InvalidPhone[" + kind + "]";
  }
}
