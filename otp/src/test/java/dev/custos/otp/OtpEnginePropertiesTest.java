package dev.custos.otp;

import static dev.custos.otp.TestEngines.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.FakeClock;
import java.security.SecureRandom;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class OtpEnginePropertiesTest {
  private final FakeClock time = FakeClock.create();
  private final RecordingSender sender = new RecordingSender();
  private final OtpEngine engine = TestEngines.unlimited(time, sender).build();

  @Test
  void start_anyCustomer_codeIsSixAsciiDigitsAndVerifies() {
    qt().withExamples(300)
        .forAll(integers().between(0, 1_000_000))
        .checkAssert(
            n -> {
              String customer = "cust-" + n;
              VerificationChallenge challenge;
              try {
                Phone phone = Phone.of("1", String.format("5%09d", n));
                challenge = engine.start(ChallengeRequest.sms(customer, phone));
              } catch (OtpStartException e) {
                throw new AssertionError(e);
              }
              String code = sender.lastCode();
              assertThat(code).matches("[0-9]{6}");
              assertThat(sender.last().body()).contains(" " + code + ". ");
              assertThat(engine.verify(customer, challenge.verificationToken(), code).approved())
                  .isTrue();
            });
  }

  @Test
  void verify_anyInput_returnsAnOutcomeOrThrowsOnlyInvalidOtpRequest() throws Exception {
    engine.start(ChallengeRequest.sms("100042", PHONE));
    Gen<String> anyString =
        strings()
            .allPossible()
            .ofLengthBetween(0, 70)
            .mix(strings().numeric())
            .mix(strings().betweenCodePoints('-', 'z').ofLengthBetween(54, 56));
    Gen<String> customers = anyString.mix(strings().numericBetween(100000, 100050));
    Gen<String> nullable = anyString.toOptionals(10).map(o -> o.orElse(null));

    qt().withExamples(3000)
        .forAll(customers, nullable, anyString.mix(strings().numericBetween(0, 999999)))
        .checkAssert(
            (customer, token, code) -> {
              try {
                VerificationResult result = engine.verify(customer, token, code);
                assertThat(result.outcome()).isNotNull();
                assertThat(result.approved()).isFalse();
              } catch (InvalidOtpRequestException e) {
                assertThat(e.field()).isNotNull();
              }
            });
  }

  @Test
  void newCode_manyCodes_chiSquareDoesNotRejectUniformity() {
    OtpCrypto crypto = new OtpCrypto(new byte[32], new SecureRandom());

    double statistic = chiSquare(() -> Integer.parseInt(crypto.newCode()));

    assertThat(statistic).isLessThan(criticalValue());
  }

  @Test
  void chiSquare_moduloBiasedCodes_rejected() {
    // The bug the engine avoids: a 20-bit sample reduced mod 10^6 makes 0..48575 twice as likely.
    SecureRandom random = new SecureRandom();

    double statistic = chiSquare(() -> random.nextInt(1 << 20) % 1_000_000);

    assertThat(statistic).isGreaterThan(criticalValue());
  }

  private static final int BUCKETS = 500;
  private static final int SAMPLES = 500_000;

  /** Pearson's statistic over 500 equal ranges of 000000-999999. */
  private static double chiSquare(IntSupplier codes) {
    long[] counts = new long[BUCKETS];
    for (int i = 0; i < SAMPLES; i++) {
      int code = codes.getAsInt();
      assertThat(code).isBetween(0, 999_999);
      counts[code / (1_000_000 / BUCKETS)]++;
    }
    double expected = (double) SAMPLES / BUCKETS;
    double statistic = 0;
    for (long count : counts) {
      statistic += (count - expected) * (count - expected) / expected;
    }
    return statistic;
  }

  /** The chi-square quantile at 1 - 1e-5 for 499 degrees of freedom (Wilson-Hilferty). */
  private static double criticalValue() {
    int df = BUCKETS - 1;
    double z = 4.265;
    double a = 2.0 / (9.0 * df);
    return df * Math.pow(1 - a + z * Math.sqrt(a), 3);
  }
}
