package dev.custos.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ReadmeText;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's set-up section as built: its Maven snippet is the BOM example's, which .ci/run
 * builds; its Gradle snippet (no Gradle here to run it) names the BOM at the build's version and
 * artifacts the BOM lists; its table names every published artifact.
 */
class ReadmeReleaseTest {
  private static final String HEADING = "## Adding Custos to a build";

  @Test
  void mavenSnippet_isTheBomExamplesImport() throws Exception {
    String pom = Files.readString(Reactor.ROOT.resolve("bom/example/pom.xml"));
    String start = "  <!-- README:bom-import -->\n";
    String region =
        pom.substring(pom.indexOf(start) + start.length(), pom.indexOf("  <!-- README:end -->"));

    assertThat(section()).contains("```xml\n" + region + "```");
  }

  @Test
  void gradleSnippet_namesTheBomAtTheBuildsVersionAndArtifactsItLists() throws Exception {
    String section = section();
    String gradle =
        section.substring(
            section.indexOf("```kotlin"), section.indexOf("```", section.indexOf("```kotlin") + 3));
    List<String> published = published();

    assertThat(gradle).contains("platform(\"dev.custos:custos-bom:" + Reactor.VERSION + "\")");
    Matcher named = Pattern.compile("\"dev\\.custos:(custos-[a-z-]+)\"").matcher(gradle);
    int count = 0;
    while (named.find()) {
      assertThat(published).contains(named.group(1));
      count++;
    }
    assertThat(count).isPositive();
  }

  @Test
  void table_namesEveryPublishedArtifact_andTheVersionIsTheBuilds() throws Exception {
    String section = section();
    List<String> inTable = new ArrayList<>();
    for (String line : section.substring(section.indexOf("| artifact |")).split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      Matcher artifact = Pattern.compile("`(custos-[a-z-]+)`").matcher(line.split("\\|")[1]);
      while (artifact.find()) {
        inTable.add(artifact.group(1));
      }
    }

    assertThat(inTable).containsExactlyInAnyOrderElementsOf(published());
    assertThat(section).contains("`dev.custos:<artifact>:" + Reactor.VERSION + "`");
  }

  private static List<String> published() throws Exception {
    return Reactor.publishedArtifacts().stream().map(Reactor.Module::artifactId).toList();
  }

  private static String section() throws Exception {
    return ReadmeText.section(Reactor.ROOT.resolve("README.md"), HEADING);
  }
}
