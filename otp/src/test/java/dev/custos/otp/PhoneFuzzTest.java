package dev.custos.otp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes phone parsing: any country code and number give a phone in E.164 form or an {@link
 * InvalidOtpRequestException} on the phone field, and a phone never shows its number in full.
 *
 * <pre>{@code JAZZER_FUZZ=1 mvn -B -pl otp test -Dtest=PhoneFuzzTest}</pre>
 */
class PhoneFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void of_anyParts_e164OrInvalidPhone(FuzzedDataProvider data) {
    String countryCode = data.consumeString(8);
    String number = data.consumeRemainingAsString();
    Phone phone;
    try {
      phone = Phone.of(countryCode, number);
    } catch (InvalidOtpRequestException e) {
      assertThat(e.field()).isEqualTo(InvalidOtpRequestException.Field.PHONE);
      return;
    }
    // 1 to 3 digits of country code and 4 to 14 of number, 15 at most (a first finding of this
    // target was the test's own wrong lower bound of 7).
    assertThat(phone.e164()).matches("\\+[1-9]\\d{4,14}").isEqualTo("+" + countryCode + number);
    assertThat(phone.toString()).doesNotContain(phone.e164().substring(1));
  }
}
