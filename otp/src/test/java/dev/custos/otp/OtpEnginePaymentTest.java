package dev.custos.otp;

import static dev.custos.otp.TestEngines.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Codes bound to one payment (PSD2's dynamic linking), and Article 4's lockout. */
class OtpEnginePaymentTest {
  private static final String CUSTOMER = "100042";
  private static final Transaction PAYMENT = Transaction.of("12.5", "EUR", "Acme Ltd");

  private final FakeClock time = FakeClock.create();
  private final RecordingSender sender = new RecordingSender();
  private final List<String> heard = new ArrayList<>();
  private final OtpEngine engine =
      TestEngines.unlimited(time, sender)
          .article4()
          .listener(
              new OtpListener() {
                @Override
                public void customerLockedOut(
                    String customerId, Optional<Duration> lockout, boolean payment) {
                  heard.add(customerId + " " + lockout.orElse(null) + " payment=" + payment);
                }
              })
          .build();

  private VerificationChallenge start(Transaction transaction) throws Exception {
    return engine.start(ChallengeRequest.sms(CUSTOMER, PHONE).withTransaction(transaction));
  }

  @Test
  void start_payment_messageStatesAmountAndPayee() throws Exception {
    start(PAYMENT);

    assertThat(sender.last().body())
        .isEqualTo("Unit: " + sender.lastCode() + " to pay 12.50 EUR to Acme Ltd");
  }

  @Test
  void verify_theSamePayment_approved() throws Exception {
    VerificationChallenge challenge = start(PAYMENT);

    assertThat(
            engine
                .verify(
                    CUSTOMER,
                    challenge.verificationToken(),
                    sender.lastCode(),
                    null,
                    Transaction.of("12.50", "EUR", " Acme\u00a0 Ltd "))
                .outcome())
        .isEqualTo(VerificationOutcome.APPROVED);
  }

  @Test
  void verify_anyElementChangedOrNoPayment_aWrongCodeThatNamesNothing() throws Exception {
    List<Transaction> others =
        List.of(
            Transaction.of("12.51", "EUR", "Acme Ltd"),
            Transaction.of("12.50", "GBP", "Acme Ltd"),
            Transaction.of("12.50", "EUR", "Acme Ltd."),
            Transaction.of("12.50", "EUR", "\u0410cme Ltd"), // Cyrillic A
            Transaction.of("12.50", "EUR", "Acme Ltd").withReference("invoice 7"));
    for (Transaction other : others) {
      engine.unlock(CUSTOMER); // Article 4 would lock the customer out after 5 of these
      VerificationChallenge challenge = start(PAYMENT);
      VerificationResult result =
          engine.verify(CUSTOMER, challenge.verificationToken(), sender.lastCode(), null, other);
      assertThat(result.outcome()).as(other.payee()).isEqualTo(VerificationOutcome.INCORRECT_CODE);
    }
    engine.unlock(CUSTOMER);
    VerificationChallenge challenge = start(PAYMENT);
    assertThat(engine.verify(CUSTOMER, challenge.verificationToken(), sender.lastCode()).outcome())
        .isEqualTo(VerificationOutcome.INCORRECT_CODE);
  }

  @Test
  void verify_unboundCodeWithAPayment_wrong() throws Exception {
    VerificationChallenge challenge = engine.start(ChallengeRequest.sms(CUSTOMER, PHONE));

    assertThat(
            engine
                .verify(CUSTOMER, challenge.verificationToken(), sender.lastCode(), null, PAYMENT)
                .outcome())
        .isEqualTo(VerificationOutcome.INCORRECT_CODE);
  }

  @Test
  void article4_fiveConsecutiveFailures_lockTheCustomerAndTheListenerHears() throws Exception {
    for (int i = 0; i < 5; i++) {
      VerificationChallenge challenge = start(PAYMENT);
      engine.verify(CUSTOMER, challenge.verificationToken(), "000000", null, PAYMENT);
    }

    assertThat(heard).containsExactly(CUSTOMER + " PT15M payment=true");
    assertThatThrownBy(() -> start(PAYMENT)).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void withoutArticle4_fivePaymentFailures_lockNobody() throws Exception {
    OtpEngine plain = TestEngines.unlimited(time, sender).build();
    for (int i = 0; i < 5; i++) {
      VerificationChallenge challenge =
          plain.start(ChallengeRequest.sms(CUSTOMER, PHONE).withTransaction(PAYMENT));
      plain.verify(CUSTOMER, challenge.verificationToken(), "000000", null, PAYMENT);
    }

    assertThat(plain.start(ChallengeRequest.sms(CUSTOMER, PHONE))).isNotNull();
  }

  @Test
  void deviceChallenge_ofAPayment_signsOtherBytesAndNeedsThatPayment() throws Exception {
    DeviceChallenge plain = engine.startDeviceChallenge(CUSTOMER);
    DeviceChallenge bound = engine.startDeviceChallenge(CUSTOMER, PAYMENT);
    byte[] expected = bound.challenge();

    VerificationResult other =
        engine.verifyDevice(
            CUSTOMER,
            bound.verificationToken(),
            Transaction.of("99", "EUR", "Acme Ltd"),
            c -> java.util.Arrays.equals(c, expected));
    VerificationResult same =
        engine.verifyDevice(
            CUSTOMER,
            bound.verificationToken(),
            PAYMENT,
            c -> java.util.Arrays.equals(c, expected));

    assertThat(plain.challenge()).isNotEqualTo(expected);
    assertThat(other.outcome()).isEqualTo(VerificationOutcome.INCORRECT_CODE);
    assertThat(same.outcome()).isEqualTo(VerificationOutcome.APPROVED);
  }

  @Test
  void start_paymentWithAnAppHash_refused() {
    assertThatThrownBy(
            () ->
                ChallengeRequest.sms(CUSTOMER, PHONE)
                    .withAppHash("AAAAAAAAAAA")
                    .withTransaction(PAYMENT))
        .isInstanceOf(InvalidOtpRequestException.class);
  }

  @Test
  void start_paymentInALanguageWithoutPaymentTemplates_refusedAndNothingSent() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("templates");
    java.nio.file.Files.writeString(
        dir.resolve("xx.properties"),
        "sms = {code}\nsms.retriever = <#> {code}\\n{appHash}\ncall = {spokenCode}\n");
    OtpEngine custom =
        TestEngines.unlimited(time, sender).templates(MessageTemplates.fromDirectory(dir)).build();

    assertThatThrownBy(
            () ->
                custom.start(
                    ChallengeRequest.sms(CUSTOMER, PHONE)
                        .withLanguage("xx")
                        .withTransaction(PAYMENT)))
        .isInstanceOfSatisfying(
            InvalidOtpRequestException.class,
            e -> assertThat(e.field()).isEqualTo(InvalidOtpRequestException.Field.LANGUAGE));
    assertThat(sender.messages()).isEmpty();
  }
}
