package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command-line option the README names is one the {@code custos} command has (or curl's and
 * {@code benchmarks/run}'s few; a Spring Boot application's {@code --name.of.property=} arguments
 * are properties, not flags), so that the README cannot send a reader to a flag that does not
 * exist.
 */
class ReadmeFlagsTest {
  private static final Set<String> NOT_CUSTOS =
      Set.of("--data-raw", "--fail-with-body", "--short", "--http-only");

  @Test
  void everyFlagInTheReadme_isAnOptionOfTheCli() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    StringBuilder help = new StringBuilder();
    for (String command : new String[] {"serve", "keygen", "mint", "verify"}) {
      help.append(CliTest.run(command, "--help").out());
    }
    Set<String> unknown = new TreeSet<>();
    Matcher flag = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*(?![a-z0-9.-])").matcher(readme);
    while (flag.find()) {
      String name = flag.group();
      if (!NOT_CUSTOS.contains(name) && !help.toString().contains(name)) {
        unknown.add(name);
      }
    }

    assertThat(unknown).isEmpty();
  }
}
