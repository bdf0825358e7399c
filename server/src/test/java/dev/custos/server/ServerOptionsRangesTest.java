package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server's numeric options refuse values outside their ranges, each with its own message. */
class ServerOptionsRangesTest {
  @Test
  void outOfRange_refusedWithTheOptionsMessage_boundsAccepted() {
    ServerOptions options = CustosServer.options();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> options.port(65536))
        .withMessage("port must be 0 to 65535");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> options.maxConnections(0))
        .withMessage("max connections must be 1 to 100000");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> options.requestHeadTimeout(Duration.ofMillis(99)))
        .withMessage("request head timeout must be 100 ms to 10 minutes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> options.redisTimeout(Duration.ofMillis(9)));
    assertThat(options.port(65535).shutdownGrace(60).redisTimeout(Duration.ofSeconds(60)))
        .isSameAs(options);
  }
}
