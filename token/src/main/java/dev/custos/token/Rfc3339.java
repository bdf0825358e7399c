package dev.custos.token;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;

/**
 * The one date-time layout tokens carry, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} (RFC 3339
 * with a four-digit year), read and written on the hot path without {@link DateTimeFormatter}'s
 * general machinery, which cost more than a kilobyte and a microsecond per field.
 *
 * <p>Only the digits' places are ours: java.time checks every field's range and the day of the
 * month ({@link LocalDate#of}, {@link ChronoField#checkValidIntValue}, {@link
 * ZoneOffset#ofHoursMinutes}) and does the calendar arithmetic. Tests check both directions against
 * {@code ISO_OFFSET_DATE_TIME} and {@code ISO_INSTANT} on generated input.
 */
final class Rfc3339 {
  /**
   * The longest text {@link #format} writes: {@code ISO_INSTANT}'s for the extreme instant, {@code
   * +1000000000-12-31T23:59:59.999999999Z}, is 37.
   */
  static final int MAX_FORMATTED = 40;

  private static final int SECONDS_PER_DAY = 86_400;

  /** The four-digit years: 0000-01-01T00:00:00Z to the start of 10000. */
  private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;

  private static final long END_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * SECONDS_PER_DAY;
  private static final int NANOS_PER_MILLI = 1_000_000;
  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private Rfc3339() {}

  /**
   * Parses RFC 3339 text with a four-digit year and an optional fraction of 1 to 9 digits.
   *
   * @throws DateTimeException if the text has another layout or a field is out of range
   */
  static Instant parse(CharSequence text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      throw notRfc3339();
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = ChronoField.HOUR_OF_DAY.checkValidIntValue(digits(text, 11, 2));
    int minute = ChronoField.MINUTE_OF_HOUR.checkValidIntValue(digits(text, 14, 2));
    int second = ChronoField.SECOND_OF_MINUTE.checkValidIntValue(digits(text, 17, 2));
    int at = 19;
    int nanos = 0;
    if (text.charAt(at) == '.') {
      int start = ++at;
      while (at < length && isDigit(text.charAt(at))) {
        at++;
      }
      int count = at - start;
      if (count < 1 || count > 9) {
        throw notRfc3339();
      }
      nanos = digits(text, start, count) * POWERS_OF_TEN[9 - count];
    }
    int offsetSeconds;
    if (at == length - 1 && text.charAt(at) == 'Z') {
      offsetSeconds = 0;
    } else if (at == length - 6
        && (text.charAt(at) == '+' || text.charAt(at) == '-')
        && text.charAt(at + 3) == ':') {
      int sign = text.charAt(at) == '+' ? 1 : -1;
      offsetSeconds =
          ZoneOffset.ofHoursMinutes(sign * digits(text, at + 1, 2), sign * digits(text, at + 4, 2))
              .getTotalSeconds();
    } else {
      throw notRfc3339();
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long epochSecond =
        epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /**
   * Writes {@code instant} as {@link DateTimeFormatter#ISO_INSTANT} does (UTC, {@code Z}, the
   * fraction only when non-zero) into {@code out}, at least {@link #MAX_FORMATTED} long.
   *
   * @return the number of characters written
   */
  static int format(Instant instant, char[] out) {
    int nanos = instant.getNano();
    long epochSecond = instant.getEpochSecond();
    if (epochSecond < FIRST_SECOND || epochSecond >= END_SECOND || nanos % NANOS_PER_MILLI != 0) {
      // Outside the layout tokens use (minted instants are whole milliseconds in this era).
      String text = DateTimeFormatter.ISO_INSTANT.format(instant);
      text.getChars(0, text.length(), out, 0);
      return text.length();
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, SECONDS_PER_DAY));
    int secondOfDay = Math.floorMod(epochSecond, SECONDS_PER_DAY);
    put(out, 0, date.getYear(), 4);
    out[4] = '-';
    put(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    put(out, 8, date.getDayOfMonth(), 2);
    out[10] = 'T';
    put(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    put(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    put(out, 17, secondOfDay % 60, 2);
    int at = 19;
    if (nanos != 0) {
      out[at] = '.';
      put(out, at + 1, nanos / NANOS_PER_MILLI, 3);
      at += 4;
    }
    out[at] = 'Z';
    return at + 1;
  }

  private static void put(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static int digits(CharSequence text, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        throw notRfc3339();
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static DateTimeException notRfc3339() {
    return new DateTimeException("not an RFC 3339 date-time");
  }
}
