package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

  @Test
  void decode_canonical_roundTrips() {
    for (int n = 0; n < 40; n++) {
      byte[] bytes = new byte[n];
      for (int i = 0; i < n; i++) {
        bytes[i] = (byte) (i * 37 + n);
      }
      assertThat(Base64Url.decode(Base64Url.encode(bytes))).isEqualTo(bytes);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"AA==", "AA=", "A", "AAAAA", "AB", "AAB", "A+A", "A/A", "A A", "AA\n", "Zg.", "é"})
  void decode_nonCanonical_null(String input) {
    assertThat(Base64Url.decode(input)).isNull();
  }

  @Test
  void decode_zeroTrailingBits_accepted() {
    assertThat(Base64Url.decode("AA")).containsExactly(0);
    assertThat(Base64Url.decode("AAE")).containsExactly(0, 1);
  }

  @Test
  void decode_everyFinalCharacter_acceptedExactlyWhenItsUnusedBitsAreZero() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int value = 0; value < 64; value++) {
      char last = alphabet.charAt(value);
      // Two characters carry one byte: the last one's low 4 bits are unused.
      assertThat(Base64Url.decode("A" + last) != null)
          .as("A%s", last)
          .isEqualTo((value & 0x0f) == 0);
      // Three characters carry two bytes: the last one's low 2 bits are unused.
      assertThat(Base64Url.decode("AA" + last) != null)
          .as("AA%s", last)
          .isEqualTo((value & 0x03) == 0);
      assertThat(Base64Url.decode("AAA" + last)).as("AAA%s", last).hasSize(3);
    }
  }

  @Test
  void decode_everyCharacterAtEveryPosition_agreesWithDecodeThenReencode() {
    // Oracle: the JDK's decoder plus the rule that re-encoding gives the input back.
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    for (String base : new String[] {"AA", "AAA", "AAAA", "gAAAAg"}) {
      for (int position = 0; position < base.length(); position++) {
        // Past ASCII too: U+0080 is the first character beyond the lookup table.
        for (char c = 0; c < 0x180; c++) {
          String input = base.substring(0, position) + c + base.substring(position + 1);
          byte[] expected;
          try {
            expected = Base64.getUrlDecoder().decode(input);
            if (!encoder.encodeToString(expected).equals(input)) {
              expected = null;
            }
          } catch (IllegalArgumentException e) {
            expected = null;
          }
          assertThat(Base64Url.decode(input)).as("%s", input).isEqualTo(expected);
        }
      }
    }
  }
}
