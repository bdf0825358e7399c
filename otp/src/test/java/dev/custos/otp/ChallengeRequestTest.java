package dev.custos.otp;

import static dev.custos.otp.TestEngines.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.otp.InvalidOtpRequestException.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChallengeRequestTest {

  @Test
  void sms_defaults_englishNoAppHash() {
    ChallengeRequest request = ChallengeRequest.sms("100042", PHONE);

    assertThat(request.channel()).isEqualTo(Channel.SMS);
    assertThat(request.language()).isEqualTo("en");
    assertThat(request.appHash()).isEmpty();
  }

  @Test
  void withAppHash_valid_kept() {
    assertThat(ChallengeRequest.sms("1", PHONE).withAppHash("FA+9qCX9VSu").appHash())
        .contains("FA+9qCX9VSu");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"", "FA+9qCX9VS", "FA+9qCX9VSuX", "FA+9qCX9VS=", "FA-9qCX9VSu", "FA 9qCX9VSu"})
  void withAppHash_invalid_throwsForAppHash(String appHash) {
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> ChallengeRequest.sms("1", PHONE).withAppHash(appHash))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.APP_HASH));
  }

  @Test
  void withAppHash_onCall_throwsForAppHash() {
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> ChallengeRequest.call("1", PHONE).withAppHash("FA+9qCX9VSu"))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.APP_HASH))
        .withMessage("appHash: is allowed for sms only");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "EN", "english", "e", "en_US", "en-", "es-ES-x"})
  void withLanguage_malformed_throwsForLanguage(String language) {
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> ChallengeRequest.sms("1", PHONE).withLanguage(language))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.LANGUAGE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"es", "pt-BR", "zh-CN", "en-GB", "fil"})
  void withLanguage_wellFormed_kept(String language) {
    assertThat(ChallengeRequest.sms("1", PHONE).withLanguage(language).language())
        .isEqualTo(language);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "a b", "100042\n", "ä", "id/1", "{id}"})
  void of_invalidCustomerId_throwsForCustomerId(String customerId) {
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> ChallengeRequest.sms(customerId, PHONE))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.CUSTOMER_ID));
  }

  @Test
  void of_customerIdOf129Characters_throws() {
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> ChallengeRequest.sms("a".repeat(129), PHONE));
    assertThat(ChallengeRequest.sms("a".repeat(128), PHONE).customerId()).hasSize(128);
  }

  @Test
  void of_nullChannelOrPhone_throwsNamingField() {
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> ChallengeRequest.of("1", null, PHONE))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.CHANNEL));
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> ChallengeRequest.of("1", Channel.SMS, null))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.PHONE));
  }

  @Test
  void toString_masksPhone() {
    assertThat(ChallengeRequest.sms("100042", PHONE).withAppHash("FA+9qCX9VSu"))
        .hasToString("ChallengeRequest[customer=100042, SMS, +1 ********23, en, appHash]");
  }

  @Test
  void equals_sameFields() {
    assertThat(ChallengeRequest.sms("1", PHONE).withLanguage("es"))
        .isEqualTo(ChallengeRequest.sms("1", PHONE).withLanguage("es"))
        .isNotEqualTo(ChallengeRequest.sms("1", PHONE));
  }

  @Test
  void equals_eachFieldDiffers_notEqual() {
    ChallengeRequest base = ChallengeRequest.sms("1", PHONE);

    assertThat(base)
        .isEqualTo(ChallengeRequest.sms("1", PHONE))
        .hasSameHashCodeAs(ChallengeRequest.sms("1", PHONE))
        .isNotEqualTo(ChallengeRequest.sms("2", PHONE))
        .isNotEqualTo(ChallengeRequest.call("1", PHONE))
        .isNotEqualTo(ChallengeRequest.sms("1", Phone.of("1", "5555550124")))
        .isNotEqualTo(base.withAppHash("FA+9qCX9VSu"))
        .isNotEqualTo(base.withLanguage("es"))
        .isNotEqualTo("ChallengeRequest");
    assertThat(base.withAppHash("FA+9qCX9VSu"))
        .isEqualTo(ChallengeRequest.sms("1", PHONE).withAppHash("FA+9qCX9VSu"))
        .isNotEqualTo(base.withAppHash("FA+9qCX9VSv"));
    assertThat(base.hashCode()).isNotEqualTo(ChallengeRequest.sms("2", PHONE).hashCode());
  }

  @Test
  void toString_withoutAppHash_saysNothingOfIt() {
    assertThat(ChallengeRequest.call("100042", PHONE))
        .hasToString("ChallengeRequest[customer=100042, CALL, +1 ********23, en]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "z", "A", "Z", "0", "9", ".", "_", ":", "-", "a.b_c:d-e"})
  void of_customerIdAtTheEdgesOfItsAlphabet_accepted(String customerId) {
    assertThat(ChallengeRequest.sms(customerId, PHONE).customerId()).isEqualTo(customerId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"`", "{", "@", "[", "/", "~", " "})
  void of_customerIdJustOutsideItsAlphabet_throws(String customerId) {
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> ChallengeRequest.sms(customerId, PHONE))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.CUSTOMER_ID));
  }

  @ParameterizedTest
  @ValueSource(strings = {"AAAAAAAAAA/", "AAAAAAAAAA+", "azAZ09azAZ0"})
  void withAppHash_edgesOfItsAlphabet_kept(String appHash) {
    assertThat(ChallengeRequest.sms("1", PHONE).withAppHash(appHash).appHash()).contains(appHash);
  }
}
