package dev.custos.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private int port;
  private Path dir;
  private Process process;
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
    if (process != null && process.isAlive()) {
      return;
    }
    String binary = findBinary();
    if (port == 0) {
      port = freePort();
      dir = Files.createTempDirectory("custos-redis-");
    }
    // Started by a shell that kills it by pid once its standard input closes: stop() closes it,
    // and so does the operating system when this JVM dies in any way (killed, a shutdown hook
    // never run), so no server outlives the tests that started it.
    ProcessBuilder builder =
        new ProcessBuilder(
                "/bin/sh",
                "-c",
                "\"$0\" \"$@\" & server=$!; cat > /dev/null; kill -9 $server; wait $server",
                binary,
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
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile());
    process = builder.start();
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "redis-server-stop"));
      hooked = true;
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!ping()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        stop();
        throw new IOException(
            "redis-server did not start on port " + port + "; see " + dir.resolve("redis.log"));
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting redis-server", e);
      }
    }
  }

  /** Kills the server at once, as a crash would; {@link #start()} brings it back, empty. */
  public synchronized void stop() {
    if (process != null) {
      try {
        process.getOutputStream().close(); // the shell kills the server, waits for it, and ends
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (IOException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
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
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write((String.join(" ", command) + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private boolean ping() {
    try {
      return command("PING").startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private static String findBinary() {
    for (String dir : List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))) {
      File candidate = new File(dir, "redis-server");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    for (String known : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
      if (new File(known).canExecute()) {
        return known;
      }
    }
    throw new IllegalStateException(
        "redis-server is not installed: run .ci/run, or apt-get install redis-server");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
