package dev.custos.otp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.otp.testing.RecordingSender;
import org.junit.jupiter.api.Test;

/** The README's OtpEngine example, line for line, so the documentation stays true. */
class ReadmeExampleTest {
  private final RecordingSender smsGateway = new RecordingSender();
  private String typedCode;
  private String done;

  @Test
  void readmeExample_typedCodeFromMessage_mintsTheToken() throws Exception {
    OtpEngine otp = OtpEngine.builder().brand("Acme").sender(smsGateway).build();

    VerificationChallenge challenge =
        otp.start(ChallengeRequest.sms("100042", Phone.of("1", "5555550123")));
    String verificationToken = challenge.verificationToken();
    assertThat(smsGateway.last().body()).startsWith("Your Acme verification code is: ");
    typedCode = smsGateway.lastCode();

    VerificationResult result = otp.verify("100042", verificationToken, typedCode);
    switch (result.outcome()) {
      case APPROVED -> mintTheTwoFactorToken();
      case INCORRECT_CODE -> askAgain(result.attemptsLeft());
      case EXPIRED, NOT_FOUND, MAX_ATTEMPTS_REACHED, CUSTOMER_LOCKED -> startOver();
    }

    assertThat(done).isEqualTo("minted");
  }

  private void mintTheTwoFactorToken() {
    done = "minted";
  }

  private void askAgain(int attemptsLeft) {
    done = "ask again, " + attemptsLeft + " left";
  }

  private void startOver() {
    done = "start over";
  }
}
