package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8032 section 7.1: the signing layer under PASETO, checked on its own. */
class Ed25519VectorsTest {

  @Test
  void rfc8032_everyVector_signsByteForByteAndVerifies() throws Exception {
    List<String> errors = new ArrayList<>();
    List<Map<String, Object>> vectors = Vectors.load("rfc8032-ed25519.json", "vectors");
    for (Map<String, Object> v : vectors) {
      String name = (String) v.get("name");
      SigningKey key =
          SigningKey.fromSeed(PasetoVersion.V2_PUBLIC, Vectors.hex(v.get("secret-key-seed")));
      byte[] message = Vectors.hex(v.get("message"));
      byte[] signature = Vectors.hex(v.get("signature"));
      if (!Arrays.equals(key.verificationKey().toBytes(), Vectors.hex(v.get("public-key")))) {
        errors.add(name + ": derived public key differs");
      }
      // At an offset, as the minter signs in place.
      byte[] produced = new byte[3 + 64];
      key.sign(message, message.length, produced, 3);
      produced = Arrays.copyOfRange(produced, 3, produced.length);
      if (!Arrays.equals(produced, signature)) {
        errors.add(name + ": signature " + HexFormat.of().formatHex(produced));
      }
      if (!key.verificationKey().verify(signature, 0, message, message.length)) {
        errors.add(name + ": signature does not verify");
      }
      byte[] altered = signature.clone();
      altered[0] ^= 1;
      if (key.verificationKey().verify(altered, 0, message, message.length)) {
        errors.add(name + ": altered signature verifies");
      }
    }
    assertThat(errors).isEmpty();
    assertThat(vectors).hasSize(5);
  }
}
