package dev.custos.kit;

import static dev.custos.kit.assertj.JsonApiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.Channel;
import dev.custos.otp.InvalidOtpRequestException;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The phone and language generators make what they say, checked against the OTP engine and the
 * verification endpoint: 1,000 examples per seed.
 */
class OtpInputGeneratorsTest {
  private static final int EXAMPLES = 1_000;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void phones_ofTheCountriesAsked_andPhonesOutside_refusedByAnEngineAllowingOnlyThose(long seed) {
    OtpEngine engine =
        OtpEngine.builder().brand("Kit").sender(m -> {}).allowedCountryCodes("1", "44").build();
    for (Phone phone : PhoneGenerators.phones("1", "44").sample(seed, EXAMPLES)) {
      assertThat(phone.countryCode()).as("seed %d", seed).isIn("1", "44");
      assertThat(phone.e164()).as("seed %d", seed).matches("\\+[0-9]{5,15}");
    }
    for (Phone phone : PhoneGenerators.phonesOutside("1", "44").sample(seed, EXAMPLES)) {
      InvalidOtpRequestException e =
          catchThrowableOfType(
              InvalidOtpRequestException.class,
              () -> engine.start(ChallengeRequest.of("100001", Channel.SMS, phone)));
      assertThat(e).as("seed %d: %s was sent to", seed, phone).isNotNull();
      assertThat(e.field()).isEqualTo(InvalidOtpRequestException.Field.PHONE);
    }
    assertThat(PhoneGenerators.phones().sample(seed, EXAMPLES))
        .extracting(phone -> phone.countryCode().length())
        .contains(1, 2, 3);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void invalidPhones_refusedAsPhoneOfTheirKind_400AtThePhone(long seed) {
    InMemoryPlatform platform = InMemoryPlatform.create();
    Set<InvalidPhone.Kind> seen = EnumSet.noneOf(InvalidPhone.Kind.class);
    for (InvalidPhone bad : PhoneGenerators.invalidPhones().sample(seed, EXAMPLES)) {
      InvalidOtpRequestException e =
          catchThrowableOfType(
              InvalidOtpRequestException.class, () -> Phone.of(bad.countryCode(), bad.number()));
      assertThat(e).as("seed %d: %s was accepted", seed, bad).isNotNull();
      assertThat(e.field()).isEqualTo(InvalidOtpRequestException.Field.PHONE);
      Map<String, String> phone = Map.of("countryCode", bad.countryCode(), "number", bad.number());
      assertThat(platform.postVerification("100001", Map.of("channel", "sms", "phone", phone)))
          .as("seed %d: %s", seed, bad)
          .hasStatus(400)
          .hasPointer("/data/attributes/phone");
      seen.add(bad.kind());
    }
    assertThat(seen).containsExactlyInAnyOrder(InvalidPhone.Kind.values());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void languages_sentIn_invalidOnes_400AtTheLanguage(long seed) {
    InMemoryPlatform platform = InMemoryPlatform.create();
    for (String language : LanguageGenerators.languages().sample(seed, 100)) {
      assertThat(
              platform.postVerification("100001", Map.of("channel", "sms", "language", language)))
          .as("seed %d: %s", seed, language)
          .hasStatus(201);
      assertThat(platform.messages().get(platform.messages().size() - 1).language())
          .isEqualTo(language);
      platform.clock().advance(Duration.ofDays(1));
    }
    Set<InvalidLanguage.Kind> seen = EnumSet.noneOf(InvalidLanguage.Kind.class);
    for (InvalidLanguage bad : LanguageGenerators.invalidLanguages().sample(seed, EXAMPLES)) {
      assertThat(
              platform.postVerification(
                  "100001", Map.of("channel", "sms", "language", bad.value())))
          .as("seed %d: %s", seed, bad)
          .hasStatus(400)
          .hasPointer("/data/attributes/language");
      seen.add(bad.kind());
    }
    assertThat(seen).containsExactlyInAnyOrder(InvalidLanguage.Kind.values());
    assertThat(platform.messages()).hasSize(100);
  }

  @ParameterizedTest
  @ValueSource(longs = {7})
  void sameSeed_samePhonesAndLanguages(long seed) {
    List<String> first = PhoneGenerators.phones().map(Phone::e164).sample(seed, 20);
    assertThat(PhoneGenerators.phones().map(Phone::e164).sample(seed, 20)).isEqualTo(first);
    assertThat(LanguageGenerators.invalidLanguages().sample(seed, 20).toString())
        .isEqualTo(LanguageGenerators.invalidLanguages().sample(seed, 20).toString());
  }
}
