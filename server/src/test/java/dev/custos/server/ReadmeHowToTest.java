package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's how-to guides, run as a newcomer runs them: its shell blocks one after the other, in
 * bash with curl, against a sandbox server with the printed token and admin credential. Only the
 * address is the test's own (a free port), the JWT guide is left out (it needs an identity
 * provider; {@code JwtServerTest} runs it), and the CLI's alias runs the CLI from the test's module
 * path, as the server's jar is not built yet when tests run.
 */
class ReadmeHowToTest {
  private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);

  private CustosServer server;
  @TempDir Path work;

  @BeforeEach
  void start() throws Exception {
    server = CustosServer.start(CustosServer.options().port(0));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static List<String> guides() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section =
        readme.substring(
            readme.indexOf("## The spec's how-to guides against the reference server"),
            readme.indexOf("## Choices and deviations from Unit"));
    List<String> blocks = new ArrayList<>();
    Matcher m = SHELL_BLOCK.matcher(section);
    while (m.find()) {
      if (!m.group(1).contains("${JWT}")) {
        blocks.add(m.group(1));
      }
    }
    return blocks;
  }

  private static String require(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, tool);
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    throw new IllegalStateException(
        tool + " is not installed: the README's guides need it (apt-get install " + tool + ")");
  }

  @Test
  void howToGuides_runAsWritten_everyStepAnswers() throws Exception {
    List<String> blocks = guides();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
    require("curl");
    String script =
        String.join("\n", blocks)
            .replace("export API=http://127.0.0.1:8080", "export API=" + server.uri())
            .replace(
                "alias custos='java -jar server/target/custos-server.jar'",
                "custos() { \"$JAVA\" --module-path \"$MODULES\" -m"
                    + " dev.custos.server/dev.custos.server.Cli \"$@\"; }");
    ProcessBuilder bash =
        new ProcessBuilder(require("bash"), "-c", "set -euo pipefail\n" + script)
            .directory(work.toFile())
            .redirectErrorStream(true);
    bash.environment().put("TOKEN", server.sandboxOrgToken().orElseThrow());
    bash.environment().put("ADMIN_TOKEN", server.sandboxAdminCredential().orElseThrow());
    bash.environment()
        .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    bash.environment().put("MODULES", System.getProperty("jdk.module.path"));
    Process process = bash.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .as("a card listed, a card created with two-factor, an upgrade, an org token's life")
        .contains("\"type\":\"individualDebitCard\",\"id\":\"7001\"")
        .contains("\"status\":\"Active\",\"shippingAddress\"")
        .contains("\"scope\":\"accounts payments-write\"")
        .contains("{\"meta\":{\"revoked\":true}}")
        .contains("the token has been revoked")
        .contains("\"customerId\":\"100002\"");
    // Only the last identity call, after the revocation, is refused.
    assertThat(output.split("\"errors\"", -1)).as(output).hasSize(2);
  }
}
