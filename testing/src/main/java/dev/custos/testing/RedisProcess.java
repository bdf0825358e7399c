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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code redis-server} process (a data node or, with {@code --sentinel}, a sentinel) on a
 * loopback port: started by a shell that kills it by pid once the shell's standard input closes, so
 * that no server outlives the JVM that started it, however that JVM ends. Not thread-safe.
 */
final class RedisProcess {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final int port;
  private final Path dir;
  private final String name;
  private Process shell;
  private long pid;

  RedisProcess(String name, int port, Path dir) {
    this.name = name;
    this.port = port;
    this.dir = dir;
  }

  /**
   * Starts the server with these arguments (a config file first, or options), and waits for PONG.
   */
  void start(List<String> arguments) throws IOException {
    Path pidFile = dir.resolve(name + ".pid");
    Files.deleteIfExists(pidFile);
    List<String> command = new ArrayList<>();
    command.add("/bin/sh");
    command.add("-c");
    command.add(
        "\"$0\" \"$@\" & server=$!; echo $server > '"
            + pidFile
            + "'; cat > /dev/null; kill -9 $server; wait $server");
    command.add(binary());
    command.addAll(arguments);
    shell =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!ping()) {
      if (!shell.isAlive() || System.nanoTime() > deadline) {
        kill();
        throw new IOException(
            name + " did not start on port " + port + "; see " + dir.resolve(name + ".log"));
      }
      sleep(10);
    }
    pid = Long.parseLong(Files.readString(pidFile).trim());
  }

  /** Kills the server at once, as a crash would. */
  void kill() {
    if (shell == null) {
      return;
    }
    try {
      shell.getOutputStream().close();
      if (!shell.waitFor(10, TimeUnit.SECONDS)) {
        shell.destroyForcibly();
      }
    } catch (IOException e) {
      shell.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    shell = null;
  }

  /** Stops the server without killing it (SIGSTOP): it neither answers nor replicates. */
  void pause() throws IOException {
    signal("STOP");
  }

  /** Lets a paused server run again (SIGCONT). */
  void resume() throws IOException {
    signal("CONT");
  }

  boolean alive() {
    return shell != null && shell.isAlive();
  }

  int port() {
    return port;
  }

  private void signal(String signal) throws IOException {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
      if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IOException("kill -" + signal + " " + name + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Sends one command in Redis's inline form and returns the raw reply. */
  String command(String... command) throws IOException {
    return command(port, command);
  }

  static String command(int port, String... command) throws IOException {
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

  static String binary() {
    for (String d : List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))) {
      File candidate = new File(d, "redis-server");
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

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Waits until every replica has applied the master's replication stream up to where it stood when
   * this was called: what the master acknowledged before, the replicas now hold.
   */
  static void awaitInSync(int master, List<Integer> replicas, Duration timeout) throws IOException {
    long target = offset(command(master, "INFO", "replication"), "master_repl_offset:");
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int replica : replicas) {
      while (offset(command(replica, "INFO", "replication"), "slave_repl_offset:") < target) {
        if (System.nanoTime() > deadline) {
          throw new IOException("replica " + replica + " did not catch up within " + timeout);
        }
        sleep(5);
      }
    }
  }

  private static long offset(String info, String field) {
    int at = info.indexOf(field);
    if (at < 0) {
      return -1;
    }
    int end = info.indexOf('\r', at);
    return Long.parseLong(
        info.substring(at + field.length(), end < 0 ? info.length() : end).trim());
  }

  static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
