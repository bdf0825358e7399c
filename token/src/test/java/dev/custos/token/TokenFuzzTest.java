package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the token module's entry points that read untrusted input: token verification (any string)
 * and PASERK and JWK key import. Each may only return its result or throw the exception its Javadoc
 * documents.
 *
 * <p>Under {@code mvn verify} this runs in regression mode: once for each input in {@code
 * TokenFuzzTestInputs/} and the empty input. To fuzz for real (coverage-guided):
 *
 * <pre>{@code JAZZER_FUZZ=1 mvn -B -pl token test -Dtest=TokenFuzzTest}</pre>
 */
class TokenFuzzTest {
  private static final TokenVerifier VERIFIER =
      TokenFixtures.verifier(TokenFixtures.V2_KEY.verificationKey(), TokenFixtures.NOW);

  @FuzzTest(maxDuration = "60s")
  void verify_anyString_verifiedOrTypedFailure(byte[] input) {
    String token = new String(input, StandardCharsets.UTF_8);
    try {
      VerifiedToken verified = VERIFIER.verify(token);
      assertThat(verified.issuer()).isEqualTo(TokenFixtures.ISSUER);
    } catch (TokenVerificationException e) {
      assertThat(e.reason()).isNotNull();
    }
  }

  @FuzzTest(maxDuration = "60s")
  void importPaserk_anyString_keyOrIllegalArgument(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      assertThat(SigningKey.fromPaserk(text).verificationKey().toPaserk()).startsWith("k");
    } catch (IllegalArgumentException expected) {
      // documented
    }
    try {
      assertThat(VerificationKey.fromPaserk(text).toPaserk()).isEqualTo(text);
    } catch (IllegalArgumentException expected) {
      // documented
    }
  }

  @FuzzTest(maxDuration = "60s")
  void importJwk_anyString_keyOrIllegalArgument(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    for (PasetoVersion version : PasetoVersion.values()) {
      try {
        assertThat(SigningKey.fromJwk(text, version).version()).isEqualTo(version);
      } catch (IllegalArgumentException expected) {
        // documented
      }
      try {
        assertThat(VerificationKey.fromJwk(text, version).version()).isEqualTo(version);
      } catch (IllegalArgumentException expected) {
        // documented
      }
    }
  }
}
