package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ReadmeText;
import dev.custos.testing.ShellScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's how-to guides, run as a newcomer runs them: its shell blocks one after the other, in
 * bash with curl, against a sandbox server with the printed token and admin credential (the JWT
 * guide with the sandbox's own identity provider). Only the address is the test's own (a free
 * port), and the CLI's alias runs the CLI from the test's module path, as the server's jar is not
 * built yet when tests run.
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
    String section =
        ReadmeText.section(
            Path.of("..", "README.md"), "## The spec's how-to guides against the reference server");
    List<String> blocks = new ArrayList<>();
    Matcher m = SHELL_BLOCK.matcher(section);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  private ShellScript.Run run(String script) throws Exception {
    return ShellScript.of(
            script
                .replace("export API=http://127.0.0.1:8080", "export API=" + server.uri())
                .replace(
                    "alias custos='java -jar server/target/custos-server.jar'",
                    "custos() { \"$JAVA\" --module-path \"$MODULES\" -m"
                        + " dev.custos.server/dev.custos.server.Cli \"$@\"; }"))
        .env("TOKEN", server.sandboxOrgToken().orElseThrow())
        .env("ADMIN_TOKEN", server.sandboxAdminCredential().orElseThrow())
        .env("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString())
        .env("MODULES", System.getProperty("jdk.module.path"))
        .runIn(work, "curl");
  }

  @Test
  void everyGuideBlock_withATokenThatIsRefused_stopsAtItsFirstError() throws Exception {
    List<String> blocks = guides();
    String setUp = blocks.get(0);
    assertThat(setUp).contains("set -o pipefail");
    for (String block : blocks.subList(1, blocks.size())) {
      ShellScript.Run run =
          ShellScript.of(
                  (setUp + "\n" + block)
                      .replace("export API=http://127.0.0.1:8080", "export API=" + server.uri())
                      .replace(
                          "alias custos='java -jar server/target/custos-server.jar'",
                          "custos() { false; }"))
              .env("TOKEN", "refused")
              .env("ADMIN_TOKEN", "refused")
              .runIn(work, "curl");
      String output = run.output();
      assertThat(run.exitCode()).as(block + "\n" + output).isNotZero();
      // The first call answers one error document; nothing after it runs.
      assertThat(output.split("\"errors\"", -1).length)
          .as(block + "\n" + output)
          .isLessThanOrEqualTo(2);
    }
  }

  @Test
  void jwtGuide_twiceInOneTerminal_eachRunGetsAFreshJwtAndAToken() throws Exception {
    String jwtBlock =
        guides().stream().filter(b -> b.contains("/sandbox/idp/token")).findFirst().orElseThrow();
    ShellScript.Run run = run("export API=http://127.0.0.1:8080\n" + jwtBlock + "\n" + jwtBlock);
    String output = run.output();

    assertThat(run.exitCode()).as(output).isZero();
    assertThat(output.split("\"type\":\"customerBearerToken\"", -1)).as(output).hasSize(3);
    assertThat(output).doesNotContain("\"errors\"");
  }

  @Test
  void howToGuides_runAsWritten_everyStepAnswers() throws Exception {
    List<String> blocks = guides();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
    ShellScript.Run run = run(String.join("\n", blocks));
    String output = run.output();

    assertThat(run.exitCode()).as(output).isZero();
    assertThat(output)
        .as(
            "a card listed, a card created with two-factor, an upgrade, an org token's life,"
                + " revocations, a cardholder token on its card only")
        .contains("\"type\":\"individualDebitCard\",\"id\":\"7001\"")
        .contains("\"status\":\"Active\",\"shippingAddress\"")
        .contains("\"scope\":\"accounts payments-write\"")
        .contains("{\"meta\":{\"revoked\":true}}")
        .contains("the token has been revoked")
        .contains("\"customerId\":\"100002\"")
        .contains("{\"meta\":{\"revoked\":true,\"issuedBefore\":\"")
        .contains("\"type\":\"cardholderBearerToken\"")
        .contains("\"type\":\"businessDebitCard\",\"id\":\"7002\"")
        .contains("404\n403\n")
        .contains("\"type\":\"sandboxJwt\"")
        .contains("\"customerId\":\"100002\",\"authorizedUser\":\"1\"");
    // Only the two identity calls after a revocation (an org token's, a customer token's) are
    // refused.
    assertThat(output.split("\"errors\"", -1)).as(output).hasSize(3);
  }
}
