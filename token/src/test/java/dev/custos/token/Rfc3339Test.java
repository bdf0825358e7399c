package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The fast date-time code against java.time's formatters, which it replaces on the token path: both
 * directions must agree on every generated input, valid or not.
 */
class Rfc3339Test {
  /** What the verifier accepted before: this layout, then java.time's strict ISO parser. */
  private static final Pattern LAYOUT =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

  private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
  private static final long YEAR_9999_END =
      Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

  private static Optional<Instant> reference(String text) {
    if (!LAYOUT.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> fast(String text) {
    try {
      return Optional.of(Rfc3339.parse(text));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String format(Instant instant) {
    char[] out = new char[Rfc3339.MAX_FORMATTED];
    return new String(out, 0, Rfc3339.format(instant, out));
  }

  /** Two digits, mostly in range, sometimes just past it. */
  private static Gen<String> twoDigits(int max) {
    return integers().between(0, Math.min(99, max + 3)).map(n -> String.format("%02d", n));
  }

  /** Text in the layout with fields that are valid, out of range, or (rarely) not digits. */
  private static Gen<String> candidates() {
    Gen<String> date =
        integers()
            .between(0, 9999)
            .zip(twoDigits(12), twoDigits(31), (y, m, d) -> String.format("%04d-%s-%s", y, m, d));
    Gen<String> time =
        twoDigits(23).zip(twoDigits(59), twoDigits(60), (h, m, s) -> h + ":" + m + ":" + s);
    Gen<String> fraction =
        integers()
            .between(0, 10)
            .zip(
                integers().between(0, 999_999_999),
                (digits, value) ->
                    digits == 0
                        ? ""
                        : "."
                            + String.format("%09d", value).substring(0, Math.min(9, digits))
                            + "0".repeat(Math.max(0, digits - 9)));
    Gen<String> offset =
        integers()
            .between(0, 3)
            .zip(
                twoDigits(18),
                twoDigits(59),
                (kind, h, m) ->
                    switch (kind) {
                      case 0 -> "Z";
                      case 1 -> "+" + h + ":" + m;
                      case 2 -> "-" + h + ":" + m;
                      default -> "z";
                    });
    return date.zip(time, fraction, offset, (d, t, f, o) -> d + "T" + t + f + o);
  }

  @Test
  void parse_generatedText_agreesWithJavaTimeStrictIsoParser() {
    qt().withExamples(20_000)
        .forAll(candidates())
        .checkAssert(text -> assertThat(fast(text)).as(text).isEqualTo(reference(text)));
  }

  @Test
  void parse_generatedTextWithOneCharacterReplaced_agreesWithJavaTime() {
    qt().withExamples(20_000)
        .forAll(candidates(), integers().between(0, 40), integers().between(0, 127))
        .checkAssert(
            (text, at, c) -> {
              String changed =
                  at >= text.length()
                      ? text + (char) c.intValue()
                      : text.substring(0, at) + (char) c.intValue() + text.substring(at + 1);
              assertThat(fast(changed)).as(changed).isEqualTo(reference(changed));
            });
  }

  @Test
  void format_anyMillisecondInstant_matchesIsoInstantAndParsesBack() {
    qt().withExamples(20_000)
        .forAll(longs().between(YEAR_0, YEAR_9999_END))
        .checkAssert(
            millis -> {
              Instant instant = Instant.ofEpochMilli(millis);
              String text = format(instant);
              assertThat(text).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
              assertThat(Rfc3339.parse(text)).isEqualTo(instant);
            });
  }

  @Test
  void format_outsideTheLayout_fallsBackToIsoInstant() {
    for (Instant instant :
        new Instant[] {
          Instant.parse("+10000-01-01T00:00:00Z"),
          Instant.parse("-0001-12-31T23:59:59Z"),
          Instant.parse("2026-11-29T10:00:00.123456789Z"),
          Instant.MAX,
          Instant.MIN
        }) {
      assertThat(format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }
  }

  @Test
  void parse_edgeCases_refusedAsJavaTimeRefusesThem() {
    for (String text :
        new String[] {
          "",
          "2026-11-29T10:00:00",
          "2026-11-29T10:00:00.Z",
          "2026-11-29T10:00:00.1234567890Z",
          "2026-02-29T10:00:00Z",
          "2026-11-29T24:00:00Z",
          "2026-11-29T10:00:60Z",
          "2026-11-29T10:00:00+19:00",
          "2026-11-29T10:00:00+01:60",
          "2026-11-29T10:00:00+0100",
          "2026-11-29t10:00:00Z",
          "2026-11-29T10:00:00Zx",
          "+2026-11-29T10:00:00Z",
          "２026-11-29T10:00:00Z"
        }) {
      assertThatExceptionOfType(DateTimeException.class)
          .as(text)
          .isThrownBy(() -> Rfc3339.parse(text));
      assertThat(reference(text)).as(text).isEmpty();
    }
    assertThat(Rfc3339.parse("2024-02-29T23:59:59.5-00:30"))
        .isEqualTo(Instant.parse("2024-03-01T00:29:59.5Z"));
  }
}
