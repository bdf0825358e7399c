package dev.custos.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} process for tests, on a free loopback port, as a JUnit extension:
 *
 * <pre>{@code
 * @RegisterExtension static final RedisServer REDIS = new RedisServer();
 * ... CustosRedis.connect(REDIS.uri()) ...
 * }</pre>
 *
 * <p>It starts before the class's tests and is stopped after them; {@link #stop()} and {@link
 * #start()} in between play an outage on the same port. Nothing is persisted to disk, and the
 * server runs with {@code maxmemory-policy noeviction}, as Custos requires.
 *
 * <p>A missing {@code redis-server} fails the test with how to install it (Debian: {@code apt-get
 * install redis-server}; {@code .ci/run} does it): tests that need Redis are never skipped.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {
  private int port;
  private Path dir;
  private RedisProcess process;
  private boolean hooked;

  /** Creates the extension; the server starts before the first test. */
  public RedisServer() {}

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /**
   * Starts the server (again, on the same port, after {@link #stop()}).
   *
   * @throws IOException if it cannot be started
   * @throws IllegalStateException if {@code redis-server} is not installed
   */
  public synchronized void start() throws IOException {
    if (process != null && process.alive()) {
      return;
    }
    if (port == 0) {
      port = RedisProcess.freePort();
      dir = Files.createTempDirectory("custos-redis-");
    }
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "redis-server-stop"));
      hooked = true;
    }
    process = new RedisProcess("redis", port, dir);
    process.start(
        List.of(
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--maxmemory-policy",
            "noeviction",
            "--dir",
            dir.toString()));
  }

  /** Kills the server at once, as a crash would; {@link #start()} brings it back, empty. */
  public synchronized void stop() {
    if (process != null) {
      process.kill();
      process = null;
    }
  }

  /**
   * Returns the server's URI, such as {@code redis://127.0.0.1:41234}.
   *
   * @return the URI
   * @throws IllegalStateException if the server was never started
   */
  public String uri() {
    if (port == 0) {
      throw new IllegalStateException("the server was never started");
    }
    return "redis://127.0.0.1:" + port;
  }

  /**
   * Returns the server's port.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Sends one command in Redis's inline form and returns the raw reply, for tests that inspect the
   * server (such as {@code KEYS *} or {@code PTTL key}) without a client library.
   *
   * @param command the command and its arguments, none holding a space or a newline
   * @return the raw RESP reply
   * @throws IOException if the server cannot be reached
   */
  public String command(String... command) throws IOException {
    return RedisProcess.command(port, command);
  }
}
