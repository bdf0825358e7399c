package dev.custos.jsonapi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as Unit writes them, in UTC with milliseconds: {@code 2024-01-31T12:00:00.000Z}. */
final class UnitTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private UnitTime() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
