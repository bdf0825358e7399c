package dev.custos.examples.bank;

import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A signing key for the tests' bank, fed as the environment would feed it ({@code
 * custos.key.value}) in place of the key file production names.
 */
abstract class SigningKeyForTests {
  static final String KEY = SigningKey.generate(PasetoVersion.V4_PUBLIC).exportSecretPaserk();

  @DynamicPropertySource
  static void signingKey(DynamicPropertyRegistry properties) {
    properties.add("custos.key.value", () -> KEY);
    properties.add("custos.key.file", () -> "");
  }
}
