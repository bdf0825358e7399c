package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The official PASERK vectors for public keys, secret keys and public key ids, v2 and v4. */
class PaserkVectorsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "paserk/k2.public.json, V2_PUBLIC, public",
    "paserk/k4.public.json, V4_PUBLIC, public",
    "paserk/k2.secret.json, V2_PUBLIC, secret",
    "paserk/k4.secret.json, V4_PUBLIC, secret",
    "paserk/k2.pid.json, V2_PUBLIC, pid",
    "paserk/k4.pid.json, V4_PUBLIC, pid",
  })
  void vectors_everyCase_behavesAsSpecified(String file, PasetoVersion version, String type)
      throws Exception {
    List<String> errors = new ArrayList<>();
    for (Map<String, Object> c : Vectors.load(file, "tests")) {
      String name = (String) c.get("name");
      boolean expectFail = (Boolean) c.get("expect-fail");
      String expected = (String) c.get("paserk");
      String produced;
      try {
        byte[] key = HexFormat.of().parseHex((String) c.get("key"));
        produced =
            switch (type) {
              case "public" -> Paserk.publicKey(version, key);
              case "pid" -> Paserk.publicKeyId(version, key);
              default -> secret(version, key);
            };
      } catch (IllegalArgumentException e) {
        if (!expectFail) {
          errors.add(name + ": refused: " + e.getMessage());
        }
        continue;
      }
      if (expectFail) {
        errors.add(name + ": serialized, but must be refused");
      } else if (!produced.equals(expected)) {
        errors.add(name + ": produced " + produced + " instead of " + expected);
      } else if (!type.equals("pid")) {
        errors.addAll(roundTrip(name, version, type, expected));
      }
    }
    assertThat(errors).isEmpty();
  }

  /**
   * A secret key vector is seed ‖ public key; Custos builds it from the seed and checks the rest.
   */
  private static String secret(PasetoVersion version, byte[] key) {
    if (key.length != 64) {
      throw new IllegalArgumentException("secret key must be 64 bytes");
    }
    SigningKey signingKey = SigningKey.fromSeed(version, java.util.Arrays.copyOf(key, 32));
    if (!java.util.Arrays.equals(
        signingKey.verificationKey().toBytes(), java.util.Arrays.copyOfRange(key, 32, 64))) {
      throw new IllegalArgumentException("public half does not match");
    }
    return signingKey.exportSecretPaserk();
  }

  private static List<String> roundTrip(
      String name, PasetoVersion version, String type, String paserk) {
    List<String> errors = new ArrayList<>();
    if (type.equals("public")) {
      byte[] decoded = Paserk.decodePublic(version, paserk);
      if (!Paserk.publicKey(version, decoded).equals(paserk)) {
        errors.add(name + ": decoding and encoding again changed it");
      }
    } else {
      SigningKey key = SigningKey.fromPaserk(paserk);
      if (key.version() != version || !key.exportSecretPaserk().equals(paserk)) {
        errors.add(name + ": secret key did not round-trip");
      }
    }
    return errors;
  }
}
