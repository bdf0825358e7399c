package dev.custos.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ReadmeText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each fuzzing command the README gives names a module and a fuzz test in it that exist. */
class ReadmeFuzzingTest {
  private static final Pattern COMMAND =
      Pattern.compile("JAZZER_FUZZ=1 mvn -B -pl (\\S+) test -Dtest='?([A-Za-z]+)(?:#(\\w+))?'?.*");

  @Test
  void everyCommand_namesAnExistingFuzzTest() throws Exception {
    String section = ReadmeText.section(Reactor.ROOT.resolve("README.md"), "## Fuzzing");
    List<String> commands =
        section.lines().filter(line -> line.startsWith("JAZZER_FUZZ=1")).toList();

    assertThat(commands).hasSizeGreaterThanOrEqualTo(8);
    for (String command : commands) {
      Matcher m = COMMAND.matcher(command);
      assertThat(m.matches()).as(command).isTrue();
      Path tests = Reactor.ROOT.resolve(m.group(1)).resolve("src/test/java");
      Path source;
      try (Stream<Path> files = Files.walk(tests)) {
        source =
            files
                .filter(f -> f.getFileName().toString().equals(m.group(2) + ".java"))
                .findFirst()
                .orElse(null);
      }
      assertThat(source).as(command).isNotNull();
      String text = Files.readString(source);
      assertThat(text).as(command).contains("@FuzzTest");
      if (m.group(3) != null) {
        assertThat(text).as(command).contains("void " + m.group(3) + "(");
      }
    }
  }
}
