package dev.custos.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Every published artifact carries sources, Javadoc and a CycloneDX SBOM, and the SBOM names every
 * runtime dependency Maven resolved for it (read independently, from {@code
 * runtime-dependencies.txt}) with its license; the reference server's SBOM also names every
 * artifact its fat jar holds.
 */
class SbomTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyPublishedArtifact_hasSourcesJavadocAndSbom() throws Exception {
    for (Reactor.Module module : Reactor.publishedArtifacts()) {
      String base = base(module);
      assertThat(module.target().resolve(base + "-sources.jar")).as(base).exists();
      assertThat(module.target().resolve(base + "-javadoc.jar")).as(base).exists();
      sbom(module);
    }
  }

  @Test
  void everySbom_namesEveryRuntimeDependencyWithItsLicense() throws Exception {
    StringBuilder summary = new StringBuilder();
    for (Reactor.Module module : Reactor.publishedArtifacts()) {
      Map<String, JsonNode> components = components(sbom(module));
      List<String> resolved = runtimeDependencies(module);
      for (String coordinates : resolved) {
        JsonNode component = components.get(coordinates);
        assertThat(component)
            .as("%s: %s is not in the SBOM", module.artifactId(), coordinates)
            .isNotNull();
        assertThat(license(component))
            .as("%s: %s has no license in the SBOM", module.artifactId(), coordinates)
            .isNotBlank();
      }
      JsonNode self = sbom(module).path("metadata").path("component");
      assertThat(self.path("name").asText()).isEqualTo(module.artifactId());
      assertThat(license(self)).as(module.artifactId()).isEqualTo("Apache-2.0");
      summary.append(
          String.format("%-34s %3d components%n", module.artifactId(), components.size()));
    }
    System.out.print(summary);
  }

  @Test
  void serverSbom_namesEveryArtifactItsFatJarHolds() throws Exception {
    Reactor.Module server =
        Reactor.publishedArtifacts().stream()
            .filter(m -> m.artifactId().equals("custos-server"))
            .findFirst()
            .orElseThrow();
    Map<String, JsonNode> components = components(sbom(server));
    List<String> bundled = new ArrayList<>();
    try (JarFile jar = new JarFile(server.target().resolve("custos-server.jar").toFile())) {
      for (JarEntry entry : jar.stream().toList()) {
        if (entry.getName().startsWith("META-INF/maven/")
            && entry.getName().endsWith("/pom.properties")) {
          Properties p = new Properties();
          try (InputStream in = jar.getInputStream(entry)) {
            p.load(in);
          }
          bundled.add(
              p.getProperty("groupId")
                  + ":"
                  + p.getProperty("artifactId")
                  + ":"
                  + p.getProperty("version"));
        }
      }
    }
    bundled.remove("dev.custos:custos-server:" + Reactor.VERSION);
    Map<String, String> embedded = embeddedInDependencies();

    assertThat(bundled).hasSizeGreaterThan(20);
    List<String> unlisted = new ArrayList<>();
    for (String coordinates : bundled) {
      if (embedded.containsKey(coordinates)) {
        String carrier = embedded.get(coordinates);
        assertThat(components.keySet())
            .as("%s is carried by %s, which the SBOM must name", coordinates, carrier)
            .anyMatch(c -> c.startsWith(carrier + ":"));
      } else if (!components.containsKey(coordinates)) {
        unlisted.add(coordinates);
      } else {
        assertThat(license(components.get(coordinates))).as(coordinates).isNotBlank();
      }
    }
    assertThat(unlisted)
        .as("in the fat jar, neither in the SBOM nor in embedded-in-dependencies.txt")
        .isEmpty();
    assertThat(bundled).containsAll(embedded.keySet());
  }

  @Test
  void serverFatJar_carriesCustosLicenseAndEveryNonApacheNotice() throws Exception {
    Reactor.Module server =
        Reactor.publishedArtifacts().stream()
            .filter(m -> m.artifactId().equals("custos-server"))
            .findFirst()
            .orElseThrow();
    String license;
    String notices;
    try (JarFile jar = new JarFile(server.target().resolve("custos-server.jar").toFile())) {
      license =
          new String(
              jar.getInputStream(jar.getEntry("META-INF/LICENSE")).readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      notices =
          new String(
              jar.getInputStream(jar.getEntry("META-INF/THIRD-PARTY-NOTICES.txt")).readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(jar.getEntry("META-INF/NOTICE")).isNotNull();
    }

    assertThat(license).isEqualTo(Files.readString(Reactor.ROOT.resolve("LICENSE")));
    for (JsonNode component : sbom(server).path("components")) {
      String coordinates = component.path("group").asText() + ":" + component.path("name").asText();
      if (coordinates.startsWith("dev.custos:") || allLicenses(component).contains("Apache-2.0")) {
        continue;
      }
      assertThat(notices)
          .as(
              "%s (%s) needs its notice in THIRD-PARTY-NOTICES.txt",
              coordinates, allLicenses(component))
          .contains(coordinates);
    }
  }

  private static List<String> allLicenses(JsonNode component) {
    List<String> licenses = new ArrayList<>();
    for (JsonNode choice : component.path("licenses")) {
      JsonNode license = choice.path("license");
      licenses.add(
          choice.has("expression")
              ? choice.path("expression").asText()
              : license.path("id").asText(license.path("name").asText()));
    }
    return licenses;
  }

  /** embedded-in-dependencies.txt: embedded coordinates to the carrier's group:artifact. */
  private static Map<String, String> embeddedInDependencies() throws Exception {
    Map<String, String> embedded = new HashMap<>();
    try (InputStream in = SbomTest.class.getResourceAsStream("/embedded-in-dependencies.txt")) {
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] words = line.trim().split(" ");
          embedded.put(words[0], words[2]);
        }
      }
    }
    return embedded;
  }

  private static String base(Reactor.Module module) {
    return module.artifactId().equals("custos-server")
        ? "custos-server"
        : module.artifactId() + "-" + Reactor.VERSION;
  }

  private static JsonNode sbom(Reactor.Module module) throws Exception {
    Path file =
        module.target().resolve(module.artifactId() + "-" + Reactor.VERSION + "-cyclonedx.json");
    if (!Files.exists(file)) {
      fail(
          "%s has no SBOM (%s): the CycloneDX plugin runs during package, and only online"
              + " (mvn -B verify without -o)",
          module.artifactId(), file);
    }
    return JSON.readTree(file.toFile());
  }

  /** The SBOM's components by group:name:version. */
  private static Map<String, JsonNode> components(JsonNode sbom) {
    Map<String, JsonNode> byCoordinates = new HashMap<>();
    for (JsonNode component : sbom.path("components")) {
      byCoordinates.put(
          component.path("group").asText()
              + ":"
              + component.path("name").asText()
              + ":"
              + component.path("version").asText(),
          component);
    }
    return byCoordinates;
  }

  /** A component's license: an SPDX id, a name, or an expression. */
  private static String license(JsonNode component) {
    for (JsonNode choice : component.path("licenses")) {
      if (choice.has("expression")) {
        return choice.path("expression").asText();
      }
      JsonNode license = choice.path("license");
      String named = license.path("id").asText(license.path("name").asText());
      if (!named.isBlank()) {
        return named;
      }
    }
    return "";
  }

  /** Lines such as {@code g:a:jar:1.0:compile -- module m}, as group:artifact:version. */
  private static List<String> runtimeDependencies(Reactor.Module module) throws Exception {
    Path file = module.target().resolve("runtime-dependencies.txt");
    assertThat(file).as(module.artifactId()).exists();
    List<String> coordinates = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String[] parts = line.trim().split(" ")[0].split(":");
      if (parts.length >= 5) {
        coordinates.add(parts[0] + ":" + parts[1] + ":" + parts[parts.length - 2]);
      }
    }
    return coordinates;
  }
}
