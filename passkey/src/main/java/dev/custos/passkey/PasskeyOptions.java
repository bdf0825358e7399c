package dev.custos.passkey;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WebAuthn's option documents, as JSON objects a browser passes (after decoding their base64url
 * members, or as they are to {@code PublicKeyCredential.parse*OptionsFromJSON}): {@code
 * PublicKeyCredentialCreationOptionsJSON} and {@code PublicKeyCredentialRequestOptionsJSON}.
 */
final class PasskeyOptions {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private PasskeyOptions() {}

  static Map<String, Object> creation(
      PasskeyRelyingParty rp,
      String customerId,
      byte[] challenge,
      List<PasskeyCredential> existing,
      int timeoutMillis) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("rp", Map.of("id", rp.id(), "name", rp.name()));
    options.put(
        "user",
        Map.of(
            "id",
            B64.encodeToString(rp.userHandle(customerId)),
            "name",
            customerId,
            "displayName",
            rp.name() + " customer " + customerId));
    options.put("challenge", B64.encodeToString(challenge));
    List<Object> params = new ArrayList<>();
    for (int alg : rp.algorithms()) {
      params.add(Map.of("type", "public-key", "alg", alg));
    }
    options.put("pubKeyCredParams", params);
    options.put("timeout", timeoutMillis);
    options.put("excludeCredentials", descriptors(existing));
    options.put(
        "authenticatorSelection",
        Map.of(
            "residentKey", "preferred",
            "requireResidentKey", false,
            "userVerification", "required"));
    options.put("attestation", "none");
    return options;
  }

  static Map<String, Object> request(
      PasskeyRelyingParty rp,
      byte[] challenge,
      List<PasskeyCredential> allowed,
      int timeoutMillis) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("challenge", B64.encodeToString(challenge));
    options.put("timeout", timeoutMillis);
    options.put("rpId", rp.id());
    options.put("allowCredentials", descriptors(allowed));
    options.put("userVerification", "required");
    return options;
  }

  private static List<Object> descriptors(List<PasskeyCredential> credentials) {
    List<Object> out = new ArrayList<>();
    for (PasskeyCredential c : credentials) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("type", "public-key");
      d.put("id", c.credentialIdBase64Url());
      if (!c.transports().isEmpty()) {
        d.put("transports", List.copyOf(c.transports()));
      }
      out.add(d);
    }
    return out;
  }
}
