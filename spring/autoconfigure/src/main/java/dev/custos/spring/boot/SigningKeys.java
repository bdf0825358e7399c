package dev.custos.spring.boot;

import dev.custos.token.KeyFileAccess;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.VerificationKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Reads {@code custos.key.*}: a PASERK names its PASETO version, a JWK does not, so a JWK needs
 * {@code custos.key.version}. Every failure names the property and never the key.
 */
final class SigningKeys {
  private static final String HIDDEN = "(hidden)";

  private SigningKeys() {}

  /** The configured signing key; a generated one only in sandbox mode. */
  static SigningKey signingKey(CustosProperties properties) {
    CustosProperties.Key key = properties.getKey();
    if (isEmpty(key.getFile())) {
      // An empty setting (custos.key.file= overriding a file elsewhere) is no file.
      key.setFile(null);
    }
    if (key.getValue() != null && key.getValue().isBlank()) {
      key.setValue(null);
    }
    if (key.getFile() != null && key.getValue() != null) {
      throw new InvalidConfigurationPropertyValueException(
          "custos.key.value", HIDDEN, "set custos.key.file or custos.key.value, not both");
    }
    if (key.getFile() != null) {
      return parse("custos.key.file", read(key), key.getVersion());
    }
    if (key.getValue() != null) {
      return parse("custos.key.value", key.getValue().strip(), key.getVersion());
    }
    if (properties.isSandbox()) {
      return SigningKey.generate(
          key.getVersion() == null ? PasetoVersion.V4_PUBLIC : version(key.getVersion()));
    }
    throw new InvalidConfigurationPropertyValueException(
        "custos.key.file",
        null,
        "a signing key is required: set custos.key.file (a PASERK or JWK file) or custos.key.value,"
            + " or custos.sandbox=true for a generated one in development");
  }

  private static boolean isEmpty(Path file) {
    return file != null && file.toString().isEmpty();
  }

  /** The public keys still accepted beside the signing key's own. */
  static List<VerificationKey> verificationKeys(CustosProperties properties) {
    List<VerificationKey> keys = new ArrayList<>();
    List<String> texts = properties.getKey().getVerificationKeys();
    for (int i = 0; i < texts.size(); i++) {
      String name = "custos.key.verification-keys[" + i + "]";
      String text = texts.get(i).strip();
      try {
        keys.add(
            text.startsWith("{")
                ? VerificationKey.fromJwk(text, requiredVersion(name, properties))
                : VerificationKey.fromPaserk(text));
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigurationPropertyValueException(
            name, HIDDEN, "not a public PASERK or JWK: " + e.getMessage());
      }
    }
    return keys;
  }

  private static String read(CustosProperties.Key key) {
    try {
      // As the CLI and ssh: nobody else may read this key, or swap it for one of their own.
      KeyFileAccess.requirePrivateFile(key.getFile());
    } catch (NoSuchFileException e) {
      throw new InvalidConfigurationPropertyValueException(
          "custos.key.file", key.getFile(), "cannot read the signing key file (no such file)");
    } catch (IOException e) {
      throw new InvalidConfigurationPropertyValueException(
          "custos.key.file", key.getFile(), "refusing the signing key: " + e.getMessage());
    }
    try {
      return Files.readString(key.getFile(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new InvalidConfigurationPropertyValueException(
          "custos.key.file",
          key.getFile(),
          "cannot read the signing key file (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static SigningKey parse(String property, String text, String versionName) {
    boolean jwk = text.startsWith("{");
    if (jwk && versionName == null) {
      throw new InvalidConfigurationPropertyValueException(
          "custos.key.version",
          null,
          "the key in "
              + property
              + " is a JWK, which does not say its PASETO version: set"
              + " custos.key.version to v2 or v4");
    }
    PasetoVersion wanted = versionName == null ? null : version(versionName);
    SigningKey key;
    try {
      key = jwk ? SigningKey.fromJwk(text, wanted) : SigningKey.fromPaserk(text);
    } catch (IllegalArgumentException e) {
      // The library's message describes the key's shape, never its bytes.
      throw new InvalidConfigurationPropertyValueException(
          property, HIDDEN, "not a secret PASERK or private JWK: " + e.getMessage());
    }
    if (wanted != null && wanted != key.version()) {
      throw new InvalidConfigurationPropertyValueException(
          "custos.key.version",
          versionName,
          "the key in " + property + " is a " + key.version() + " key");
    }
    return key;
  }

  private static PasetoVersion requiredVersion(String property, CustosProperties properties) {
    String name = properties.getKey().getVersion();
    if (name == null) {
      throw new InvalidConfigurationPropertyValueException(
          "custos.key.version", null, property + " is a JWK: set custos.key.version to v2 or v4");
    }
    return version(name);
  }

  private static PasetoVersion version(String name) {
    return switch (name) {
      case "v2" -> PasetoVersion.V2_PUBLIC;
      case "v4" -> PasetoVersion.V4_PUBLIC;
      default ->
          throw new InvalidConfigurationPropertyValueException(
              "custos.key.version", name, "must be v2 or v4");
    };
  }
}
