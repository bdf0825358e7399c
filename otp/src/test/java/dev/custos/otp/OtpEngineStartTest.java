package dev.custos.otp;

import static dev.custos.otp.TestEngines.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.custos.otp.InvalidOtpRequestException.Field;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.FakeClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtpEngineStartTest {
  private static final String CUSTOMER = "100042";

  private final FakeClock time = FakeClock.create();
  private final RecordingSender sender = new RecordingSender();
  private final OtpEngine engine = TestEngines.unlimited(time, sender).build();

  @Test
  void start_sms_sendsSpecMessage() throws Exception {
    engine.start(ChallengeRequest.sms(CUSTOMER, PHONE));

    OtpMessage message = sender.last();
    // The spec's sandbox message, 'Your Unit verification code is: XXXXXX', then the validity.
    assertThat(message.body())
        .matches("Your Unit verification code is: \\d{6}\\. It expires in 10 minutes\\.");
    assertThat(message.channel()).isEqualTo(Channel.SMS);
    assertThat(message.phone().e164()).isEqualTo("+15555550123");
    assertThat(message.customerId()).isEqualTo(CUSTOMER);
    assertThat(message.language()).isEqualTo("en");
    assertThat(message.encoding()).isEqualTo(SmsEncoding.GSM_7);
    assertThat(message.code()).matches("\\d{6}");
    assertThat(message.body()).contains("is: " + message.code() + ".");
    assertThat(message.toString()).doesNotContain(message.code());
  }

  @Test
  void start_brandConfigured_usedInMessage() throws Exception {
    OtpEngine acme = TestEngines.unlimited(time, sender).brand("Acme Bank").build();

    acme.start(ChallengeRequest.sms(CUSTOMER, PHONE));

    assertThat(sender.last().body()).startsWith("Your Acme Bank verification code is: ");
  }

  @Test
  void start_spanish_sendsSpanishMessageAsUcs2() throws Exception {
    engine.start(ChallengeRequest.sms(CUSTOMER, PHONE).withLanguage("es"));

    OtpMessage message = sender.last();
    assertThat(message.body()).matches("Código Unit: \\d{6}\\. Vence en 10 min\\.");
    assertThat(message.encoding()).isEqualTo(SmsEncoding.UCS_2);
    assertThat(message.encoding().bytes(message.body())).isLessThanOrEqualTo(140);
  }

  @Test
  void start_appHash_followsSmsRetrieverFormat() throws Exception {
    engine.start(ChallengeRequest.sms(CUSTOMER, PHONE).withAppHash("FA+9qCX9VSu"));

    String body = sender.last().body();
    assertThat(body)
        .matches(
            "<#> Your Unit verification code is: \\d{6}\\. It expires in 10 minutes\\.\nFA\\+9qCX9VSu");
    assertThat(SmsEncoding.of(body).bytes(body)).isLessThanOrEqualTo(140);
  }

  @Test
  void start_appHashInSpanish_followsSmsRetrieverFormat() throws Exception {
    engine.start(
        ChallengeRequest.sms(CUSTOMER, PHONE).withLanguage("es").withAppHash("FA+9qCX9VSu"));

    assertThat(sender.last().body())
        .matches("<#> Código Unit: \\d{6}\\. Vence en 10 min\\.\nFA\\+9qCX9VSu");
  }

  @Test
  void start_call_sendsDigitsSeparatedTwice() throws Exception {
    engine.start(ChallengeRequest.call(CUSTOMER, PHONE));

    OtpMessage message = sender.last();
    assertThat(message.channel()).isEqualTo(Channel.CALL);
    assertThat(message.body())
        .matches(
            "Your Unit verification code is: (\\d, ){5}\\d\\. Again, your code is: (\\d, ){5}\\d\\."
                + " It expires in 10 minutes\\.");
  }

  @Test
  void start_callInSpanish_spoken() throws Exception {
    engine.start(ChallengeRequest.call(CUSTOMER, PHONE).withLanguage("es"));

    assertThat(sender.last().body())
        .matches(
            "Tu código de verificación de Unit es: (\\d, ){5}\\d\\. Repito, tu código es: (\\d, ){5}\\d\\."
                + " Vence en 10 minutos\\.");
  }

  @Test
  void start_spokenCode_matchesTheCodeThatVerifies() throws Exception {
    VerificationChallenge challenge = engine.start(ChallengeRequest.call(CUSTOMER, PHONE));
    String spoken = sender.last().body().replaceAll("^[^0-9]*((\\d, ){5}\\d).*$", "$1");

    String code = spoken.replace(", ", "");

    assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), code).approved()).isTrue();
  }

  @Test
  void start_languageWithoutTemplate_throwsNamingLanguage() {
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> engine.start(ChallengeRequest.sms(CUSTOMER, PHONE).withLanguage("xx")))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.LANGUAGE))
        .withMessageContaining("available: [af, ar, ca, cs, da, de, el, en, en-GB, es,");
    // Codes match as Unit spells them: a region in lower case is another, unknown, code.
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> engine.start(ChallengeRequest.sms(CUSTOMER, PHONE).withLanguage("zh-cn")))
        .withMessageContaining("zh-CN");
    assertThat(sender.messages()).isEmpty();
  }

  @Test
  void start_countryNotAllowed_throwsBeforeSending() throws Exception {
    OtpEngine usOnly = TestEngines.unlimited(time, sender).allowedCountryCodes("1").build();

    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(
            () -> usOnly.start(ChallengeRequest.sms(CUSTOMER, Phone.of("44", "7700900123"))))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.PHONE));
    assertThat(sender.messages()).isEmpty();
    usOnly.start(ChallengeRequest.sms(CUSTOMER, PHONE));
    assertThat(sender.messages()).hasSize(1);
  }

  @Test
  void start_senderFails_typedErrorAndNoChallengeLeft() throws Exception {
    sender.failWith(new IllegalStateException("provider down"));

    assertThatExceptionOfType(DeliveryFailedException.class)
        .isThrownBy(() -> engine.start(ChallengeRequest.sms(CUSTOMER, PHONE)))
        .withMessage("SMS delivery failed")
        .withCauseInstanceOf(IllegalStateException.class);
    assertThat(engine.stats().pendingChallenges()).isZero();
    assertThat(engine.stats().deliveryFailures()).isEqualTo(1);
    assertThat(engine.stats().started()).isZero();
  }

  @Test
  void start_senderFails_earlierChallengeStillValid() throws Exception {
    VerificationChallenge first = engine.start(ChallengeRequest.sms(CUSTOMER, PHONE));
    String code = sender.lastCode();
    sender.failWith(new IllegalStateException("provider down"));

    assertThatExceptionOfType(DeliveryFailedException.class)
        .isThrownBy(() -> engine.start(ChallengeRequest.sms(CUSTOMER, PHONE)));

    assertThat(engine.verify(CUSTOMER, first.verificationToken(), code).approved()).isTrue();
  }

  @Test
  void start_nullRequest_throwsNpe() {
    assertThatNullPointerException().isThrownBy(() -> engine.start(null));
  }

  @Test
  void start_customTemplateDirectory_addsLanguage(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("pt-BR.properties"),
        "sms = Seu código de verificação {brand} é: {code}\n"
            + "sms.retriever = <#> Seu código {brand}: {code}\\n{appHash}\n"
            + "call = Seu código {brand} é: {spokenCode}.\n");
    OtpEngine withPortuguese =
        TestEngines.unlimited(time, sender)
            .templates(MessageTemplates.builtIn().plus(MessageTemplates.fromDirectory(dir)))
            .build();

    withPortuguese.start(ChallengeRequest.sms(CUSTOMER, PHONE).withLanguage("pt-BR"));

    assertThat(sender.last().body()).matches("Seu código de verificação Unit é: \\d{6}");
    assertThat(sender.last().language()).isEqualTo("pt-BR");
  }

  @Test
  void build_brandTooLongForSomeLanguages_namesEachAndOnlyThose() {
    OtpEngineBuilder builder = TestEngines.builder(time, sender).brand("B".repeat(60));

    assertThatIllegalStateException()
        .isThrownBy(builder::build)
        .withMessageContaining("es.sms (186 bytes in UCS_2), es.sms.retriever (218 bytes in UCS_2)")
        .withMessageContaining("te.sms.retriever (228 bytes in UCS_2)")
        .withMessageNotContaining("en.sms")
        .withMessageNotContaining("fr.sms");
    // The same brand is fine where every message fits.
    assertThat(builder.templates(MessageTemplates.builtIn().only("en", "fr", "de")).build())
        .isNotNull();
  }

  @Test
  void build_missingBrandOrSender_throws() {
    assertThatIllegalStateException()
        .isThrownBy(() -> OtpEngine.builder().sender(sender).build())
        .withMessage("brand is required");
    assertThatIllegalStateException()
        .isThrownBy(() -> OtpEngine.builder().brand("Unit").build())
        .withMessage("sender is required");
  }

  @Test
  void builder_invalidSettings_throw() {
    OtpEngineBuilder b = OtpEngine.builder();

    assertThatIllegalArgumentException().isThrownBy(() -> b.brand(" "));
    assertThatIllegalArgumentException().isThrownBy(() -> b.brand("Acme\n"));
    assertThatIllegalArgumentException().isThrownBy(() -> b.brand("{code}"));
    assertThatIllegalArgumentException().isThrownBy(() -> b.maxAttempts(0));
    assertThatIllegalArgumentException().isThrownBy(() -> b.maxAttempts(11));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.challengeLifetime(Duration.ofSeconds(59)));
    assertThatIllegalArgumentException().isThrownBy(() -> b.challengeLifetime(Duration.ofHours(2)));
    assertThatIllegalArgumentException().isThrownBy(() -> b.resendCooldown(Duration.ofSeconds(-1)));
    assertThatIllegalArgumentException().isThrownBy(() -> b.maxSendsPerMinute(-1));
    assertThatIllegalArgumentException().isThrownBy(() -> b.maxConsecutiveFailures(101));
    assertThatIllegalArgumentException().isThrownBy(() -> b.maxPendingChallenges(0));
    assertThatIllegalArgumentException().isThrownBy(() -> b.masterKey(new byte[31]));
    assertThatIllegalArgumentException().isThrownBy(() -> b.allowedCountryCodes("01"));
    assertThatIllegalArgumentException().isThrownBy(() -> b.allowedCountryCodes("+1"));
    assertThatNullPointerException().isThrownBy(() -> b.sender(null));
    assertThatNullPointerException().isThrownBy(() -> b.clock(null));
    assertThatNullPointerException().isThrownBy(() -> b.lockout(null));
  }

  @Test
  void builder_masterKey_isCopied() throws Exception {
    byte[] key = new byte[32];
    OtpEngine a = TestEngines.unlimited(time, sender).masterKey(key).build();
    key[0] = 1;
    OtpEngine b = TestEngines.unlimited(time, sender).masterKey(new byte[32]).build();
    VerificationChallenge challenge = a.start(ChallengeRequest.sms(CUSTOMER, PHONE));
    time.advance(Duration.ofMinutes(10));

    assertThat(b.verify(CUSTOMER, challenge.verificationToken(), "123456").outcome())
        .isEqualTo(VerificationOutcome.EXPIRED);
  }

  @Test
  void engine_toString_namesBrandAndLanguagesOnly() throws IOException {
    assertThat(engine).hasToString("OtpEngine[brand=Unit, languages=41]");
  }

  @Test
  void builder_everySettingAtItsBounds_acceptedAndChained() {
    OtpEngineBuilder b = TestEngines.builder(time, sender);

    assertThat(
            b.challengeLifetime(Duration.ofMinutes(1))
                .challengeLifetime(Duration.ofHours(1))
                .maxAttempts(1)
                .maxAttempts(10)
                .maxSendsPerPhone(1)
                .maxSendsPerPhone(100)
                .maxSendsPerCustomer(1)
                .maxSendsPerCustomer(100)
                .sendWindow(Duration.ofMinutes(1))
                .sendWindow(Duration.ofHours(24))
                .resendCooldown(Duration.ZERO)
                .resendCooldown(Duration.ofMinutes(10))
                .maxSendsPerMinute(0)
                .maxSendsPerMinute(1_000_000)
                .maxConsecutiveFailures(1)
                .maxConsecutiveFailures(100)
                .lockout(Duration.ofMinutes(1))
                .lockout(Duration.ofHours(24))
                .permanentLockoutAfter(1)
                .permanentLockoutAfter(100)
                .failureMemory(Duration.ofDays(1))
                .failureMemory(Duration.ofDays(3660))
                .maxPendingChallenges(1)
                .maxPendingChallenges(100_000_000)
                .brand("B".repeat(60)))
        .isSameAs(b);
  }

  @Test
  void builder_settingsJustOutsideTheirBounds_throwNamingThem() {
    OtpEngineBuilder b = OtpEngine.builder();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.maxPendingChallenges(100_000_001))
        .withMessage("maxPendingChallenges must be 1 to 100000000");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.sendWindow(Duration.ofSeconds(59)))
        .withMessage("sendWindow must be PT1M to PT24H, was PT59S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.failureMemory(Duration.ofDays(3660).plusMillis(1)))
        .withMessageStartingWith("failureMemory must be PT24H to PT87840H");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.maxSendsPerPhone(101))
        .withMessage("maxSendsPerPhone must be 1 to 100, was 101");
    assertThatIllegalArgumentException().isThrownBy(() -> b.brand("B".repeat(61)));
    assertThatIllegalArgumentException().isThrownBy(() -> b.brand("Acme {"));
    assertThatIllegalArgumentException().isThrownBy(() -> b.brand("Acme }"));
  }

  @Test
  void build_brandTooLongForOneSms_namesTheTemplate(@TempDir Path dir) throws IOException {
    // UCS-2 (the ó): 70 characters fill the 140 bytes of one SMS. The retriever form is the
    // brand plus 24 characters, so a 46-character brand fits exactly and 47 does not.
    Path retrieverLonger = Files.createDirectory(dir.resolve("a"));
    Files.writeString(
        retrieverLonger.resolve("fr.properties"),
        "sms = {brand} ó{code}\nsms.retriever = <#> {brand} ó{code}\\n{appHash}\n"
            + "call = {spokenCode}\n",
        StandardCharsets.UTF_8);
    MessageTemplates templates = MessageTemplates.fromDirectory(retrieverLonger);
    assertThat(TestEngines.builder(time, sender).templates(templates).brand("B".repeat(46)).build())
        .isNotNull();
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TestEngines.builder(time, sender)
                    .templates(templates)
                    .brand("B".repeat(47))
                    .build())
        .withMessageStartingWith(
            "with brand '"
                + "B".repeat(47)
                + "' these messages are longer than one SMS (140 bytes): fr.sms.retriever (142"
                + " bytes in UCS_2); shorten the brand");

    Path smsLonger = Files.createDirectory(dir.resolve("b"));
    Files.writeString(
        smsLonger.resolve("fr.properties"),
        "sms = {brand} "
            + "ó".repeat(20)
            + "{code}\nsms.retriever = {code} {appHash}\n"
            + "call = {spokenCode}\n",
        StandardCharsets.UTF_8);
    MessageTemplates longSms = MessageTemplates.fromDirectory(smsLonger);
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TestEngines.builder(time, sender).templates(longSms).brand("B".repeat(44)).build())
        .withMessageContaining("fr.sms (");
  }

  @Test
  void build_globalBudgetZero_isOff() throws Exception {
    OtpEngine engine =
        TestEngines.unlimited(time, sender).maxSendsPerMinute(0).maxSendsPerPhone(100).build();

    for (int i = 0; i < 20; i++) {
      engine.start(ChallengeRequest.sms("c" + i, Phone.of("1", "55555501" + (10 + i))));
    }
    assertThat(sender.messages()).hasSize(20);
  }

  @Test
  void build_givenStore_isTheOneUsed() throws Exception {
    CaffeineOtpStore shared = new CaffeineOtpStore(100, 100, time);
    OtpEngine engine = TestEngines.unlimited(time, sender).store(shared).build();

    engine.start(ChallengeRequest.sms(CUSTOMER, PHONE));

    assertThat(shared.pendingChallenges()).isEqualTo(1);
  }

  @Test
  void unlock_malformedCustomerId_throwsForCustomerId() {
    assertThatExceptionOfType(InvalidOtpRequestException.class)
        .isThrownBy(() -> engine.unlock("a b"))
        .satisfies(e -> assertThat(e.field()).isEqualTo(Field.CUSTOMER_ID));
  }

  @Test
  void codeTag_bindsTheChallengeIdAndTheKey() {
    OtpCrypto crypto = new OtpCrypto(new byte[32], new java.security.SecureRandom());
    byte[] first = new byte[16];
    byte[] second = new byte[16];
    second[15] = 1;
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;

    assertThat(crypto.codeTag(first, "123456")).isNotEqualTo(crypto.codeTag(second, "123456"));
    assertThat(crypto.codeTag(first, "123456")).isNotEqualTo(crypto.codeTag(first, "123457"));
    assertThat(crypto.codeTag(first, "123456"))
        .isEqualTo(crypto.codeTag(first.clone(), "123456"))
        .isNotEqualTo(
            new OtpCrypto(otherKey, new java.security.SecureRandom()).codeTag(first, "123456"));
  }
}
