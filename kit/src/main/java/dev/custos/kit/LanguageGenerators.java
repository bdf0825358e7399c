package dev.custos.kit;

import dev.custos.kit.InvalidLanguage.Kind;
import dev.custos.otp.MessageTemplates;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Generators of the {@code language} of a verification: the languages an engine's templates cover
 * (by default the 41 Unit offers), and invalid ones of every {@link InvalidLanguage.Kind}.
 */
public final class LanguageGenerators {
  private static final String[] MALFORMED = {
    "english", "en_US", "e", "en-", "-en", "en-US-x-y", "en us", "pt_BR", "123", "zh-Hans-CN-x"
  };

  private LanguageGenerators() {}

  /**
   * Returns the languages of Custos's built-in templates, each as likely.
   *
   * @return the generator
   */
  public static Generator<String> languages() {
    return languages(MessageTemplates.builtIn());
  }

  /**
   * Returns the languages an engine's templates cover, each as likely.
   *
   * @param templates the engine's templates
   * @return the generator
   */
  public static Generator<String> languages(MessageTemplates templates) {
    return Generator.oneOf(List.copyOf(templates.languages()));
  }

  /**
   * Returns languages the built-in templates refuse, every {@link InvalidLanguage.Kind} as likely.
   *
   * @return the generator
   */
  public static Generator<InvalidLanguage> invalidLanguages() {
    return invalidLanguages(MessageTemplates.builtIn());
  }

  /**
   * Returns languages an engine's templates refuse, every {@link InvalidLanguage.Kind} as likely.
   *
   * @param templates the engine's templates
   * @return the generator
   */
  public static Generator<InvalidLanguage> invalidLanguages(MessageTemplates templates) {
    List<String> covered = List.copyOf(templates.languages());
    Kind[] kinds = Kind.values();
    return random -> invalidLanguage(covered, kinds[random.nextInt(kinds.length)], random);
  }

  /**
   * Returns languages the built-in templates refuse, of one kind.
   *
   * @param kind the kind
   * @return the generator
   */
  public static Generator<InvalidLanguage> invalidLanguages(InvalidLanguage.Kind kind) {
    Objects.requireNonNull(kind, "kind");
    List<String> covered = List.copyOf(MessageTemplates.builtIn().languages());
    return random -> invalidLanguage(covered, kind, random);
  }

  private static InvalidLanguage invalidLanguage(
      List<String> covered, Kind kind, RandomGenerator random) {
    String value =
        switch (kind) {
          case EMPTY -> "";
          case MALFORMED -> MALFORMED[random.nextInt(MALFORMED.length)];
          case WRONG_CASE -> otherCase(covered.get(random.nextInt(covered.size())), random);
          case UNSUPPORTED -> unsupported(covered, random);
        };
    return new InvalidLanguage(kind, value);
  }

  /** The code with its language upper-cased, or its region's case flipped. */
  private static String otherCase(String language, RandomGenerator random) {
    int dash = language.indexOf('-');
    if (dash < 0 || random.nextBoolean()) {
      String head = dash < 0 ? language : language.substring(0, dash);
      return head.toUpperCase(Locale.ROOT) + (dash < 0 ? "" : language.substring(dash));
    }
    String region = language.substring(dash + 1);
    String flipped =
        region.equals(region.toUpperCase(Locale.ROOT))
            ? region.toLowerCase(Locale.ROOT)
            : region.toUpperCase(Locale.ROOT);
    if (flipped.equals(region)) {
      return language.substring(0, dash).toUpperCase(Locale.ROOT) + language.substring(dash);
    }
    return language.substring(0, dash + 1) + flipped;
  }

  private static String unsupported(List<String> covered, RandomGenerator random) {
    while (true) {
      StringBuilder code = new StringBuilder();
      for (int i = 2 + random.nextInt(2); i > 0; i--) {
        code.append((char) ('a' + random.nextInt(26)));
      }
      if (random.nextInt(3) == 0) {
        code.append('-')
            .append((char) ('A' + random.nextInt(26)))
            .append((char) ('A' + random.nextInt(26)));
      }
      if (!covered.contains(code.toString())) {
        return code.toString();
      }
    }
  }
}
