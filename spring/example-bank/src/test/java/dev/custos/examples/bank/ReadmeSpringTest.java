package dev.custos.examples.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ReadmeText;
import dev.custos.testing.ShellScript;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's Spring Boot section is this module: its Java and properties are the example's files
 * byte for byte, and its curl flow runs as written (bash and curl, the CLI from the server's jar)
 * against the bank in sandbox mode with a key file, as a newcomer runs it.
 */
class ReadmeSpringTest {
  private static final Path ROOT = Path.of("..", "..");
  private static final Pattern BLOCK = Pattern.compile("```(\\w+)\n(.*?)```", Pattern.DOTALL);

  @TempDir Path work;

  private static String section() throws Exception {
    return ReadmeText.section(ROOT.resolve("README.md"), "## Spring Boot");
  }

  private static List<String> blocks(String language) throws Exception {
    List<String> found = new ArrayList<>();
    Matcher m = BLOCK.matcher(section());
    while (m.find()) {
      if (m.group(1).equals(language)) {
        found.add(m.group(2));
      }
    }
    return found;
  }

  private static String source(String path) throws Exception {
    return Files.readString(Path.of(path));
  }

  @Test
  void snippets_areTheExamplesFilesByteForByte() throws Exception {
    String flowMethod =
        ReadmeText.marked(
            Path.of("src/test/java/dev/custos/examples/bank/BankFlowTest.java"), "flow-test");

    assertThat(blocks("properties"))
        .containsExactly(source("src/main/resources/application.properties"));
    assertThat(blocks("java"))
        .containsExactly(
            source("src/main/java/dev/custos/examples/bank/BankController.java"), flowMethod);
    assertThat(blocks("xml").get(0))
        .contains("<artifactId>custos-spring-boot-starter</artifactId>")
        .contains("<artifactId>custos-spring-boot-starter-test</artifactId>");
    String customProperties = source("src/main/resources/application.properties");
    assertThat(customProperties.lines().filter(l -> l.startsWith("custos."))).hasSizeLessThan(5);
  }

  @Test
  void curlFlow_runsAsWritten_againstTheSandboxBank() throws Exception {
    Path serverJar = ROOT.resolve("server/target/custos-server.jar");
    assertThat(serverJar)
        .as(
            "the custos CLI (server/target/custos-server.jar) is built first: run mvn -B verify"
                + " from the repository's root")
        .exists();
    Path keys = Files.createDirectories(work.resolve("bank-keys"));
    Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
    Path keyFile = keys.resolve("signing-key.paserk");
    Files.writeString(
        keyFile, SigningKey.generate(PasetoVersion.V4_PUBLIC).exportSecretPaserk() + "\n");
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    try (ConfigurableApplicationContext bank =
        new SpringApplicationBuilder(BankApplication.class)
            .run(
                "--server.port=0",
                "--custos.sandbox=true",
                "--custos.key.file=" + keyFile,
                "--spring.main.banner-mode=off")) {
      int port = ((WebServerApplicationContext) bank).getWebServer().getPort();
      List<String> sh = blocks("sh");
      assertThat(sh).hasSize(2);
      String script =
          "custos() { \"$JAVA\" -jar \"$CLI\" \"$@\"; }\n"
              + sh.get(1).replace("http://127.0.0.1:8081", "http://127.0.0.1:" + port);
      ShellScript.Run run =
          ShellScript.of(script)
              .env("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString())
              .env("CLI", serverJar.toAbsolutePath().toString())
              .runIn(work, "curl");
      String output = run.output();

      assertThat(run.exitCode()).as(output).isZero();
      assertThat(output)
          .as("accounts, the refusal naming the scope, a code, the payment, the revoked token")
          .contains("[{\"id\":\"10001\",\"customerId\":\"100001\"")
          .contains("\"requiredScope\":\"payments-write\",\"twoFactorRequired\":true")
          .contains("\"type\":\"sandboxMessage\"")
          .contains("\"amountCents\":1500,\"description\":\"rent\"")
          .contains("the token has been revoked");
    }
  }
}
