package dev.custos.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A README's shell blocks run as a reader runs them: in {@code bash} with {@code set -euo
 * pipefail}, in a directory of the test's, with the environment it names. A tool a script needs
 * that is not installed fails the test saying how to install it; nothing is skipped.
 */
public final class ShellScript {
  private final String script;
  private final Map<String, String> environment = new LinkedHashMap<>();

  private ShellScript(String script) {
    this.script = script;
  }

  /**
   * Returns a script.
   *
   * @param script the shell text
   * @return the script, to give an environment and run
   */
  public static ShellScript of(String script) {
    return new ShellScript(script);
  }

  /**
   * Sets an environment variable for the script.
   *
   * @param name the variable
   * @param value its value
   * @return this script
   */
  public ShellScript env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** What a run printed (standard output and error together) and how it ended. */
  public static final class Run {
    private final int exitCode;
    private final String output;

    Run(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }

    /**
     * Returns the exit status.
     *
     * @return 0 when every command succeeded
     */
    public int exitCode() {
      return exitCode;
    }

    /**
     * Returns what the script printed.
     *
     * @return standard output and error, interleaved
     */
    public String output() {
      return output;
    }
  }

  /**
   * Runs the script in bash, after checking that bash and the given tools are installed.
   *
   * @param directory where it runs
   * @param tools the commands it needs, such as {@code curl}
   * @return the run
   * @throws IOException if bash cannot be started
   * @throws InterruptedException if interrupted while waiting
   * @throws IllegalStateException if a tool is not installed, or the script runs over a minute
   */
  public Run runIn(Path directory, String... tools) throws IOException, InterruptedException {
    for (String tool : tools) {
      require(tool);
    }
    ProcessBuilder bash =
        new ProcessBuilder(require("bash"), "-c", "set -euo pipefail\n" + script)
            .directory(directory.toFile())
            .redirectErrorStream(true);
    bash.environment().putAll(environment);
    Process process = bash.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the script ran over a minute:\n" + output);
    }
    return new Run(process.exitValue(), output);
  }

  /**
   * Returns where a command is on the {@code PATH}.
   *
   * @param tool the command
   * @return its path
   * @throws IllegalStateException if it is not installed, saying how to install it on Debian
   */
  public static String require(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, tool);
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    throw new IllegalStateException(
        tool + " is not installed: the README's guides need it (apt-get install " + tool + ")");
  }
}
