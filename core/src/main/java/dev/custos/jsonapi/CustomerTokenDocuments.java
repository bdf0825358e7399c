package dev.custos.jsonapi;

import static dev.custos.jsonapi.RequestDocuments.attributes;
import static dev.custos.jsonapi.RequestDocuments.invalid;
import static dev.custos.jsonapi.RequestDocuments.invalidAt;
import static dev.custos.jsonapi.RequestDocuments.invalidMember;
import static dev.custos.jsonapi.RequestDocuments.objectMember;
import static dev.custos.jsonapi.RequestDocuments.only;
import static dev.custos.jsonapi.RequestDocuments.optionalString;
import static dev.custos.jsonapi.RequestDocuments.requiredString;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.customer.CustomerTokenAttributes;
import dev.custos.customer.PasskeyVerification;
import dev.custos.customer.VerificationAttributes;
import dev.custos.error.ApiException;
import dev.custos.otp.Channel;
import dev.custos.otp.InvalidOtpRequestException;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationChallenge;
import dev.custos.scopes.TokenRole;
import dev.custos.token.MintedToken;
import dev.custos.token.VerifiedToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The customer-token operations' documents: the two requests (read by {@link RequestDocuments}),
 * their responses, and {@code GET /identity}'s. Stateless.
 */
final class CustomerTokenDocuments {
  private static final Set<String> VERIFICATION_ATTRIBUTES =
      Set.of("channel", "phone", "appHash", "language");
  private static final Set<String> CUSTOMER_VERIFICATION_ATTRIBUTES =
      Set.of("channel", "phone", "appHash", "language", TransactionAttribute.NAME);
  private static final Set<String> TOKEN_ATTRIBUTES =
      Set.of(
          "scope",
          "verificationToken",
          "verificationCode",
          "expiresIn",
          "upgradableScope",
          "resources",
          "jwtToken",
          "passkeyAssertion",
          TransactionAttribute.NAME);
  private static final Set<String> CARDHOLDER_TOKEN_ATTRIBUTES =
      Set.of("scope", "verificationToken", "verificationCode", "expiresIn", "upgradableScope");

  private CustomerTokenDocuments() {}

  /**
   * Parses a Create Customer Token Verification request document.
   *
   * @param body the request body
   * @return the attributes
   * @throws ApiException 400 {@code invalid_value} naming the offending member
   */
  static VerificationAttributes parseVerification(String body) throws ApiException {
    return customerVerification(verificationAttributes(body));
  }

  /**
   * Reads the attributes of a Create Customer Token Verification request document: Unit's, and
   * Custos's {@code channel: "passkey"} and {@code transaction}.
   *
   * @param body the request body
   * @return the attributes, for {@link #isPasskey}, {@link #verification} or {@link
   *     #passkeyTransaction}
   * @throws ApiException 400 {@code invalid_value} naming the offending member
   */
  static Map<String, Object> verificationAttributes(String body) throws ApiException {
    return attributes(body, "customerTokenVerification", CUSTOMER_VERIFICATION_ATTRIBUTES);
  }

  /** Whether the attributes ask for a passkey. */
  static boolean isPasskey(Map<String, Object> attributes) {
    return "passkey".equals(attributes.get("channel"));
  }

  /**
   * The payment a passkey verification is for, if any: {@code channel} and {@code transaction} are
   * all it takes.
   *
   * @throws ApiException 400 naming an attribute a passkey takes not, or a bad transaction
   */
  static dev.custos.otp.Transaction passkeyTransaction(Map<String, Object> attributes)
      throws ApiException {
    for (String name : attributes.keySet()) {
      if (!name.equals("channel") && !name.equals(TransactionAttribute.NAME)) {
        throw invalid(name, name + " is not taken with channel passkey");
      }
    }
    return TransactionAttribute.parse(attributes);
  }

  /** A code verification's attributes, with its payment if one is given. */
  static VerificationAttributes customerVerification(Map<String, Object> attributes)
      throws ApiException {
    VerificationAttributes result = verification(attributes, "sms, call or passkey");
    dev.custos.otp.Transaction transaction = TransactionAttribute.parse(attributes);
    return transaction == null ? result : result.withTransaction(transaction);
  }

  /**
   * Renders the 201 response of a passkey verification.
   *
   * @param verification the started verification
   * @return {@code {"data":{"type":"customerTokenVerification","attributes":{"verificationToken":
   *     …,"channel":"passkey","publicKey":{…}}}}}: {@code publicKey} is what the browser passes to
   *     {@code navigator.credentials.get({publicKey})} (after decoding its base64url members)
   */
  static String renderPasskeyVerification(PasskeyVerification verification) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("verificationToken", verification.verificationToken());
    attributes.put("channel", "passkey");
    attributes.put("expiresAt", UnitTime.format(verification.expiresAt()));
    attributes.put("publicKey", verification.requestOptions());
    return data("customerTokenVerification", attributes);
  }

  /**
   * Parses a Create Cardholder Token Verification request document (the same attributes).
   *
   * @param body the request body
   * @return the attributes
   * @throws ApiException 400 {@code invalid_value} naming the offending member
   */
  static VerificationAttributes parseCardholderVerification(String body) throws ApiException {
    return parseVerification(body, "cardholderTokenVerification");
  }

  private static VerificationAttributes parseVerification(String body, String type)
      throws ApiException {
    return verification(attributes(body, type, VERIFICATION_ATTRIBUTES), "sms or call");
  }

  private static VerificationAttributes verification(
      Map<String, Object> attributes, String channels) throws ApiException {
    String channelName = requiredString(attributes, "channel");
    Channel channel =
        switch (channelName) {
          case "sms" -> Channel.SMS;
          case "call" -> Channel.CALL;
          default -> throw invalid("channel", "channel must be " + channels);
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
   *     expiresIn} that is not an integer)
   */
  static CustomerTokenAttributes parseCustomerToken(String body) throws ApiException {
    Map<String, Object> data =
        RequestDocuments.data(body, "customerToken", Set.of("type", "attributes", "relationships"));
    CustomerTokenAttributes result = parseToken(attributes(data, TOKEN_ATTRIBUTES));
    if (!data.containsKey("relationships")) {
      return result;
    }
    // Unit's relationships.authorizedUserResource: {"data":{"type":"authorizedUser","id":…}}.
    Map<String, Object> relationships = objectMember(data, "relationships", "data");
    only(relationships, Set.of("authorizedUserResource"), "data", "relationships");
    Map<String, Object> user =
        objectMember(relationships, "authorizedUserResource", "data", "relationships");
    only(user, Set.of("data"), "data", "relationships", "authorizedUserResource");
    Map<String, Object> resource =
        objectMember(user, "data", "data", "relationships", "authorizedUserResource");
    only(resource, Set.of("type", "id"), "data", "relationships", "authorizedUserResource", "data");
    if (!"authorizedUser".equals(resource.get("type"))) {
      throw invalidMember(
          "the type must be authorizedUser",
          "data",
          "relationships",
          "authorizedUserResource",
          "data",
          "type");
    }
    if (!(resource.get("id") instanceof String id) || id.isEmpty()) {
      throw invalidMember(
          "the id must be a non-empty string",
          "data",
          "relationships",
          "authorizedUserResource",
          "data",
          "id");
    }
    return result.withAuthorizedUser(id);
  }

  /**
   * Parses a Create Cardholder Token request document: a customer token's attributes without {@code
   * resources} and {@code jwtToken}.
   *
   * @param body the request body
   * @return the attributes
   * @throws ApiException 400 {@code invalid_value} naming the offending member
   */
  static CustomerTokenAttributes parseCardholderToken(String body) throws ApiException {
    return parseToken(attributes(body, "cardholderToken", CARDHOLDER_TOKEN_ATTRIBUTES));
  }

  private static CustomerTokenAttributes parseToken(Map<String, Object> attributes)
      throws ApiException {
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
    dev.custos.otp.Transaction transaction = TransactionAttribute.parse(attributes);
    if (transaction != null) {
      result = result.withTransaction(transaction);
    }
    if (attributes.containsKey("passkeyAssertion")) {
      // Read as an object here; its members are the passkey verifier's to check.
      if (!(attributes.get("passkeyAssertion") instanceof Map<?, ?> assertion)) {
        throw invalid("passkeyAssertion", "passkeyAssertion must be an object");
      }
      result = result.withPasskeyAssertion(JSONObjectUtils.toJSONString(cast(assertion)));
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
    return renderVerification("customerTokenVerification", challenge);
  }

  /**
   * Renders a 201 response of a verification.
   *
   * @param type {@code customerTokenVerification} or {@code cardholderTokenVerification}
   * @param challenge the started challenge
   * @return {@code {"data":{"type":…,"attributes":{"verificationToken":…}}}}
   */
  static String renderVerification(String type, VerificationChallenge challenge) {
    return data(type, Map.of("verificationToken", challenge.verificationToken()));
  }

  /**
   * Renders the 201 response of Create Customer Token.
   *
   * @param minted the minted token
   * @return {@code {"data":{"type":"customerBearerToken","attributes":{"token":…,"expiresIn":…}}}}
   */
  static String renderBearerToken(MintedToken minted) {
    return renderBearerToken("customerBearerToken", minted);
  }

  /**
   * Renders a 201 response of a minted token.
   *
   * @param type {@code customerBearerToken} or {@code cardholderBearerToken}
   * @param minted the minted token
   * @return {@code {"data":{"type":…,"attributes":{"token":…,"expiresIn":…}}}}
   */
  static String renderBearerToken(String type, MintedToken minted) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("token", minted.token());
    attributes.put("expiresIn", minted.expiresIn().toSeconds());
    return data(type, attributes);
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
    token.authorizedUser().ifPresent(id -> attributes.put("authorizedUser", id));
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
    token.twoFactorMethod().ifPresent(m -> attributes.put("twoFactorMethod", m.claimValue()));
    token.twoFactorVerifiedAt().ifPresent(at -> attributes.put("twoFactorAt", at.toString()));
    attributes.put("issuedAt", token.issuedAt().toString());
    attributes.put("expiresAt", token.expiresAt().toString());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "tokenIdentity");
    data.put("id", token.tokenId());
    data.put("attributes", attributes);
    return JSONObjectUtils.toJSONString(Map.of("data", data));
  }

  static String data(String type, Map<String, Object> attributes) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", type);
    data.put("attributes", attributes);
    return JSONObjectUtils.toJSONString(Map.of("data", data));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Map<?, ?> object) {
    return (Map<String, ?>) object;
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
}
