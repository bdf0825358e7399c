package dev.custos.otp;

import dev.custos.otp.InvalidOtpRequestException.Field;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/** Checks shared by the request types and the engine. */
final class Inputs {
  static final int MAX_CUSTOMER_ID_LENGTH = 128;

  /** Checked on every start: compiled once. */
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

  private Inputs() {}

  /** Customer ids: 1 to 128 of {@code [A-Za-z0-9._:-]}, so they are safe in keys and logs. */
  static void checkCustomerId(String customerId) {
    if (customerId == null || customerId.isEmpty()) {
      throw new InvalidOtpRequestException(Field.CUSTOMER_ID, "is required");
    }
    if (customerId.length() > MAX_CUSTOMER_ID_LENGTH) {
      throw new InvalidOtpRequestException(
          Field.CUSTOMER_ID, "is longer than " + MAX_CUSTOMER_ID_LENGTH + " characters");
    }
    if (!only(customerId, c -> isAsciiLetterOrDigit(c) || ".:_-".indexOf(c) >= 0)) {
      throw new InvalidOtpRequestException(
          Field.CUSTOMER_ID, "may hold only letters, digits and . _ : -");
    }
  }

  /** Language codes: {@code en}, {@code es}, {@code pt-BR}, {@code zh-CN}... */
  static boolean isLanguageCode(String language) {
    return LANGUAGE.matcher(language).matches();
  }

  /** The Android SMS Retriever app hash: exactly 11 of {@code [A-Za-z0-9+/]}. */
  static String appHash(String appHash) {
    if (appHash == null) {
      throw new InvalidOtpRequestException(Field.APP_HASH, "is null");
    }
    if (appHash.length() != 11) {
      throw new InvalidOtpRequestException(Field.APP_HASH, "must be exactly 11 characters");
    }
    if (!only(appHash, c -> isAsciiLetterOrDigit(c) || c == '+' || c == '/')) {
      throw new InvalidOtpRequestException(
          Field.APP_HASH, "may hold only letters, digits, '+' and '/'");
    }
    return appHash;
  }

  /** A code as typed by the customer: exactly six ASCII digits. */
  static void checkCode(String code) {
    if (code == null || code.length() != 6 || !only(code, Inputs::isAsciiDigit)) {
      throw new InvalidOtpRequestException(Field.VERIFICATION_CODE, "must be exactly 6 digits");
    }
  }

  /** Whether every character of {@code s} is allowed. */
  static boolean only(String s, IntPredicate allowed) {
    for (int i = 0; i < s.length(); i++) {
      if (!allowed.test(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isAsciiDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isAsciiDigit(c);
  }
}
