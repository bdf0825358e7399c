package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationChallenge;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many commands an operation costs, counted by the server itself: a check is one command (one
 * round trip); a start with the default limits is four (the customer window with the lockout, the
 * phone window and the global budget, pipelined in one round trip, then the challenge: two round
 * trips).
 */
class RoundTripTest {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  @Test
  void verifyIsOneCommand_startIsFourInTwoRoundTrips() throws Exception {
    RecordingSender sender = new RecordingSender();
    // A long poll interval, so that no revocation poll falls between the counts.
    try (CustosRedis redis =
        CustosRedis.builder(REDIS.uri())
            .revocationPollInterval(java.time.Duration.ofSeconds(10))
            .connect()) {
      OtpEngine engine =
          OtpEngine.builder().brand("Unit").sender(sender).store(redis.otpStore()).build();
      // Warm up: every script loaded once, connection open.
      VerificationChallenge warm =
          engine.start(ChallengeRequest.sms("warm", Phone.of("1", "5550000000")));
      engine.verify("warm", warm.verificationToken(), sender.lastCode());

      long beforeStart = commands();
      VerificationChallenge challenge =
          engine.start(ChallengeRequest.sms("100001", Phone.of("1", "5550000001")));
      long start = commands() - beforeStart;
      long beforeVerify = commands();
      engine.verify("100001", challenge.verificationToken(), sender.lastCode());
      long verify = commands() - beforeVerify;

      assertThat(start).as("commands per start").isEqualTo(4);
      assertThat(verify).as("commands per verify").isEqualTo(1);
    }
  }

  /**
   * The script calls the server ran ({@code EVALSHA}, {@code EVAL}, {@code SCRIPT LOAD}): every OTP
   * operation is one script, so these are the commands the store sent. (Commands that scripts run
   * inside count in the server's statistics too, so a total would count them twice.)
   */
  private static long commands() throws Exception {
    long calls = 0;
    for (String line : REDIS.command("INFO", "commandstats").split("\r\n")) {
      if (line.startsWith("cmdstat_evalsha:")
          || line.startsWith("cmdstat_eval:")
          || line.startsWith("cmdstat_script|load:")) {
        String count = line.substring(line.indexOf("calls=") + 6);
        calls += Long.parseLong(count.substring(0, count.indexOf(',')));
      }
    }
    return calls;
  }
}
