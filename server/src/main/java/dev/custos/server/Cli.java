package dev.custos.server;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * The {@code custos} command: {@code serve}, {@code keygen}, {@code mint}, {@code verify}.
 *
 * <pre>{@code java -jar server/target/custos-server.jar serve --sandbox-passcode}</pre>
 */
@Command(
    name = "custos",
    mixinStandardHelpOptions = true,
    version = Cli.VERSION,
    description = "Customer-token authorization: a reference server and key/token tools.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the command did its work",
      "1:the command failed (an invalid token, an unreadable key file)",
      "2:the command line could not be understood"
    },
    subcommands = {ServeCommand.class, KeygenCommand.class, MintCommand.class, VerifyCommand.class})
public final class Cli implements Runnable {
  /** What {@code -V} prints, for the command and every subcommand. */
  static final String VERSION = "custos 0.1.0-SNAPSHOT";

  /** Exit status of a command that did its work. */
  static final int EXIT_OK = 0;

  /** Exit status of a command that failed: an invalid token, an unreadable key file. */
  static final int EXIT_FAILED = 1;

  /** Exit status of a command line that could not be understood (picocli's usage error). */
  static final int EXIT_USAGE = 2;

  /** The variable {@code serve} reads the TLS keystore's password from: never an argument. */
  static final String TLS_PASSWORD_VARIABLE = "CUSTOS_TLS_PASSWORD";

  @Spec CommandLine.Model.CommandSpec spec;

  /** The process environment; tests give their own. */
  final Map<String, String> environment;

  /** Creates the command; picocli fills it in. */
  public Cli() {
    this(System.getenv());
  }

  private Cli(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Runs the command line and exits with its status: 0 on success, 1 for a failed command (such as
   * an invalid token), 2 for bad arguments.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command line with the given streams, without exiting, for a program that embeds the
   * CLI.
   *
   * @param out standard output
   * @param err standard error
   * @param args the arguments
   * @return the exit status
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /** The same, with an environment of the caller's. */
  static int run(
      PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
    CommandLine cli = new CommandLine(new Cli(environment));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return EXIT_FAILED;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A failure a person can act on: its message is printed as is, the exit status is 1. */
  static final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
      super(message, null, false, false);
    }
  }
}
