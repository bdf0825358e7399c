package dev.custos.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A payment's elements, read strictly into one canonical form and one digest. */
class TransactionTest {
  @ParameterizedTest
  @CsvSource({
    "12.5, EUR, 12.50",
    "12.50, EUR, 12.50",
    "12, EUR, 12.00",
    "0.01, EUR, 0.01",
    "1200, JPY, 1200",
    "1.234, BHD, 1.234",
    "999999999999999.99, USD, 999999999999999.99"
  })
  void of_validAmount_keptWithTheCurrencysMinorDigits(String amount, String currency, String kept) {
    assertThat(Transaction.of(amount, currency, "Acme").amount()).isEqualTo(kept);
  }

  @ParameterizedTest
  @CsvSource({
    "0, EUR",
    "0.00, EUR",
    "12.345, EUR",
    "12.5, JPY",
    "012, EUR",
    "-1, EUR",
    "1e3, EUR",
    "1 000, EUR",
    "'', EUR",
    "1000000000000000, EUR",
    "12., EUR",
    ".5, EUR",
    "１２, EUR"
  })
  void of_badAmount_refusedAtAmount(String amount, String currency) {
    assertThatThrownBy(() -> Transaction.of(amount, currency, "Acme"))
        .isInstanceOfSatisfying(
            InvalidTransactionException.class, e -> assertThat(e.member()).isEqualTo("amount"));
  }

  @ParameterizedTest
  @CsvSource({"eur", "EURO", "XXX", "ABC", "'', "})
  void of_badCurrency_refusedAtCurrency(String currency) {
    assertThatThrownBy(() -> Transaction.of("1", currency == null ? "" : currency, "Acme"))
        .isInstanceOfSatisfying(
            InvalidTransactionException.class, e -> assertThat(e.member()).isEqualTo("currency"));
  }

  @Test
  void of_payee_normalizedSoOnePayeeHasOneDigest() {
    Transaction plain = Transaction.of("1", "EUR", "Café Müller Ltd");

    for (String same :
        new String[] {
          "Cafe\u0301 Mu\u0308ller Ltd", // decomposed accents (NFC)
          "  Café   Müller\tLtd ",
          "Café\u00a0Müller\u2003Ltd"
        }) {
      Transaction other = Transaction.of("1.00", "EUR", same);
      assertThat(other.payee()).isEqualTo("Café Müller Ltd");
      assertThat(other.digest()).isEqualTo(plain.digest());
    }
  }

  @Test
  void of_lookAlikePayee_anotherPaymentWithAnotherDigest() {
    Transaction latin = Transaction.of("1", "EUR", "Acme");
    Transaction cyrillic = Transaction.of("1", "EUR", "\u0410cme");

    assertThat(cyrillic).isNotEqualTo(latin);
    assertThat(cyrillic.digest()).isNotEqualTo(latin.digest());
  }

  @ParameterizedTest
  @CsvSource({
    "'Ac\u200Bme'", // zero-width space
    "'Acme\u202Egnp.exe'", // right-to-left override
    "'Acme\u2066Ltd'", // left-to-right isolate
    "'Acme\u0000'",
    "'\uE000Acme'", // private use
    "'   '"
  })
  void of_hiddenCharactersOrEmpty_refusedAtPayee(String payee) {
    assertThatThrownBy(() -> Transaction.of("1", "EUR", payee))
        .isInstanceOfSatisfying(
            InvalidTransactionException.class, e -> assertThat(e.member()).isEqualTo("payee"));
  }

  @Test
  void of_payeeLengths_seventyCharactersAtMost() {
    assertThat(Transaction.of("1", "EUR", "\uD83D\uDE00".repeat(70)).payee()).hasSize(140);
    assertThatThrownBy(() -> Transaction.of("1", "EUR", "a".repeat(71)))
        .isInstanceOf(InvalidTransactionException.class);
  }

  @Test
  void withPayeeAccountAndReference_partOfTheDigestAndNotInterchangeable() {
    Transaction base = Transaction.of("1", "EUR", "Acme");
    Transaction account = base.withPayeeAccount("de89 3704 0044 0532 0130 00");
    Transaction reference = base.withReference("DE89370400440532013000");

    assertThat(account.payeeAccount()).contains("DE89370400440532013000");
    assertThat(account.digest()).isNotEqualTo(base.digest()).isNotEqualTo(reference.digest());
    assertThatThrownBy(() -> base.withPayeeAccount("DE89-3704"))
        .isInstanceOfSatisfying(
            InvalidTransactionException.class,
            e -> assertThat(e.member()).isEqualTo("payeeAccount"));
    assertThatThrownBy(() -> base.withReference("a\u200Bb"))
        .isInstanceOfSatisfying(
            InvalidTransactionException.class, e -> assertThat(e.member()).isEqualTo("reference"));
  }

  @Test
  void toString_showsNoPayee() {
    assertThat(Transaction.of("1", "EUR", "Jane Roe").toString())
        .isEqualTo("Transaction[1.00 EUR]")
        .doesNotContain("Jane");
  }

  /** Any two different accepted payees are two digests: no change goes unnoticed. */
  @Test
  void digest_anyTwoDifferentPayees_differ() {
    qt().withExamples(500)
        .forAll(
            strings().betweenCodePoints(0x20, 0x24FF).ofLengthBetween(1, 20),
            integers().between(0, 19),
            integers().between(0x21, 0x24FF))
        .assuming((payee, at, cp) -> accepted(payee) != null)
        .checkAssert(
            (payee, at, cp) -> {
              Transaction one = accepted(payee);
              int[] points = one.payee().codePoints().toArray();
              points[at % points.length] = cp;
              Transaction other = accepted(new String(points, 0, points.length));
              if (other != null && !other.payee().equals(one.payee())) {
                assertThat(other.digest()).isNotEqualTo(one.digest());
              }
            });
  }

  private static Transaction accepted(String payee) {
    try {
      return Transaction.of("1", "EUR", payee);
    } catch (InvalidTransactionException e) {
      return null;
    }
  }
}
