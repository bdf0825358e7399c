package dev.custos.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.otp.InvalidOtpRequestException.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneTest {

  @Test
  void of_validParts_e164() {
    Phone phone = Phone.of("1", "5555550123");

    assertThat(phone.e164()).isEqualTo("+15555550123");
    assertThat(phone.countryCode()).isEqualTo("1");
  }

  @Test
  void of_fifteenDigitsInAll_accepted() {
    assertThat(Phone.of("999", "123456789012").e164()).hasSize(16);
  }

  @ParameterizedTest
  @CsvSource({
    "'', 5555550123",
    "0, 5555550123",
    "1234, 5555550123",
    "+1, 5555550123",
    "a, 5555550123",
    "1, 555",
    "1, 555-555-0123",
    "1, 555 5550123",
    "1, +5555550123",
    "1, 555555012345678",
    "999, 1234567890123",
    "1, ５５５５５５０１２３",
  })
  void of_invalid_throwsForPhone(String countryCode, String number) {
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> Phone.of(countryCode, number))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.PHONE))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(number));
  }

  @Test
  void of_nullPart_throwsForPhone() {
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> Phone.of(null, "5555550123"));
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> Phone.of("1", null));
  }

  @Test
  void toString_masksAllButLastTwoDigits() {
    Phone phone = Phone.of("34", "612345678");

    assertThat(phone.toString()).isEqualTo("+34 *******78").isEqualTo(phone.masked());
    assertThat(phone.toString()).doesNotContain("612345678").doesNotContain("3456");
  }

  @Test
  void equals_sameParts() {
    assertThat(Phone.of("1", "5555550123"))
        .isEqualTo(Phone.of("1", "5555550123"))
        .hasSameHashCodeAs(Phone.of("1", "5555550123"))
        .isNotEqualTo(Phone.of("15", "555550123"));
  }

  @Test
  void of_numberOfFourAndOfFourteenDigits_accepted() {
    assertThat(Phone.of("1", "5555").e164()).isEqualTo("+15555");
    assertThat(Phone.of("1", "12345678901234").e164()).isEqualTo("+112345678901234");
  }

  @Test
  void equals_onePartDiffers_notEqual() {
    Phone phone = Phone.of("1", "5555550123");

    assertThat(phone)
        .isNotEqualTo(Phone.of("44", "5555550123"))
        .isNotEqualTo(Phone.of("1", "5555550124"))
        .isNotEqualTo("+15555550123");
    assertThat(phone.hashCode())
        .isNotEqualTo(Phone.of("44", "5555550123").hashCode())
        .isNotEqualTo(Phone.of("1", "5555550124").hashCode());
  }
}
