package dev.custos.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.FakeClock;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The 41 built-in languages: each message carries what it must, every SMS fits one message, and a
 * brand either fits every language or the engine refuses it naming exactly those it does not fit.
 */
class BuiltInTemplatesTest {
  /** Unit's list, in Unit's order and spelling. */
  static final List<String> UNIT_LANGUAGES =
      List.of(
          "en", "af", "ar", "ca", "zh", "zh-CN", "zh-HK", "hr", "cs", "da", "nl", "en-GB", "et",
          "fi", "fr", "de", "el", "he", "hi", "hu", "id", "it", "ja", "kn", "ko", "ms", "mr", "nb",
          "pl", "pt-BR", "pt", "ro", "ru", "sk", "es", "sv", "tl", "te", "th", "tr", "vi");

  private static final MessageTemplates BUILT_IN = MessageTemplates.builtIn();
  private static final String CODE = "493817";
  private static final String HASH = "FA+9qCX9VSu";

  private static int bytes(String body) {
    return SmsEncoding.of(body).bytes(body);
  }

  @Test
  void builtIn_languages_areExactlyUnits() {
    assertThat(BUILT_IN.languages()).containsExactlyInAnyOrderElementsOf(UNIT_LANGUAGES);
  }

  @Test
  void render_everyLanguage_carriesBrandCodeValidityAndRetrieverForm() {
    List<String> errors = new ArrayList<>();
    for (String language : UNIT_LANGUAGES) {
      MessageTemplates.Template t = BUILT_IN.template(language);
      String sms = t.render(Channel.SMS, "Acme", CODE, null);
      String retriever = t.render(Channel.SMS, "Acme", CODE, HASH);
      String call = t.render(Channel.CALL, "Acme", CODE, null);
      for (String body : List.of(sms, retriever, call)) {
        if (!body.contains("Acme")) {
          errors.add(language + ": no brand in " + body);
        }
        if (!body.contains("10")) {
          errors.add(language + ": no validity (10 minutes) in " + body);
        }
        if (!Normalizer.isNormalized(body, Normalizer.Form.NFC)) {
          errors.add(language + ": not NFC: " + body);
        }
      }
      if (!sms.contains(CODE) || !retriever.contains(CODE)) {
        errors.add(language + ": the SMS lacks the code");
      }
      if (!retriever.equals("<#> " + sms + "\n" + HASH)) {
        errors.add(language + ": the retriever form is not <#> + the SMS + the hash line");
      }
      // Read out digit by digit, twice.
      String spoken = "4, 9, 3, 8, 1, 7";
      if (call.indexOf(spoken) < 0 || call.indexOf(spoken) == call.lastIndexOf(spoken)) {
        errors.add(language + ": the call does not read the code twice: " + call);
      }
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void render_rightToLeftLanguages_keepTheCodeALeftToRightIsolate() {
    for (String language : List.of("ar", "he")) {
      String sms = BUILT_IN.template(language).render(Channel.SMS, "Acme", CODE, null);

      assertThat(sms).as(language).contains("\u2066" + CODE + "\u2069");
    }
  }

  @Test
  void render_everyLanguage_fitsOneSmsWithTheLongestGuaranteedBrand() {
    String brand = "W".repeat(MessageTemplates.BRAND_FITTING_EVERY_LANGUAGE);
    List<String> tooLong = new ArrayList<>();
    for (String language : UNIT_LANGUAGES) {
      for (String hash : new String[] {null, HASH}) {
        String body = BUILT_IN.template(language).render(Channel.SMS, brand, CODE, hash);
        if (bytes(body) > 140) {
          tooLong.add(language + (hash == null ? ".sms " : ".sms.retriever ") + bytes(body));
        }
      }
    }
    assertThat(tooLong).as("languages whose SMS does not fit one message").isEmpty();
  }

  /** Brands of any allowed length, mixing GSM letters, accents outside GSM, and other scripts. */
  private static Gen<String> brands() {
    String letters = "AcmeBank 24&-ÉéñÄüëłçăşőжΩ中한";
    return lists()
        .of(integers().between(0, letters.length() - 1))
        .ofSizeBetween(1, 60)
        .map(
            is -> {
              StringBuilder b = new StringBuilder();
              is.forEach(i -> b.append(letters.charAt(i)));
              // The brand may not be blank.
              b.setCharAt(0, 'A');
              return b.toString();
            });
  }

  @Test
  void build_anyBrand_fitsEveryLanguageOrNamesExactlyThoseItDoesNot() {
    qt().withExamples(300)
        .forAll(brands())
        .checkAssert(
            brand -> {
              TreeSet<String> overflowing = new TreeSet<>();
              for (String language : UNIT_LANGUAGES) {
                for (String hash : new String[] {null, HASH}) {
                  String body = BUILT_IN.template(language).render(Channel.SMS, brand, CODE, hash);
                  if (bytes(body) > 140) {
                    overflowing.add(language + (hash == null ? ".sms (" : ".sms.retriever ("));
                  }
                }
              }
              Throwable refused =
                  catchThrowable(
                      () ->
                          TestEngines.builder(FakeClock.create(), new RecordingSender())
                              .brand(brand)
                              .build());
              if (overflowing.isEmpty()) {
                assertThat(refused).as(brand).isNull();
              } else {
                assertThat(refused).as(brand).isInstanceOf(IllegalStateException.class);
                for (String form : overflowing) {
                  assertThat(refused.getMessage()).as(brand).contains(form);
                }
                long named =
                    UNIT_LANGUAGES.stream()
                        .flatMap(l -> List.of(l + ".sms (", l + ".sms.retriever (").stream())
                        .filter(refused.getMessage()::contains)
                        .count();
                assertThat(named).as(brand).isEqualTo(overflowing.size());
              }
            });
  }

  /**
   * A payment's SMS is one message in every language with the longest guaranteed brand, the longest
   * amount and the longest payee of letters outside GSM 03.38 (so UCS-2: 70 characters): the amount
   * whole, the payee cut visibly. Prints, per language, the payee characters shown.
   */
  @Test
  void renderPayment_worstCaseEveryLanguage_oneSmsWholeAmountPayeeCutVisibly() {
    String brand = "W".repeat(MessageTemplates.BRAND_FITTING_EVERY_LANGUAGE);
    Transaction worst =
        Transaction.of("999999999999999.999", "BHD", "\u0416".repeat(Transaction.MAX_PAYEE_LENGTH));
    StringBuilder report = new StringBuilder();
    for (String language : UNIT_LANGUAGES) {
      String sms = BUILT_IN.template(language).renderPayment(Channel.SMS, brand, CODE, worst);
      assertThat(sms).as(language).isNotNull();
      assertThat(bytes(sms)).as(language).isLessThanOrEqualTo(140);
      assertThat(sms).as(language).contains(CODE, "999999999999999.999", "BHD", "\u0416\u2026");
      int shown = sms.length() - sms.replace("\u0416", "").length();
      assertThat(shown).as(language + ": payee characters shown").isGreaterThanOrEqualTo(6);
      String call =
          BUILT_IN
              .template(language)
              .renderPayment(Channel.CALL, brand, CODE, Transaction.of("12.5", "EUR", "Acme Ltd"));
      assertThat(call).as(language).contains("12.50", "EUR", "Acme Ltd");
      report.append(language).append('=').append(bytes(sms)).append("B/").append(shown).append(' ');
    }
    System.out.println("payment SMS, worst case (bytes/payee characters): " + report);
  }

  @Test
  void renderPayment_shortPayeeInAGsmLanguage_wholeAndGsm() {
    String sms =
        BUILT_IN
            .template("en")
            .renderPayment(Channel.SMS, "Acme", CODE, Transaction.of("12.5", "EUR", "Jane Roe"));

    assertThat(sms).isEqualTo("Acme: " + CODE + " to pay 12.50 EUR to Jane Roe");
    assertThat(SmsEncoding.of(sms)).isEqualTo(SmsEncoding.GSM_7);
  }

  @Test
  void renderPayment_longGsmPayee_cutWithDotsNotAnEllipsisOutsideGsm() {
    String sms =
        BUILT_IN
            .template("en")
            .renderPayment(
                Channel.SMS,
                "W".repeat(16),
                CODE,
                Transaction.of("999999999999999.99", "EUR", "A".repeat(70)));

    assertThat(SmsEncoding.of(sms)).isEqualTo(SmsEncoding.GSM_7);
    assertThat(bytes(sms)).isLessThanOrEqualTo(140);
  }
}
