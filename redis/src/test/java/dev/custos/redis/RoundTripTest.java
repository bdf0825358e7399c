package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationChallenge;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.testing.RedisSentinelDeployment;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operation costs on the wire, counted by a proxy in front of the master (round trips) and
 * by the server itself (commands): a start is one round trip before delivery and none after (the
 * customer window with the lockout and the challenge, the phone window and the global budget,
 * pipelined); a check is one round trip with its {@code WAIT}; so is a revocation, before its
 * announcement.
 */
class RoundTripTest {
  @RegisterExtension static final RedisSentinelDeployment HA = new RedisSentinelDeployment();

  private static RoundTripCounter proxy;
  private static CustosRedis redis;
  private static OtpEngine engine;
  private static final RecordingSender SENDER = new RecordingSender();

  @BeforeAll
  static void connect() throws Exception {
    proxy = new RoundTripCounter(HA.masterPort());
    // A long poll interval, so that no revocation poll falls between the counts.
    redis =
        CustosRedis.builder(proxy.uri())
            .replicaAcknowledgements(1, Duration.ofSeconds(2))
            .timeout(Duration.ofSeconds(5))
            .revocationPollInterval(Duration.ofSeconds(10))
            .connect();
    engine = OtpEngine.builder().brand("Unit").sender(SENDER).store(redis.otpStore()).build();
    // Warm up: every script cached on the server, connections open.
    VerificationChallenge warm =
        engine.start(ChallengeRequest.sms("warm", Phone.of("1", "5550000000")));
    engine.verify("warm", warm.verificationToken(), SENDER.lastCode());
    redis.revocationStore().revokeToken("warm", System.currentTimeMillis() + 60_000);
  }

  @AfterAll
  static void close() throws Exception {
    redis.close();
    proxy.close();
  }

  @Test
  void start_oneRoundTripOfThreeCommands() throws Exception {
    long roundTrips = proxy.roundTrips();
    long commands = scriptCalls();

    engine.start(ChallengeRequest.sms("100001", Phone.of("1", "5550000001")));

    assertThat(proxy.roundTrips() - roundTrips).as("round trips per start").isEqualTo(1);
    assertThat(scriptCalls() - commands).as("scripts per start").isEqualTo(3);
  }

  @Test
  void verify_oneRoundTripWithItsWait() throws Exception {
    VerificationChallenge challenge =
        engine.start(ChallengeRequest.sms("100002", Phone.of("1", "5550000002")));
    long roundTrips = proxy.roundTrips();
    long commands = scriptCalls();
    long waits = calls("cmdstat_wait:");

    assertThat(engine.verify("100002", challenge.verificationToken(), SENDER.lastCode()).approved())
        .isTrue();

    assertThat(proxy.roundTrips() - roundTrips).as("round trips per verify").isEqualTo(1);
    assertThat(scriptCalls() - commands).as("scripts per verify").isEqualTo(1);
    assertThat(calls("cmdstat_wait:") - waits).as("WAITs per verify").isEqualTo(1);
  }

  @Test
  void revokeToken_oneRoundTripWithItsWait_thenTheAnnouncement() throws Exception {
    long roundTrips = proxy.roundTrips();

    redis.revocationStore().revokeToken("jti-1", System.currentTimeMillis() + 60_000);

    assertThat(proxy.roundTrips() - roundTrips).as("round trips per revocation").isEqualTo(2);
  }

  /**
   * The script calls the server ran ({@code EVALSHA}, {@code EVAL}): every OTP operation is
   * scripts, so these are the commands the store sent. (Commands that scripts run inside count in
   * the server's statistics too, so a total would count them twice.)
   */
  private static long scriptCalls() throws Exception {
    return calls("cmdstat_evalsha:") + calls("cmdstat_eval:");
  }

  private static long calls(String stat) throws Exception {
    for (String line : HA.command(HA.masterPort(), "INFO", "commandstats").split("\r\n")) {
      if (line.startsWith(stat)) {
        String count = line.substring(line.indexOf("calls=") + 6);
        return Long.parseLong(count.substring(0, count.indexOf(',')));
      }
    }
    return 0;
  }
}
