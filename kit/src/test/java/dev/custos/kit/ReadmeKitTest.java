package dev.custos.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ReadmeText;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's kit section shows one of the kit's own properties, byte for byte. */
class ReadmeKitTest {
  @Test
  void readme_showsTheKitsPropertyAsCompiled() throws Exception {
    String section = ReadmeText.section(Path.of("..", "README.md"), "## Testing your integration");
    String property =
        ReadmeText.marked(
            Path.of("src/test/java/dev/custos/kit/KitPropertiesTest.java"), "kit-property");

    assertThat(section).contains("```java\n" + property + "```");
  }
}
