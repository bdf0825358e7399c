package dev.custos.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ReadmeText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's kit section shows the example project's dependency on the kit and one of its
 * properties, byte for byte, so both are what the build compiles and runs.
 */
class ReadmeKitTest {
  private static final Path EXAMPLE = Path.of("example");

  @Test
  void readme_showsTheExamplesPropertyAsCompiled() throws Exception {
    String property =
        ReadmeText.marked(
            EXAMPLE.resolve("src/test/java/dev/custos/examples/kit/PaymentsPropertiesTest.java"),
            "kit-property");

    assertThat(section()).contains("```java\n" + property + "```");
  }

  @Test
  void readme_showsTheExamplesDependencyOnTheKit() throws Exception {
    String section = section();
    int start = section.indexOf("```xml\n") + "```xml\n".length();
    String dependency = section.substring(start, section.indexOf("```", start));

    assertThat(dependency).contains("<artifactId>custos-test-kit</artifactId>");
    assertThat(Files.readString(EXAMPLE.resolve("pom.xml"))).contains(dependency);
  }

  private static String section() throws Exception {
    return ReadmeText.section(Path.of("..", "README.md"), "## Testing your integration");
  }
}
