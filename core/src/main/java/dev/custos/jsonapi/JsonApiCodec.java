package dev.custos.jsonapi;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.customer.CustomerTokenAttributes;
import dev.custos.customer.VerificationAttributes;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.Channel;
import dev.custos.otp.InvalidOtpRequestException;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationChallenge;
import dev.custos.scopes.TokenRole;
import dev.custos.token.MintedToken;
import dev.custos.token.VerifiedToken;
import dev.custos.token.json.StrictJson;
import dev.custos.token.json.StrictJsonException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the JSON:API documents of the customer-token operations, through
 * nimbus-jose-jwt's JSON support.
 *
 * <p>Request documents must be exactly of the spec's shape: a JSON object with only {@code data};
 * {@code data} with only {@code type} (the operation's) and {@code attributes}; attributes of the
 * operation only, each of its JSON type. Anything else is a 400 {@code invalid_value} whose {@code
 * source.pointer} names the offending member ({@code ""} for a body that is not a JSON object).
 * Bodies over {@link CustomerTokenEndpoints#MAX_DOCUMENT_LENGTH} characters are refused with 413
 * before parsing.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonApiCodec {
  private static final int MAX_DOCUMENT_LENGTH = CustomerTokenEndpoints.MAX_DOCUMENT_LENGTH;

  private static final Set<String> VERIFICATION_ATTRIBUTES =
      Set.of("channel", "phone", "appHash", "language");
  private static final Set<String> TOKEN_ATTRIBUTES =
      Set.of(
          "scope",
          "verificationToken",
          "verificationCode",
          "expiresIn",
          "upgradableScope",
          "resources",
          "jwtToken");

  private JsonApiCodec() {}

  /**
   * Parses a Create Customer Token Verification request document.
   *
   * @param body the request body
   * @return the attributes
   * @throws ApiException 400 {@code invalid_value} naming the offending member, or 413 {@code
   *     payload_too_large}
   */
  static VerificationAttributes parseVerification(String body) throws ApiException {
    Map<String, Object> attributes =
        attributes(body, "customerTokenVerification", VERIFICATION_ATTRIBUTES);
    String channelName = requiredString(attributes, "channel");
    Channel channel =
        switch (channelName) {
          case "sms" -> Channel.SMS;
          case "call" -> Channel.CALL;
          default -> throw invalid("channel", "channel must be sms or call");
        };
    VerificationAttributes result = VerificationAttributes.of(channel);
    if (attributes.containsKey("phone")) {
      result = result.withPhone(phone(attributes.get("phone")));
    }
    String appHash = optionalString(attributes, "appHash");
    if (appHash != null) {
      result = result.withAppHash(appHash);
    }
    String language = optionalString(attributes, "language");
    return language == null ? result : result.withLanguage(language);
  }

  /**
   * Parses a Create Customer Token request document.
   *
   * @param body the request body
   * @return the attributes
   * @throws ApiException 400 {@code invalid_value} naming the offending member (including an {@code
   *     expiresIn} that is not an integer from 1 to 86400), or 413 {@code payload_too_large}
   */
  static CustomerTokenAttributes parseCustomerToken(String body) throws ApiException {
    Map<String, Object> attributes = attributes(body, "customerToken", TOKEN_ATTRIBUTES);
    CustomerTokenAttributes result =
        CustomerTokenAttributes.of(requiredString(attributes, "scope"));
    String token = optionalString(attributes, "verificationToken");
    if (token != null) {
      result = result.withVerificationToken(token);
    }
    String code = optionalString(attributes, "verificationCode");
    if (code != null) {
      result = result.withVerificationCode(code);
    }
    String upgradable = optionalString(attributes, "upgradableScope");
    if (upgradable != null) {
      result = result.withUpgradableScope(upgradable);
    }
    String jwt = optionalString(attributes, "jwtToken");
    if (jwt != null) {
      result = result.withJwtToken(jwt);
    }
    if (attributes.containsKey("resources")) {
      result = result.withResources(ResourcesAttribute.parse(attributes.get("resources")));
    }
    if (attributes.containsKey("expiresIn")) {
      // Its range is the service's to check (written once, from the token module's bound).
      if (!(attributes.get("expiresIn") instanceof Long seconds)) {
        throw invalid("expiresIn", "expiresIn must be an integer from 1 to 86400");
      }
      result = result.withExpiresIn(seconds);
    }
    return result;
  }

  /**
   * Renders the 201 response of Create Customer Token Verification.
   *
   * @param challenge the started challenge
   * @return {@code
   *     {"data":{"type":"customerTokenVerification","attributes":{"verificationToken":…}}}}
   */
  static String renderVerification(VerificationChallenge challenge) {
    return data(
        "customerTokenVerification", Map.of("verificationToken", challenge.verificationToken()));
  }

  /**
   * Renders the 201 response of Create Customer Token.
   *
   * @param minted the minted token
   * @return {@code {"data":{"type":"customerBearerToken","attributes":{"token":…,"expiresIn":…}}}}
   */
  static String renderBearerToken(MintedToken minted) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("token", minted.token());
    attributes.put("expiresIn", minted.expiresIn().toSeconds());
    return data("customerBearerToken", attributes);
  }

  /** Adds a {"type", "ids"} entry when there are ids of that type. */
  private static void resourceEntry(List<Object> entries, String type, Set<String> ids) {
    if (!ids.isEmpty()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("type", type);
      entry.put("ids", List.copyOf(new java.util.TreeSet<>(ids)));
      entries.add(entry);
    }
  }

  /** Renders the claims of a verified token, for {@code GET /identity}. */
  static String renderIdentity(VerifiedToken token) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("role", token.role() == TokenRole.CUSTOMER ? "customer" : "org");
    token.customerId().ifPresent(id -> attributes.put("customerId", id));
    attributes.put("scope", token.scopes().toString());
    if (!token.upgradableScopes().isEmpty()) {
      attributes.put("upgradableScope", token.upgradableScopes().toString());
    }
    if (token.resources().isLimited()) {
      List<Object> resources = new ArrayList<>();
      resourceEntry(resources, "account", token.resources().accountIds());
      resourceEntry(resources, "card", token.resources().cardIds());
      attributes.put("resources", resources);
    }
    attributes.put("twoFactor", token.twoFactorVerified());
    attributes.put("issuedAt", token.issuedAt().toString());
    attributes.put("expiresAt", token.expiresAt().toString());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "tokenIdentity");
    data.put("id", token.tokenId());
    data.put("attributes", attributes);
    return JSONObjectUtils.toJSONString(Map.of("data", data));
  }

  /**
   * Renders an error document: {@code {"errors":[{"status","code","title","detail","source",
   * "meta"}]}}.
   *
   * @param error the error
   * @return the document
   */
  static String renderError(ApiError error) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("status", Integer.toString(error.status()));
    object.put("code", error.code().code());
    object.put("title", error.code().title());
    object.put("detail", error.detail());
    error.pointer().ifPresent(p -> object.put("source", Map.of("pointer", p)));
    error.parameter().ifPresent(p -> object.put("source", Map.of("parameter", p)));
    if (!error.meta().isEmpty()) {
      object.put("meta", error.meta());
    }
    return JSONObjectUtils.toJSONString(Map.of("errors", List.of(object)));
  }

  private static String data(String type, Map<String, Object> attributes) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", type);
    data.put("attributes", attributes);
    return JSONObjectUtils.toJSONString(Map.of("data", data));
  }

  private static Map<String, Object> attributes(String body, String type, Set<String> allowed)
      throws ApiException {
    if (body == null || body.isBlank()) {
      throw invalidMember("the request body is empty");
    }
    if (body.length() > MAX_DOCUMENT_LENGTH) {
      throw new ApiException(
          ApiError.of(
              ApiErrorCode.PAYLOAD_TOO_LARGE,
              "the request body is longer than " + MAX_DOCUMENT_LENGTH + " characters"));
    }
    Map<String, Object> document;
    try {
      document = StrictJson.readObject(body);
    } catch (StrictJsonException e) {
      // A duplicate member (at any depth) is named by its pointer; other faults by the document.
      throw invalidMember(
          "the request body is not a JSON object with unique members: " + e.getMessage(),
          e.path().toArray(new String[0]));
    }
    only(document, Set.of("data"));
    Map<String, Object> data = object(document, "data");
    only(data, Set.of("type", "attributes"), "data");
    if (!(data.get("type") instanceof String actual) || !actual.equals(type)) {
      throw invalidMember("data.type must be " + type, "data", "type");
    }
    Map<String, Object> attributes = object(data, "attributes", "data");
    only(attributes, allowed, "data", "attributes");
    return attributes;
  }

  /** The object member {@code name} of {@code parent}, which is at {@code parentPath}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(
      Map<String, Object> parent, String name, String... parentPath) throws ApiException {
    Object value = parent.get(name);
    if (value == null) {
      throw invalidMember(name + " is required", append(parentPath, name));
    }
    if (!(value instanceof Map)) {
      throw invalidMember(name + " must be an object", append(parentPath, name));
    }
    return (Map<String, Object>) value;
  }

  /**
   * Refuses the first member of {@code object} (which is at {@code path}) not in {@code allowed}.
   */
  private static void only(Map<?, ?> object, Set<String> allowed, String... path)
      throws ApiException {
    for (Object name : object.keySet()) {
      if (!allowed.contains(name)) {
        throw invalidMember("unknown member", append(path, (String) name));
      }
    }
  }

  private static String[] append(String[] path, String name) {
    String[] longer = java.util.Arrays.copyOf(path, path.length + 1);
    longer[path.length] = name;
    return longer;
  }

  private static String requiredString(Map<String, Object> attributes, String name)
      throws ApiException {
    String value = optionalString(attributes, name);
    if (value == null) {
      throw invalid(name, name + " is required");
    }
    return value;
  }

  private static String optionalString(Map<String, Object> attributes, String name)
      throws ApiException {
    if (!attributes.containsKey(name)) {
      return null;
    }
    if (!(attributes.get(name) instanceof String value)) {
      throw invalid(name, name + " must be a string");
    }
    return value;
  }

  private static Phone phone(Object value) throws ApiException {
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid("phone", "phone must be an object with countryCode and number");
    }
    only(map, Set.of("countryCode", "number"), "data", "attributes", "phone");
    if (!(map.get("countryCode") instanceof String countryCode)) {
      throw invalidAt("phone.countryCode must be a string", "phone", "countryCode");
    }
    if (!(map.get("number") instanceof String number)) {
      throw invalidAt("phone.number must be a string", "phone", "number");
    }
    try {
      return Phone.of(countryCode, number);
    } catch (InvalidOtpRequestException e) {
      throw invalid("phone", e.getMessage());
    }
  }

  private static ApiException invalid(String attribute, String detail) {
    return invalidAt(detail, attribute);
  }

  private static ApiException invalidAt(String detail, String... attributePath) {
    return new ApiException(
        ApiError.of(ApiErrorCode.INVALID_VALUE, detail).atAttribute(attributePath));
  }

  private static ApiException invalidMember(String detail, String... path) {
    return new ApiException(ApiError.of(ApiErrorCode.INVALID_VALUE, detail).atMember(path));
  }
}
