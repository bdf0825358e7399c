package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A script is loaded once per server, then run by its digest on both the sync and piped paths. */
class ScriptTest {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static RedisClient client;
  private static StatefulRedisConnection<String, String> connection;

  @BeforeAll
  static void connect() {
    client = RedisClient.create(REDIS.uri());
    connection = client.connect();
  }

  @AfterAll
  static void close() {
    connection.close();
    client.shutdown();
  }

  private static long loads() throws Exception {
    for (String line : REDIS.command("INFO", "commandstats").split("\r\n")) {
      if (line.startsWith("cmdstat_eval:")) {
        String count = line.substring(line.indexOf("calls=") + 6);
        return Long.parseLong(count.substring(0, count.indexOf(',')));
      }
    }
    return 0;
  }

  @Test
  void load_missingScript_refusedNamingIt() {
    assertThatIllegalStateException()
        .isThrownBy(() -> Script.load("no_such_script"))
        .withMessage("script no_such_script is missing from the jar");
    assertThat(Script.load("release_send")).hasToString("Script[release_send]");
  }

  /** How many times {@code call} sent a script whole ({@code EVAL}), over three calls. */
  private static long loadsOverThreeCalls(java.util.concurrent.Callable<Long> call)
      throws Exception {
    long before = loads();
    for (int i = 0; i < 3; i++) {
      assertThat(call.call()).as("nothing to release").isZero();
    }
    return loads() - before;
  }

  @Test
  void run_sentWholeOnceThenByDigest() throws Exception {
    connection.sync().scriptFlush();
    Script script = Script.load("release_send");

    assertThat(
            loadsOverThreeCalls(
                () ->
                    script.run(
                        connection.sync(),
                        ScriptOutputType.INTEGER,
                        new String[] {"script-test:run"},
                        "1")))
        .isEqualTo(1);
  }

  @Test
  void send_onceTheServerHasTheScript_pipelinesByDigestOnly() throws Exception {
    Script script = Script.load("release_send");
    script.run(connection.sync(), ScriptOutputType.INTEGER, new String[] {"script-test:s"}, "1");

    assertThat(
            loadsOverThreeCalls(
                () ->
                    script
                        .<Long>send(
                            connection.async(),
                            ScriptOutputType.INTEGER,
                            new String[] {"script-test:send"},
                            "1")
                        .get()))
        .isZero();
  }

  @Test
  void send_afterAFlush_failsNoScriptForTheCallerToRunIt() {
    connection.sync().scriptFlush();
    Script script = Script.load("release_send");

    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    script
                        .<Long>send(
                            connection.async(),
                            ScriptOutputType.INTEGER,
                            new String[] {"script-test:flushed"},
                            "1")
                        .get()))
        .hasRootCauseInstanceOf(io.lettuce.core.RedisNoScriptException.class);
  }
}
