package dev.custos.otp;

import dev.custos.otp.InvalidOtpRequestException.Field;
import java.util.Objects;

/**
 * A phone number that a code can be sent to: a country calling code and the national number, as the
 * spec's {@code Phone} object ({@code {"countryCode": "1", "number": "5555550100"}}).
 *
 * <p>Validated as E.164: the country code is 1 to 3 digits not starting with 0, the national number
 * 4 to 14 digits, and both together at most 15 digits. Only ASCII digits are accepted; no spaces,
 * dashes or plus sign.
 *
 * <p>A phone number is personal data: {@link #toString()} and {@link #masked()} show only the
 * country code and the last two digits. The full number is read only through {@link #e164()}, for
 * the {@link OtpSender} that dials it.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Phone {
  private static final int MAX_DIGITS = 15;

  private final String countryCode;
  private final String number;

  private Phone(String countryCode, String number) {
    this.countryCode = countryCode;
    this.number = number;
  }

  /**
   * Returns the phone of the given country code and national number.
   *
   * @param countryCode the country calling code without {@code +}, such as {@code 1} or {@code 34}
   * @param number the national number, digits only
   * @return the phone
   * @throws InvalidOtpRequestException (field {@link Field#PHONE PHONE}) if either part is null or
   *     not valid E.164
   */
  public static Phone of(String countryCode, String number) {
    if (countryCode == null || number == null) {
      throw new InvalidOtpRequestException(Field.PHONE, "country code and number are required");
    }
    if (countryCode.isEmpty()
        || countryCode.length() > 3
        || !digits(countryCode)
        || countryCode.charAt(0) == '0') {
      throw new InvalidOtpRequestException(
          Field.PHONE, "country code must be 1 to 3 digits, not starting with 0");
    }
    // At most 14 digits follows from the 15-digit total below: a country code has at least one.
    if (number.length() < 4 || !digits(number)) {
      throw new InvalidOtpRequestException(Field.PHONE, "number must be 4 to 14 digits");
    }
    if (countryCode.length() + number.length() > MAX_DIGITS) {
      throw new InvalidOtpRequestException(
          Field.PHONE, "country code and number together exceed 15 digits");
    }
    return new Phone(countryCode, number);
  }

  /**
   * Returns the country calling code, such as {@code 1}.
   *
   * @return the country code, digits only
   */
  public String countryCode() {
    return countryCode;
  }

  /**
   * Returns the full number in E.164 form, such as {@code +15555550100}: for the sender that dials
   * it. Do not log it.
   *
   * @return the full number with a leading {@code +}
   */
  public String e164() {
    return "+" + countryCode + number;
  }

  /**
   * Returns the number with all but the last two digits hidden, such as {@code +1 ********00}: safe
   * to log and to show.
   *
   * @return the masked number
   */
  public String masked() {
    return "+"
        + countryCode
        + " "
        + "*".repeat(number.length() - 2)
        + number.substring(number.length() - 2);
  }

  /**
   * Returns whether {@code obj} is a phone with the same country code and number.
   *
   * @param obj the object to compare with
   * @return {@code true} if both parts are equal
   */
  @Override
  public boolean equals(Object obj) {
    return obj instanceof Phone other
        && other.countryCode.equals(countryCode)
        && other.number.equals(number);
  }

  @Override
  public int hashCode() {
    return Objects.hash(countryCode, number);
  }

  /**
   * Returns the {@linkplain #masked() masked} number; never the full one.
   *
   * @return the masked number
   */
  @Override
  public String toString() {
    return masked();
  }

  private static boolean digits(String s) {
    return Inputs.only(s, Inputs::isAsciiDigit);
  }
}
