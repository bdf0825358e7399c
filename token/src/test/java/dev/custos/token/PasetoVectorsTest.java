package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official PASETO vectors: every public case minted byte for byte and verified back, every
 * expect-fail case and every local-purpose case (which Custos does not accept) refused.
 */
class PasetoVectorsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"v2.json, V2_PUBLIC", "v4.json, V4_PUBLIC"})
  void vectors_everyCase_behavesAsSpecified(String file, PasetoVersion version) throws Exception {
    List<Map<String, Object>> cases = Vectors.load(file, "tests");
    VerificationKey vectorKey = null;
    for (Map<String, Object> c : cases) {
      if (c.containsKey("public-key")) {
        vectorKey = VerificationKey.of(version, Vectors.hex(c.get("public-key")));
      }
    }
    assertThat(vectorKey).isNotNull();

    List<String> errors = new ArrayList<>();
    int publicCases = 0;
    for (Map<String, Object> c : cases) {
      String name = (String) c.get("name");
      String token = (String) c.get("token");
      byte[] footer = Vectors.utf8(c.get("footer"));
      byte[] assertion = Vectors.utf8(c.get("implicit-assertion"));
      boolean expectFail = (Boolean) c.get("expect-fail");
      boolean publicPurpose = token.startsWith(version.header());

      if (!expectFail && publicPurpose) {
        publicCases++;
        byte[] payload = Vectors.utf8(c.get("payload"));
        SigningKey key = SigningKey.fromSeed(version, Vectors.hex(c.get("secret-key-seed")));
        byte[] secretKey = Vectors.hex(c.get("secret-key"));
        if (!Arrays.equals(
            key.verificationKey().toBytes(), Arrays.copyOfRange(secretKey, 32, 64))) {
          errors.add(name + ": public key derived from the seed differs from the vector's");
        }
        String minted = PasetoPublic.sign(key, payload, footer, assertion);
        if (!minted.equals(token)) {
          errors.add(name + ": minted " + minted + " instead of " + token);
        }
        try {
          byte[] verified = PasetoPublic.verify(vectorKey, token, assertion);
          if (!Arrays.equals(verified, payload)) {
            errors.add(name + ": verified payload " + new String(verified, StandardCharsets.UTF_8));
          }
        } catch (TokenVerificationException e) {
          errors.add(name + ": valid token refused: " + e.reason() + " " + e.getMessage());
        }
      } else {
        // expect-fail cases, and local-purpose tokens Custos never accepts.
        try {
          PasetoPublic.verify(vectorKey, token, assertion);
          errors.add(name + ": accepted, but must be refused");
        } catch (TokenVerificationException expected) {
          // refused, as it must be
        } catch (RuntimeException e) {
          errors.add(name + ": refused with " + e + " instead of TokenVerificationException");
        }
      }
    }

    assertThat(errors).isEmpty();
    assertThat(publicCases).isEqualTo(3);
  }
}
