package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.RedisServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two servers on one standalone Redis: the checks, and Redis full. */
class TwoServersTest extends TwoServersChecks {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  @Override
  String redisUri() {
    return REDIS.uri();
  }

  /** The review's experiment: Redis full, wrong codes on one server, the right one on the other. */
  @Test
  void redisFull_guessesAndTheRightCodeAlike503_nothingMinted() throws Exception {
    String[] started = startOnA("100001");
    String verificationToken = started[0];
    String code = started[1];
    String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

    REDIS.command("CONFIG", "SET", "maxmemory", "1");
    try {
      for (int i = 0; i < 12; i++) {
        HttpResponse<String> guess =
            send(
                a,
                "POST",
                "/customers/100001/token",
                orgToken,
                ServerEndToEndTest.tokenBody("cards-write", verificationToken, wrong));
        assertThat(guess.statusCode()).as("wrong guess %d", i).isEqualTo(503);
      }
      HttpResponse<String> right =
          send(
              b,
              "POST",
              "/customers/100001/token",
              orgToken,
              ServerEndToEndTest.tokenBody("cards-write", verificationToken, code));
      assertThat(right.statusCode()).as("the right code, Redis full").isEqualTo(503);
      assertThat(ServerEndToEndTest.read(right, "errors", "0", "code"))
          .isEqualTo("state_unavailable");
      assertThat(right.headers().firstValue("Retry-After")).isPresent();
      HttpResponse<String> start =
          send(
              b,
              "POST",
              "/customers/100002/token/verification",
              orgToken,
              "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\"}}}");
      assertThat(start.statusCode()).as("a start, Redis full").isEqualTo(503);
    } finally {
      REDIS.command("CONFIG", "SET", "maxmemory", "0");
    }
  }
}
