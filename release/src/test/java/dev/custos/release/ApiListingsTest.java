package dev.custos.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every published module with code has its committed API listing and the test that compares it, so
 * that no module's public API changes unseen.
 */
class ApiListingsTest {
  @Test
  void everyPublishedModuleWithCode_hasItsListingAndItsCheck() throws Exception {
    for (Reactor.Module module : Reactor.publishedArtifacts()) {
      if (!Files.isDirectory(module.dir().resolve("src/main/java"))) {
        continue;
      }
      assertThat(module.dir().resolve("api").resolve(module.artifactId() + ".api"))
          .as(module.artifactId())
          .isNotEmptyFile();
      try (Stream<Path> tests = Files.walk(module.dir().resolve("src/test/java"))) {
        assertThat(tests.map(Path::getFileName).map(Path::toString))
            .as(module.artifactId())
            .contains("ApiListingTest.java");
      }
    }
  }
}
