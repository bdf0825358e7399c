package dev.custos.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.passkey.testing.SoftwareAuthenticator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fuzzes what a hostile browser sends: an assertion and a registration of the enrolled
 * authenticator's id with any client data, authenticator data (CBOR), attestation object and
 * signature bytes. Each is refused with an {@link ApiException} of a passkey code or {@code
 * invalid_value}, at a pointer, never anything else (webauthn4j's parsers meet every input here).
 *
 * <p>Fuzzing mode runs one target at a time; webauthn4j and its CBOR reader instrumented too:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 mvn -B -pl passkey test -Dtest='PasskeyFuzzTest#verify*' \
 *   -Djazzer.instrumentation_includes='com.webauthn4j.**:dev.custos.**:com.fasterxml.jackson.dataformat.cbor.**'
 * }</pre>
 */
class PasskeyFuzzTest {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final PasskeyPlatform PLATFORM = new PasskeyPlatform();
  private static final SoftwareAuthenticator PHONE = SoftwareAuthenticator.es256();
  private static final Map<String, Object> HONEST;
  private static final java.util.concurrent.atomic.AtomicLong RUNS =
      new java.util.concurrent.atomic.AtomicLong();

  static {
    try {
      PLATFORM.enrol(PHONE, PasskeyPlatform.INDIVIDUAL);
      HONEST =
          PHONE.assertion(
              PLATFORM.passkeys.requestOptions(PasskeyPlatform.INDIVIDUAL, new byte[32]),
              PasskeyPlatform.ORIGIN);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  @SuppressWarnings("unchecked")
  void verify_anyAuthenticatorOutput_refusedWithADocumentedError(FuzzedDataProvider data) {
    Map<String, Object> response =
        new LinkedHashMap<>((Map<String, Object>) HONEST.get("response"));
    // Each member honest or fuzzed, so that every parser is reached with the others valid.
    for (String member : new String[] {"clientDataJSON", "authenticatorData", "signature"}) {
      if (data.consumeBoolean()) {
        response.put(member, B64.encodeToString(data.consumeBytes(600)));
      }
    }
    Map<String, Object> assertion = new LinkedHashMap<>(HONEST);
    assertion.put("response", response);
    byte[] challenge = data.consumeBytes(32);
    try {
      PLATFORM.passkeys.verify(PasskeyPlatform.INDIVIDUAL, challenge, assertion);
    } catch (ApiException e) {
      documented(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  @SuppressWarnings("unchecked")
  void register_anyAttestation_refusedWithADocumentedError(FuzzedDataProvider data)
      throws Exception {
    // A fresh customer each run: every run's failures would lock one customer out.
    String customer = "fuzz-" + RUNS.incrementAndGet();
    PasskeyRegistration started = PLATFORM.passkeys.startRegistration(PLATFORM.org(), customer);
    Map<String, Object> credential =
        SoftwareAuthenticator.es256().register(started.creationOptions(), PasskeyPlatform.ORIGIN);
    Map<String, Object> response =
        new LinkedHashMap<>((Map<String, Object>) credential.get("response"));
    for (String member : new String[] {"clientDataJSON", "attestationObject"}) {
      if (data.consumeBoolean()) {
        response.put(member, B64.encodeToString(data.consumeBytes(900)));
      }
    }
    credential = new LinkedHashMap<>(credential);
    credential.put("response", response);
    try {
      PLATFORM.passkeys.register(
          PLATFORM.org(), customer, started.verificationToken(), credential, "");
    } catch (ApiException e) {
      documented(e);
    }
  }

  private static void documented(ApiException e) {
    assertThat(e.error().code().code()).matches("passkey_[a-z_]+|invalid_value|verification_.*");
    assertThat(e.error().pointer()).isPresent();
    assertThat(e.error().code()).isNotEqualTo(ApiErrorCode.INTERNAL_ERROR);
  }
}
