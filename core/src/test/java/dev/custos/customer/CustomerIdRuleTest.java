package dev.custos.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.InvalidOtpRequestException;
import dev.custos.otp.Phone;
import dev.custos.token.TokenRequest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One customer-id rule. The token module writes it ({@link TokenRequest#isCustomerId}); the OTP
 * engine, which depends on no other module of Custos, checks the same rule on its own, and this
 * property holds the two equal over ids of every length around the bound, built from allowed
 * characters and the ones nearest them.
 */
class CustomerIdRuleTest {
  private static final String CHARACTERS = "aZ09._:-" + " /@{}\u00e9\u0000\u0660A";

  private static boolean otpAccepts(String id) {
    try {
      ChallengeRequest.sms(id, Phone.of("1", "5555550123"));
      return true;
    } catch (InvalidOtpRequestException e) {
      return false;
    }
  }

  @Test
  void customerId_tokenAndOtpRules_agreeOnEveryId() {
    qt().withExamples(3_000)
        .forAll(lists().of(integers().between(0, CHARACTERS.length() - 1)).ofSizeBetween(0, 130))
        .checkAssert(
            indexes -> {
              String id =
                  indexes.stream()
                      .map(i -> String.valueOf(CHARACTERS.charAt(i)))
                      .collect(Collectors.joining());
              assertThat(otpAccepts(id)).as("%s", id).isEqualTo(TokenRequest.isCustomerId(id));
            });
  }

  @Test
  void customer_idNoTokenCouldCarry_refusedWhenBuilt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Customer.individual("100 001", Phone.of("1", "5555550123")))
        .withMessage("customer id must be 1 to 128 letters, digits or . _ : -");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Customer.individual("x".repeat(129), Phone.of("1", "5555550123")));
    assertThat(Customer.individual("x".repeat(128), Phone.of("1", "5555550123")).id()).hasSize(128);
  }
}
