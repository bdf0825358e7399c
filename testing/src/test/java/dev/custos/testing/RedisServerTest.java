package dev.custos.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A test's {@code redis-server} ends with the test, however the test's JVM ends. */
class RedisServerTest {
  private static final Duration GONE_WITHIN = Duration.ofSeconds(10);

  /** A JVM that starts a server, prints its port, and waits to be killed. */
  public static final class Child {
    private Child() {}

    /**
     * Starts a server and waits.
     *
     * @param args none
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
      RedisServer server = new RedisServer();
      server.start();
      System.out.println(server.port());
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE); // until killed
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Polls until the port is closed or the deadline passes; the server is another process. */
  private static boolean closedWithin(int port, Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      if (!listening(port)) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Test
  void stop_serverGoneAndStartAgainOnTheSamePort() throws Exception {
    RedisServer server = new RedisServer();
    server.start();
    int port = server.port();
    assertThat(server.command("PING")).startsWith("+PONG");

    server.stop();
    assertThat(listening(port)).isFalse();
    server.start();
    assertThat(server.command("PING")).startsWith("+PONG");
    server.stop();
  }

  @Test
  void jvmKilled_noShutdownHookRuns_serverGoneToo() throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process child =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), Child.class.getName())
            .redirectErrorStream(true)
            .start();
    int port;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      port = Integer.parseInt(out.readLine().trim());
      assertThat(listening(port)).isTrue();

      child.destroyForcibly(); // SIGKILL: no shutdown hook, no stop()
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(closedWithin(port, GONE_WITHIN)).as("redis-server on port " + port).isTrue();
  }
}
