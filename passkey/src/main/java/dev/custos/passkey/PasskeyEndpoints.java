package dev.custos.passkey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.ApiRequest;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.token.VerifiedToken;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The passkey operations' JSON:API, for any HTTP adapter to mount (Custos extensions to Unit's
 * API):
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>route</th><th>method here</th><th>answer</th></tr>
 *   <tr><td>{@code POST /customers/{id}/passkeys/registration}</td><td>{@link #startRegistration}</td>
 *       <td>201 {@code passkeyRegistration}: {@code verificationToken}, {@code expiresAt}, {@code
 *       publicKey} (creation options)</td></tr>
 *   <tr><td>{@code POST /customers/{id}/passkeys}</td><td>{@link #register}</td><td>201 {@code
 *       passkey}</td></tr>
 *   <tr><td>{@code GET /customers/{id}/passkeys}</td><td>{@link #list}</td><td>200, a list of
 *       {@code passkey}</td></tr>
 *   <tr><td>{@code DELETE /customers/{id}/passkeys/{passkeyId}}</td><td>{@link #delete}</td>
 *       <td>200 {@code {"meta":{"deleted":true}}}</td></tr>
 * </table>
 *
 * <p>A {@code passkey} resource: {@code {"type":"passkey","id":<credential id, base64url>,
 * "attributes":{"name","algorithm","createdAt","backupEligible","backedUp","transports"}}}. Every
 * refusal is a JSON:API error document, with a {@code source.pointer} where an attribute is at
 * fault. Thread-safe.
 */
public final class PasskeyEndpoints {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> REGISTER_ATTRIBUTES =
      Set.of("verificationToken", "credential", "name");

  private final Passkeys passkeys;
  private final JsonApiEndpoints api;

  /**
   * Creates the endpoints.
   *
   * @param passkeys the platform's passkeys
   * @param api the platform's endpoints, which authenticate callers and read documents as every
   *     Custos endpoint does
   * @throws NullPointerException if an argument is null
   */
  public PasskeyEndpoints(Passkeys passkeys, JsonApiEndpoints api) {
    this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
    this.api = Objects.requireNonNull(api, "api");
  }

  /**
   * Starts a registration (its body, if any, is not read).
   *
   * @param customerId the path's customer id
   * @param request the request
   * @return 201 with the token and the creation options, or an error response
   */
  public JsonApiResponse startRegistration(String customerId, ApiRequest request) {
    return JsonApiEndpoints.answer(
        () -> {
          PasskeyRegistration started =
              passkeys.startRegistration(api.authenticate(request), customerId);
          Map<String, Object> attributes = new LinkedHashMap<>();
          attributes.put("verificationToken", started.verificationToken());
          attributes.put("expiresAt", DateTimeFormatter.ISO_INSTANT.format(started.expiresAt()));
          attributes.put("publicKey", started.creationOptions());
          return document(201, Map.of("data", resource("passkeyRegistration", null, attributes)));
        });
  }

  /**
   * Registers a new passkey: {@code {"data":{"type":"passkey","attributes":{"verificationToken":…,
   * "credential":{…the browser's PublicKeyCredential.toJSON()…},"name":…}}}} ({@code name}
   * optional).
   *
   * @param customerId the path's customer id
   * @param request the request
   * @return 201 with the passkey, or an error response
   */
  public JsonApiResponse register(String customerId, ApiRequest request) {
    return JsonApiEndpoints.answer(
        () -> {
          VerifiedToken caller = api.authenticate(request);
          // Who may enrol is decided before the document is read: a caller who may not learns
          // nothing from how its document would have been refused.
          passkeys.authorizeEnrolment(caller, customerId);
          Map<String, Object> attributes = api.attributes(request, "passkey", REGISTER_ATTRIBUTES);
          String token = string(attributes, "verificationToken", true);
          if (!(attributes.get("credential") instanceof Map<?, ?> credential)) {
            throw BrowserCredential.invalid("credential", "credential must be an object");
          }
          String name = string(attributes, "name", false);
          PasskeyCredential passkey =
              passkeys.register(caller, customerId, token, cast(credential), name);
          return document(201, Map.of("data", passkey(passkey)));
        });
  }

  /**
   * Lists the customer's passkeys.
   *
   * @param customerId the path's customer id
   * @param request the request (its body is not read)
   * @return 200 with the passkeys, or an error response
   */
  public JsonApiResponse list(String customerId, ApiRequest request) {
    return JsonApiEndpoints.answer(
        () -> {
          List<Object> data = new ArrayList<>();
          for (PasskeyCredential p : passkeys.list(api.authenticate(request), customerId)) {
            data.add(passkey(p));
          }
          return document(200, Map.of("data", data));
        });
  }

  /**
   * Deletes one of the customer's passkeys.
   *
   * @param customerId the path's customer id
   * @param passkeyId the path's passkey id (its credential id, base64url)
   * @param request the request (its body is not read)
   * @return 200 with {@code {"meta":{"deleted":true}}}, or an error response
   */
  public JsonApiResponse delete(String customerId, String passkeyId, ApiRequest request) {
    return JsonApiEndpoints.answer(
        () -> {
          passkeys.delete(api.authenticate(request), customerId, passkeyId);
          return document(200, Map.of("meta", Map.of("deleted", true)));
        });
  }

  private static Map<String, Object> passkey(PasskeyCredential p) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("name", p.name());
    attributes.put("algorithm", algorithmName(p.algorithm()));
    attributes.put("createdAt", DateTimeFormatter.ISO_INSTANT.format(p.createdAt()));
    attributes.put("backupEligible", p.backupEligible());
    attributes.put("backedUp", p.backedUp());
    attributes.put("transports", List.copyOf(p.transports()));
    return resource("passkey", p.credentialIdBase64Url(), attributes);
  }

  static String algorithmName(int cose) {
    return switch (cose) {
      case PasskeyRelyingParty.ES256 -> "ES256";
      case PasskeyRelyingParty.EDDSA -> "EdDSA";
      case PasskeyRelyingParty.RS256 -> "RS256";
      default -> Integer.toString(cose);
    };
  }

  private static Map<String, Object> resource(
      String type, String id, Map<String, Object> attributes) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("type", type);
    if (id != null) {
      resource.put("id", id);
    }
    resource.put("attributes", attributes);
    return resource;
  }

  private static String string(Map<String, Object> attributes, String name, boolean required)
      throws ApiException {
    Object value = attributes.get(name);
    if (value == null && !required) {
      return "";
    }
    if (!(value instanceof String text)) {
      throw BrowserCredential.invalid(
          name, name + (required ? " is required, a string" : " must be a string"));
    }
    return text;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static JsonApiResponse document(int status, Map<String, Object> document) {
    try {
      return JsonApiResponse.ok(status, JSON.writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a response document did not serialize", e);
    }
  }
}
