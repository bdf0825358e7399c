package dev.custos.otp;

import static dev.custos.otp.TestEngines.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.FakeClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the engine logs: its events, and never a code, a token or a full phone number. */
class OtpEngineLoggingTest {
  private final FakeClock time = FakeClock.create();
  private final RecordingSender sender = new RecordingSender();
  private final OtpEngine engine = TestEngines.builder(time, sender).build();
  private final Logger logger = (Logger) LoggerFactory.getLogger(OtpEngine.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void attach() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(appender);
  }

  @Test
  void everyFlow_logsEventsWithoutSecrets() throws Exception {
    VerificationChallenge challenge = engine.start(ChallengeRequest.sms("100042", PHONE));
    String code = sender.lastCode();
    engine.verify(
        "100042", challenge.verificationToken(), code.equals("000000") ? "000001" : "000000");
    engine.verify("100042", challenge.verificationToken(), code);
    assertThatExceptionOfType(RateLimitedException.class)
        .isThrownBy(() -> engine.start(ChallengeRequest.sms("100042", PHONE)));
    sender.failWith(new IllegalStateException("could not reach " + PHONE.e164()));
    time.advance(java.time.Duration.ofMinutes(1));
    assertThatExceptionOfType(DeliveryFailedException.class)
        .isThrownBy(() -> engine.start(ChallengeRequest.call("100042", PHONE)));

    List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();

    assertThat(lines)
        .containsExactly(
            "OTP challenge started: customer=100042, channel=SMS, phone=+1 ********23, language=en",
            "OTP verification: customer=100042, outcome=INCORRECT_CODE",
            "OTP verification: customer=100042, outcome=APPROVED",
            "OTP start refused: customer=100042, limit=PHONE_COOLDOWN",
            "OTP delivery failed: customer=100042, channel=CALL, phone=+1 ********23,"
                + " error=java.lang.IllegalStateException");
    for (String line : lines) {
      assertThat(line)
          .doesNotContain(code)
          .doesNotContain(challenge.verificationToken())
          .doesNotContain("5555550123");
    }
    assertThat(appender.list).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
  }

  @Test
  void lockouts_loggedWithTheirLengthOrAsPermanent() throws Exception {
    OtpEngine strict =
        TestEngines.unlimited(time, sender)
            .maxConsecutiveFailures(1)
            .lockout(java.time.Duration.ofMinutes(1))
            .permanentLockoutAfter(2)
            .build();
    for (int i = 0; i < 2; i++) {
      VerificationChallenge challenge = strict.start(ChallengeRequest.sms("100042", PHONE));
      String code = sender.lastCode();
      strict.verify(
          "100042", challenge.verificationToken(), code.equals("000000") ? "000001" : "000000");
      time.advance(java.time.Duration.ofMinutes(1));
    }

    List<String> lines =
        appender.list.stream()
            .map(ILoggingEvent::getFormattedMessage)
            .filter(line -> line.contains("locked out"))
            .toList();
    assertThat(lines)
        .containsExactly(
            "OTP customer locked out after 1 consecutive wrong codes for PT1M: customer=100042",
            "OTP customer locked out after 2 consecutive wrong codes until unlocked:"
                + " customer=100042");
  }

  @Test
  void messageAndStats_toString_showNoCodeOrNumber() throws Exception {
    engine.start(ChallengeRequest.sms("100042", PHONE));
    OtpMessage message = sender.last();

    assertThat(message.toString())
        .startsWith("OtpMessage[SMS to +1 ********23, en, ")
        .doesNotContain(sender.lastCode())
        .doesNotContain(PHONE.e164());
    assertThat(engine.stats().toString()).startsWith("OtpStats[started=1, deliveryFailures=0");
  }
}
