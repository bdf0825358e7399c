package dev.custos.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spring modules are built and tested on the versions Spring Boot's dependency management
 * chooses, as a host's application gets them: each pin this build sets (the parent's pins win over
 * an imported BOM in Maven, so the spring profiles set them) equals the BOM's. Fails when Boot is
 * upgraded and a pin is not.
 */
class BootManagedVersionsTest {
  private static final Path BOMS = Path.of("target", "boms");

  private static String bomVersion(String property) throws Exception {
    if (property.equals("nimbus-jose-jwt")) {
      // Boot's BOM leaves it to Spring Security's JOSE module, which names the version it needs.
      String jose = Files.readString(BOMS.resolve("spring-security-oauth2-jose.pom"));
      Matcher m =
          Pattern.compile("<artifactId>nimbus-jose-jwt</artifactId>\\s*<version>([^<]+)</version>")
              .matcher(jose);
      assertThat(m.find()).as("nimbus-jose-jwt in Spring Security's JOSE module").isTrue();
      return m.group(1);
    }
    String bom = Files.readString(BOMS.resolve("spring-boot-dependencies.pom"));
    Matcher m =
        Pattern.compile("<" + Pattern.quote(property) + "\\.version>([^<]+)</").matcher(bom);
    assertThat(m.find()).as(property + ".version in Boot's BOM").isTrue();
    return m.group(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "caffeine",
        "lettuce",
        "slf4j",
        "jackson-2-bom",
        "junit-jupiter",
        "logback",
        "micrometer",
        "nimbus-jose-jwt"
      })
  void pin_equalsWhatBootManages(String library) throws Exception {
    String pinned = System.getProperty("custos.pin." + library);

    assertThat(pinned).as("the build passes its pin of " + library).isNotBlank();
    assertThat(pinned).as(library).isEqualTo(bomVersion(library));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"io.lettuce/lettuce-core:lettuce", "com.nimbusds/nimbus-jose-jwt:nimbus-jose-jwt"})
  void classPath_hasThePinnedVersion(String jarAndPin) throws Exception {
    String[] parts = jarAndPin.split(":");
    Properties jar = new Properties();
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/" + parts[0] + "/pom.properties")) {
      assertThat(in).as(parts[0] + " on the test class path").isNotNull();
      jar.load(in);
    }

    assertThat(jar.getProperty("version")).isEqualTo(System.getProperty("custos.pin." + parts[1]));
  }
}
