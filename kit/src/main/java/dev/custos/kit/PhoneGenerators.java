package dev.custos.kit;

import dev.custos.kit.InvalidPhone.Kind;
import dev.custos.otp.Phone;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Generators of phones: valid E.164 ones of given countries, valid ones outside an engine's {@code
 * allowedCountryCodes}, and invalid ones of every {@link InvalidPhone.Kind}. Numbers are random
 * digits, never a real subscriber's by design, but do not send to them.
 */
public final class PhoneGenerators {
  /** Country codes of several lengths, for {@link #phones()}. */
  private static final List<String> SOME_COUNTRIES =
      List.of("1", "7", "33", "34", "44", "49", "52", "55", "91", "234", "353", "380", "972");

  private static final char[] NOT_DIGITS = {'+', ' ', '-', '(', ')', '.', 'x', 'O', 'l'};
  private static final char[][] OTHER_DIGITS = {
    {'\uff10', '\uff19'}, {'\u0660', '\u0669'}, {'\u0966', '\u096f'}
  };

  private PhoneGenerators() {}

  /**
   * Returns valid phones of a few countries, with country codes of one to three digits.
   *
   * @return the generator
   */
  public static Generator<Phone> phones() {
    return phones(SOME_COUNTRIES.toArray(String[]::new));
  }

  /**
   * Returns valid phones of the given countries, of every length E.164 allows.
   *
   * @param countryCodes country calling codes, such as {@code 1} or {@code 34}
   * @return the generator
   * @throws IllegalArgumentException if none is given or one is not a country code
   */
  public static Generator<Phone> phones(String... countryCodes) {
    List<String> codes = List.copyOf(Arrays.asList(countryCodes));
    if (codes.isEmpty()) {
      throw new IllegalArgumentException("name at least one country code");
    }
    codes.forEach(code -> Phone.of(code, "5550100"));
    return random -> {
      String code = codes.get(random.nextInt(codes.size()));
      return Phone.of(code, digits(random, 4 + random.nextInt(15 - code.length() - 3)));
    };
  }

  /**
   * Returns valid phones of countries an engine does not allow: {@code OtpEngine} refuses them
   * (field {@code PHONE}) when built with these {@code allowedCountryCodes}.
   *
   * @param allowedCountryCodes the engine's allowed country codes
   * @return the generator
   * @throws IllegalArgumentException if none is given
   */
  public static Generator<Phone> phonesOutside(String... allowedCountryCodes) {
    List<String> allowed = List.copyOf(Arrays.asList(allowedCountryCodes));
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("name at least one allowed country code");
    }
    return random -> {
      String code;
      do {
        code = Integer.toString(1 + random.nextInt(999));
      } while (allowed.contains(code));
      return Phone.of(code, digits(random, 4 + random.nextInt(15 - code.length() - 3)));
    };
  }

  /**
   * Returns invalid phones, every {@link InvalidPhone.Kind} as likely.
   *
   * @return the generator
   */
  public static Generator<InvalidPhone> invalidPhones() {
    Kind[] kinds = Kind.values();
    return random -> invalidPhone(kinds[random.nextInt(kinds.length)], random);
  }

  /**
   * Returns invalid phones of one kind.
   *
   * @param kind the kind
   * @return the generator
   */
  public static Generator<InvalidPhone> invalidPhones(InvalidPhone.Kind kind) {
    Objects.requireNonNull(kind, "kind");
    return random -> invalidPhone(kind, random);
  }

  private static InvalidPhone invalidPhone(Kind kind, RandomGenerator random) {
    String code = SOME_COUNTRIES.get(random.nextInt(SOME_COUNTRIES.size()));
    String number = digits(random, 6 + random.nextInt(6));
    return switch (kind) {
      case COUNTRY_CODE_EMPTY -> new InvalidPhone(kind, "", number);
      case COUNTRY_CODE_LEADING_ZERO ->
          new InvalidPhone(kind, "0" + digits(random, random.nextInt(3)), number);
      case COUNTRY_CODE_TOO_LONG ->
          new InvalidPhone(
              kind, (1 + random.nextInt(9)) + digits(random, 3 + random.nextInt(3)), number);
      case NUMBER_TOO_SHORT -> new InvalidPhone(kind, code, digits(random, random.nextInt(4)));
      case TOO_MANY_DIGITS ->
          new InvalidPhone(kind, code, digits(random, 16 - code.length() + random.nextInt(6)));
      case NOT_DIGITS -> new InvalidPhone(kind, code, spoiled(number, random, false));
      case NON_ASCII_DIGITS -> new InvalidPhone(kind, code, spoiled(number, random, true));
    };
  }

  private static String digits(RandomGenerator random, int count) {
    StringBuilder s = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }

  /**
   * The number with one character inserted (not a digit) or one digit swapped for another script's.
   */
  private static String spoiled(String number, RandomGenerator random, boolean otherScript) {
    int at = random.nextInt(number.length());
    if (!otherScript) {
      char c = NOT_DIGITS[random.nextInt(NOT_DIGITS.length)];
      return number.substring(0, at) + c + number.substring(at);
    }
    char[] script = OTHER_DIGITS[random.nextInt(OTHER_DIGITS.length)];
    char digit = (char) (script[0] + (number.charAt(at) - '0'));
    return number.substring(0, at) + digit + number.substring(at + 1);
  }
}
