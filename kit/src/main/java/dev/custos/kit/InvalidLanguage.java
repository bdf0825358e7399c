package dev.custos.kit;

/**
 * A message language Custos must refuse ({@code InvalidOtpRequestException} for the field {@code
 * LANGUAGE}; at HTTP a 400 at {@code /data/attributes/language}), and why: a request is never sent
 * in another language than the one asked. Immutable.
 */
public final class InvalidLanguage extends InvalidValue<InvalidLanguage.Kind> {
  /** What is wrong with the language. */
  public enum Kind {
    /** The empty string. */
    EMPTY,
    /** Not a language code at all: a name, an underscore, a single letter, a trailing dash. */
    MALFORMED,
    /** A language Custos has in another case ({@code EN}, {@code zh-cn} for {@code zh-CN}). */
    WRONG_CASE,
    /** A well-formed code with no message templates ({@code xx}, {@code tlh}). */
    UNSUPPORTED
  }

  InvalidLanguage(Kind kind, String value) {
    super(kind, value);
  }
}
