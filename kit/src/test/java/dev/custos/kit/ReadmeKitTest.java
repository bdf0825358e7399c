package dev.custos.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's kit section shows one of the kit's own properties, byte for byte. */
class ReadmeKitTest {
  @Test
  void readme_showsTheKitsPropertyAsCompiled() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("## Testing your integration");
    String section = readme.substring(start, readme.indexOf("\n## ", start));
    String test = Files.readString(Path.of("src/test/java/dev/custos/kit/KitPropertiesTest.java"));
    String property =
        test.substring(
            test.indexOf("  // README:kit-property\n") + "  // README:kit-property\n".length(),
            test.indexOf("  // README:end"));

    assertThat(section).contains("```java\n" + property + "```");
  }
}
