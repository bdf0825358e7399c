package dev.custos.passkey;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A browser's {@code PublicKeyCredential} as its {@code toJSON()} writes it, read member by member:
 * each binary member strict unpadded base64url, each fault a 400 at its own pointer under the
 * request attribute that carried it. Members a browser adds beyond these are left alone (they are
 * the browser's format, not ours, and grow); those read are checked.
 */
final class BrowserCredential {
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  final String attribute;
  final byte[] id;
  final byte[] clientDataJson;

  /** The assertion's authenticator data, or the registration's attestation object. */
  final byte[] authenticatorData;

  /** The assertion's signature; null for a registration. */
  final byte[] signature;

  /** The assertion's user handle, if the authenticator gave one; null for a registration. */
  final byte[] userHandle;

  /** The registration's transports; empty for an assertion. */
  final Set<String> transports;

  private BrowserCredential(
      String attribute,
      byte[] id,
      byte[] clientDataJson,
      byte[] authenticatorData,
      byte[] signature,
      byte[] userHandle,
      Set<String> transports) {
    this.attribute = attribute;
    this.id = id;
    this.clientDataJson = clientDataJson;
    this.authenticatorData = authenticatorData;
    this.signature = signature;
    this.userHandle = userHandle;
    this.transports = transports;
  }

  /** An assertion: {@code id}, {@code response.{clientDataJSON, authenticatorData, signature}}. */
  static BrowserCredential assertion(String attribute, Map<String, Object> json)
      throws ApiException {
    byte[] id = id(attribute, json);
    Map<String, Object> response = response(attribute, json);
    Object handle = response.get("userHandle");
    return new BrowserCredential(
        attribute,
        id,
        binary(attribute, response, "clientDataJSON"),
        binary(attribute, response, "authenticatorData"),
        binary(attribute, response, "signature"),
        handle == null ? null : binary(attribute, response, "userHandle"),
        Set.of());
  }

  /** A registration: {@code id}, {@code response.{clientDataJSON, attestationObject}}. */
  static BrowserCredential registration(String attribute, Map<String, Object> json)
      throws ApiException {
    byte[] id = id(attribute, json);
    Map<String, Object> response = response(attribute, json);
    Set<String> transports = new LinkedHashSet<>();
    if (response.get("transports") != null) {
      if (!(response.get("transports") instanceof List<?> list)) {
        throw invalid(
            attribute, "transports must be an array of strings", "response", "transports");
      }
      for (Object t : list) {
        if (!(t instanceof String s) || !s.matches("[a-z-]{1,16}")) {
          throw invalid(
              attribute, "transports are short lower-case names", "response", "transports");
        }
        transports.add(s);
      }
    }
    return new BrowserCredential(
        attribute,
        id,
        binary(attribute, response, "clientDataJSON"),
        binary(attribute, response, "attestationObject"),
        null,
        null,
        Set.copyOf(transports));
  }

  /** The pointer path, under the attribute, of the member holding authenticator data. */
  String[] authenticatorDataPath() {
    return signature == null
        ? new String[] {attribute, "response", "attestationObject"}
        : new String[] {attribute, "response", "authenticatorData"};
  }

  String[] clientDataPath() {
    return new String[] {attribute, "response", "clientDataJSON"};
  }

  String[] signaturePath() {
    return new String[] {attribute, "response", "signature"};
  }

  String[] idPath() {
    return new String[] {attribute, "id"};
  }

  private static byte[] id(String attribute, Map<String, Object> json) throws ApiException {
    if (!"public-key".equals(json.get("type"))) {
      throw invalid(attribute, "type must be public-key", "type");
    }
    byte[] id = binary(attribute, json, "id");
    if (id.length == 0 || id.length > PasskeyCredential.MAX_CREDENTIAL_ID_BYTES) {
      throw invalid(attribute, "a credential id is 1 to 1023 bytes", "id");
    }
    if (json.containsKey("rawId") && !ENCODER.encodeToString(id).equals(json.get("rawId"))) {
      throw invalid(attribute, "rawId must equal id", "rawId");
    }
    return id;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> response(String attribute, Map<String, Object> json)
      throws ApiException {
    if (!(json.get("response") instanceof Map<?, ?> response)) {
      throw invalid(attribute, "response must be an object", "response");
    }
    return (Map<String, Object>) response;
  }

  /** A binary member: required, strict unpadded base64url (one encoding per value). */
  private static byte[] binary(String attribute, Map<String, Object> object, String name)
      throws ApiException {
    boolean inResponse = !name.equals("id");
    String[] path = inResponse ? new String[] {"response", name} : new String[] {name};
    if (!(object.get(name) instanceof String text)) {
      throw invalid(attribute, name + " must be a base64url string", path);
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(text);
    } catch (IllegalArgumentException e) {
      bytes = null;
    }
    if (bytes == null || !ENCODER.encodeToString(bytes).equals(text)) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.PASSKEY_MALFORMED_BASE64URL, name + " is not unpadded base64url")
              .atAttribute(prepend(attribute, path)));
    }
    return bytes;
  }

  static ApiException invalid(String attribute, String detail, String... path) {
    return new ApiException(
        ApiError.of(ApiErrorCode.INVALID_VALUE, detail).atAttribute(prepend(attribute, path)));
  }

  static String[] prepend(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
