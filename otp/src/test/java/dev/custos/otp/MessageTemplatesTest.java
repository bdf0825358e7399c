package dev.custos.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTemplatesTest {
  private static final String VALID =
      "sms = Code {brand}: {code}\nsms.retriever = <#> {code}\\n{appHash}\ncall = {spokenCode}\n";

  @Test
  void builtIn_coversTheLanguagesUnitOffers() {
    assertThat(MessageTemplates.builtIn().languages()).hasSize(41).contains("en", "es", "zh-HK");
  }

  @Test
  void only_coveredLanguages_keepsThoseAndRefusesOthers() {
    assertThat(MessageTemplates.builtIn().only("en", "pt-BR").languages())
        .containsExactly("en", "pt-BR");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MessageTemplates.builtIn().only("en", "pt-br"))
        .withMessageContaining("pt-br")
        .withMessageContaining("pt-BR");
    assertThatIllegalArgumentException().isThrownBy(() -> MessageTemplates.builtIn().only());
  }

  @Test
  void fromDirectory_everyPropertiesFileIsALanguage(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("fr.properties"), VALID);
    Files.writeString(dir.resolve("zh-CN.properties"), VALID);
    Files.writeString(dir.resolve("README.txt"), "not a template");

    assertThat(MessageTemplates.fromDirectory(dir).languages()).containsExactly("fr", "zh-CN");
  }

  @Test
  void plus_otherWinsForSameLanguage(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("en.properties"), VALID);

    MessageTemplates combined =
        MessageTemplates.builtIn().plus(MessageTemplates.fromDirectory(dir));

    assertThat(combined.languages()).hasSize(41);
    assertThat(combined.template("en").render(Channel.SMS, "Acme", "123456", null))
        .isEqualTo("Code Acme: 123456");
  }

  @Test
  void fromDirectory_emptyDirectory_throws(@TempDir Path dir) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MessageTemplates.fromDirectory(dir))
        .withMessageContaining("no <language>.properties template file");
  }

  @Test
  void fromDirectory_fileNameNotALanguage_throws(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("English.properties"), VALID);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> MessageTemplates.fromDirectory(dir))
        .withMessageContaining("English.properties");
  }

  @Test
  void fromDirectory_missingKey_throwsNamingIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("fr.properties"), "sms = {code}\ncall = {spokenCode}\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> MessageTemplates.fromDirectory(dir))
        .withMessage("template fr.sms.retriever is missing");
  }

  @Test
  void fromDirectory_unknownKey_throws(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("fr.properties"), VALID + "email = {code}\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> MessageTemplates.fromDirectory(dir))
        .withMessageContaining("unknown key email");
  }

  @Test
  void fromDirectory_placeholderNotAllowedForKey_throws(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("fr.properties"),
        "sms = {code}\nsms.retriever = {code} {appHash}\ncall = {code}\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> MessageTemplates.fromDirectory(dir))
        .withMessageContaining("template fr.call has placeholder {code}");
  }

  @Test
  void fromDirectory_smsWithoutCode_throws(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("fr.properties"),
        "sms = Hello {brand}\nsms.retriever = {code} {appHash}\ncall = {spokenCode}\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> MessageTemplates.fromDirectory(dir))
        .withMessage("template fr.sms must contain [code]");
  }

  @Test
  void smsEncoding_englishIsGsm7SpanishAccentsAreUcs2() {
    assertThat(SmsEncoding.of("Your Unit verification code is: 123456"))
        .isEqualTo(SmsEncoding.GSM_7);
    assertThat(SmsEncoding.of("<#> code 123456\nFA+9qCX9VSu")).isEqualTo(SmsEncoding.GSM_7);
    // é, ñ and ü are in the GSM alphabet; ó, í and á are not.
    assertThat(SmsEncoding.of("café señor pingüino")).isEqualTo(SmsEncoding.GSM_7);
    assertThat(SmsEncoding.of("código")).isEqualTo(SmsEncoding.UCS_2);
    assertThat(SmsEncoding.of("verificación")).isEqualTo(SmsEncoding.UCS_2);
  }

  @Test
  void smsEncoding_bytes_160Gsm7CharsFillOneMessage() {
    assertThat(SmsEncoding.GSM_7.bytes("a".repeat(160))).isEqualTo(140);
    assertThat(SmsEncoding.GSM_7.bytes("{".repeat(80))).isEqualTo(140);
    assertThat(SmsEncoding.UCS_2.bytes("ó".repeat(70))).isEqualTo(140);
  }

  @Test
  void fromDirectory_blankTemplate_throwsAsMissing(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("fr.properties"), "sms = {code}\nsms.retriever =  \ncall = {spokenCode}\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> MessageTemplates.fromDirectory(dir))
        .withMessage("template fr.sms.retriever is missing");
  }

  @Test
  void fromDirectory_templateOf500Characters_acceptedAnd501Refused(@TempDir Path dir)
      throws Exception {
    String call = "call = {spokenCode}";
    Files.writeString(
        dir.resolve("fr.properties"),
        VALID.replace(call, call + "x".repeat(500 - "{spokenCode}".length())));
    assertThat(MessageTemplates.fromDirectory(dir).languages()).containsExactly("fr");

    Files.writeString(
        dir.resolve("fr.properties"),
        VALID.replace(call, call + "x".repeat(501 - "{spokenCode}".length())));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MessageTemplates.fromDirectory(dir))
        .withMessage("template fr.call is longer than 500 characters");
  }

  @Test
  void smsEncoding_firstCharacterOfEachTable_isGsm7() {
    // '@' opens the basic table and the form feed the extension table.
    assertThat(SmsEncoding.of("@")).isEqualTo(SmsEncoding.GSM_7);
    assertThat(SmsEncoding.of("\f")).isEqualTo(SmsEncoding.GSM_7);
    assertThat(SmsEncoding.GSM_7.bytes("\f")).isEqualTo(2);
    assertThat(SmsEncoding.GSM_7.bytes("@")).isEqualTo(1);
  }
}
