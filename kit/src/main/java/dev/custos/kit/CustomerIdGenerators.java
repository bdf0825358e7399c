package dev.custos.kit;

import java.util.random.RandomGenerator;

/**
 * Generators of customer ids: valid ones (1 to 128 of {@code [A-Za-z0-9._:-]}, Custos's one rule,
 * {@code TokenRequest.isCustomerId}) and invalid ones of every {@link InvalidCustomerId.Kind}.
 */
public final class CustomerIdGenerators {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-";
  private static final String BAD = " /\\?#&%\"'<>@\t\u0000";
  private static final String NON_ASCII = "\u0430\u0435\u043e\u00e9\u00df\u0660\u0661\u4e00";
  private static final int MAX = 128;

  private CustomerIdGenerators() {}

  /**
   * Returns valid customer ids: mostly short numeric ones as platforms use, and every allowed
   * character and length up to 128.
   *
   * @return the generator
   */
  public static Generator<String> customerIds() {
    return random ->
        random.nextInt(3) == 0
            ? Long.toString(100_000 + random.nextLong(900_000))
            : word(random, 1 + random.nextInt(MAX));
  }

  /**
   * Returns invalid customer ids, every kind as likely.
   *
   * @return the generator
   */
  public static Generator<InvalidCustomerId> invalidCustomerIds() {
    InvalidCustomerId.Kind[] kinds = InvalidCustomerId.Kind.values();
    return random -> {
      InvalidCustomerId.Kind kind = kinds[random.nextInt(kinds.length)];
      String value =
          switch (kind) {
            case EMPTY -> "";
            case OVER_LONG -> word(random, MAX + 1 + random.nextInt(64));
            case BAD_CHARACTER -> spliced(random, BAD);
            case NON_ASCII -> spliced(random, NON_ASCII);
          };
      return new InvalidCustomerId(kind, value);
    };
  }

  private static String word(RandomGenerator random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  /** A valid id with one character from {@code chars} put somewhere in it. */
  private static String spliced(RandomGenerator random, String chars) {
    String word = word(random, 1 + random.nextInt(20));
    int at = random.nextInt(word.length() + 1);
    char c = chars.charAt(random.nextInt(chars.length()));
    return word.substring(0, at) + c + word.substring(at);
  }
}
