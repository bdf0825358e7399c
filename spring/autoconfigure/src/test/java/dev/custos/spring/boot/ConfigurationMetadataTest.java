package dev.custos.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata Boot's processor generates from {@link CustosProperties} (what an IDE
 * shows for {@code custos.*}): every property described, with its default.
 */
class ConfigurationMetadataTest {
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> properties() throws Exception {
    try (InputStream in =
        ConfigurationMetadataTest.class
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the generated metadata").isNotNull();
      Map<String, Object> metadata =
          JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return (List<Map<String, Object>>) metadata.get("properties");
    }
  }

  @Test
  void everyProperty_described() throws Exception {
    assertThat(properties())
        .extracting(p -> p.get("name"))
        .contains(
            "custos.key.file",
            "custos.key.value",
            "custos.key.version",
            "custos.key.verification-keys",
            "custos.issuer",
            "custos.brand",
            "custos.sandbox",
            "custos.cache-size",
            "custos.otp.code-lifetime",
            "custos.otp.max-attempts",
            "custos.otp.languages",
            "custos.otp.allowed-countries",
            "custos.otp.max-sends-per-minute",
            "custos.redis.uri",
            "custos.redis.key-prefix",
            "custos.endpoints.enabled",
            "custos.endpoints.base-path");
    assertThat(properties())
        .allSatisfy(
            p -> assertThat((String) p.get("description")).as(p.get("name") + "").isNotBlank());
  }

  @Test
  void defaults_asTheLibrarysOwn() throws Exception {
    Map<Object, Object> defaults =
        properties().stream()
            .filter(p -> p.get("defaultValue") != null)
            .collect(
                java.util.stream.Collectors.toMap(p -> p.get("name"), p -> p.get("defaultValue")));

    assertThat(defaults)
        .containsEntry("custos.otp.code-lifetime", "10m")
        .containsEntry("custos.otp.max-attempts", 5L)
        .containsEntry("custos.endpoints.enabled", true)
        .containsEntry("custos.sandbox", false);
  }
}
