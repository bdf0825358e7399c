package dev.custos.token;

import static dev.custos.token.TokenVerificationException.Reason.EXPIRED;
import static dev.custos.token.TokenVerificationException.Reason.INVALID_CLAIMS;
import static dev.custos.token.TokenVerificationException.Reason.NOT_YET_VALID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.custos.scopes.InvalidScopeException;
import dev.custos.scopes.ScopeSet;
import dev.custos.scopes.TokenRole;
import dev.custos.token.json.StrictJson;
import dev.custos.token.json.StrictJsonException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON payload of Custos tokens, written with jackson-core's generator and read with its
 * strict parser.
 *
 * <p>{@code {"role":"customer","customerId":…,"scope":…,"twoFactor":…,"iss":…,"iat":…,["nbf":…,]
 * "exp":…,"jti":…}}; org tokens have no {@code customerId}. {@code role} comes first so the
 * payload starts {@code {"role":"customer"} or {@code {"role":"org"}, as the spec's tokens do.
 * Times are RFC 3339 in UTC, to the millisecond.
 */
final class Claims {
  static final String ROLE = "role";
  static final String CUSTOMER_ID = "customerId";
  static final String SCOPE = "scope";
  static final String UPGRADABLE_SCOPE = "upgradableScope";
  static final String RESOURCES = "resources";
  static final String SOURCE_IP = "sourceIp";
  static final String AUTHORIZED_USER = "authorizedUser";
  static final String TWO_FACTOR = "twoFactor";
  static final String TWO_FACTOR_METHOD = "twoFactorMethod";
  static final String TWO_FACTOR_AT = "twoFactorAt";
  static final String TRANSACTION = "transaction";
  static final String ISSUER = "iss";
  static final String ISSUED_AT = "iat";
  static final String NOT_BEFORE = "nbf";
  static final String EXPIRES = "exp";
  static final String TOKEN_ID = "jti";

  /** Writes claims as compact UTF-8 JSON; a generator per token, its buffers recycled. */
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  // Member names quoted and encoded once, not per token.
  private static final SerializedString ROLE_NAME = new SerializedString(ROLE);
  private static final SerializedString CUSTOMER_ID_NAME = new SerializedString(CUSTOMER_ID);
  private static final SerializedString SCOPE_NAME = new SerializedString(SCOPE);
  private static final SerializedString UPGRADABLE_SCOPE_NAME =
      new SerializedString(UPGRADABLE_SCOPE);
  private static final SerializedString RESOURCES_NAME = new SerializedString(RESOURCES);
  private static final SerializedString SOURCE_IP_NAME = new SerializedString(SOURCE_IP);
  private static final SerializedString AUTHORIZED_USER_NAME =
      new SerializedString(AUTHORIZED_USER);
  private static final SerializedString TWO_FACTOR_NAME = new SerializedString(TWO_FACTOR);
  private static final SerializedString TWO_FACTOR_METHOD_NAME =
      new SerializedString(TWO_FACTOR_METHOD);
  private static final SerializedString TWO_FACTOR_AT_NAME = new SerializedString(TWO_FACTOR_AT);
  private static final SerializedString TRANSACTION_NAME = new SerializedString(TRANSACTION);
  private static final SerializedString ISSUER_NAME = new SerializedString(ISSUER);
  private static final SerializedString ISSUED_AT_NAME = new SerializedString(ISSUED_AT);
  private static final SerializedString NOT_BEFORE_NAME = new SerializedString(NOT_BEFORE);
  private static final SerializedString EXPIRES_NAME = new SerializedString(EXPIRES);
  private static final SerializedString TOKEN_ID_NAME = new SerializedString(TOKEN_ID);

  private Claims() {}

  /** Writes the claims of a request as UTF-8 JSON. */
  static void write(
      TokenBuffer out,
      TokenRequest request,
      String issuer,
      Instant issuedAt,
      Instant expiresAt,
      String tokenId)
      throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeFieldName(ROLE_NAME);
      json.writeString(roleName(request.role()));
      if (request.customerIdOrNull() != null) {
        json.writeFieldName(CUSTOMER_ID_NAME);
        json.writeString(request.customerIdOrNull());
      }
      json.writeFieldName(SCOPE_NAME);
      json.writeString(request.scopes().toString());
      if (!request.upgradableScopes().isEmpty()) {
        json.writeFieldName(UPGRADABLE_SCOPE_NAME);
        json.writeString(request.upgradableScopes().toString());
      }
      if (request.resources().isLimited()) {
        json.writeFieldName(RESOURCES_NAME);
        request.resources().writeClaim(json);
      }
      if (request.sourceIpOrNull() != null) {
        json.writeFieldName(SOURCE_IP_NAME);
        json.writeString(request.sourceIpOrNull());
      }
      if (request.authorizedUser().isPresent()) {
        json.writeFieldName(AUTHORIZED_USER_NAME);
        json.writeString(request.authorizedUser().get());
      }
      if (request.transactionDigest().isPresent()) {
        json.writeFieldName(TRANSACTION_NAME);
        json.writeString(Base64Url.encode(request.transactionDigest().get()));
      }
      json.writeFieldName(TWO_FACTOR_NAME);
      json.writeBoolean(request.isTwoFactorVerified());
      char[] time = out.timeChars();
      if (request.twoFactorMethod().isPresent()) {
        json.writeFieldName(TWO_FACTOR_METHOD_NAME);
        json.writeString(request.twoFactorMethod().get().claimValue());
        time(json, TWO_FACTOR_AT_NAME, request.twoFactorVerifiedAt().get(), time);
      }
      json.writeFieldName(ISSUER_NAME);
      json.writeString(issuer);
      time(json, ISSUED_AT_NAME, issuedAt, time);
      if (request.notBeforeOrNull() != null) {
        time(json, NOT_BEFORE_NAME, request.notBeforeOrNull(), time);
      }
      time(json, EXPIRES_NAME, expiresAt, time);
      json.writeFieldName(TOKEN_ID_NAME);
      json.writeString(tokenId);
      json.writeEndObject();
    }
  }

  /** The footer naming the signing key: {@code {"kid":"k2.pid.…"}}, as UTF-8 JSON. */
  static byte[] footer(String keyId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("kid", keyId);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void time(
      JsonGenerator json, SerializedString name, Instant instant, char[] buffer)
      throws IOException {
    json.writeFieldName(name);
    json.writeString(buffer, 0, Rfc3339.format(instant, buffer));
  }

  static VerifiedToken read(
      byte[] payload,
      int offset,
      int length,
      ScopeSetCache scopeSets,
      String expectedIssuer,
      Instant now,
      Duration skew,
      String keyId)
      throws TokenVerificationException {
    Map<String, Object> claims = jsonObject(payload, offset, length);

    TokenRole role =
        switch (string(claims, ROLE)) {
          case "customer" -> TokenRole.CUSTOMER;
          case "org" -> TokenRole.ORG;
          default -> throw invalid("role must be customer or org");
        };
    String customerId = null;
    if (role == TokenRole.CUSTOMER) {
      customerId = string(claims, CUSTOMER_ID);
      try {
        Identifiers.checkCustomerId(customerId);
      } catch (IllegalArgumentException e) {
        throw invalid("customerId is malformed");
      }
    } else if (claims.containsKey(CUSTOMER_ID)) {
      throw invalid("an org token has no customerId");
    }

    ScopeSet scopes;
    try {
      scopes = scopeSets.allowed(role, string(claims, SCOPE));
    } catch (InvalidScopeException e) {
      throw invalid("scope: " + e.getMessage());
    }
    ScopeSet upgradable = scopeSets.none();
    if (claims.containsKey(UPGRADABLE_SCOPE)) {
      if (role != TokenRole.CUSTOMER) {
        throw invalid("an org token has no upgradableScope");
      }
      try {
        upgradable = scopeSets.allowed(TokenRole.CUSTOMER, string(claims, UPGRADABLE_SCOPE));
      } catch (InvalidScopeException e) {
        throw invalid("upgradableScope: " + e.getMessage());
      }
    }
    Resources resources =
        claims.containsKey(RESOURCES) ? resources(claims.get(RESOURCES)) : Resources.unlimited();
    String sourceIp = null;
    if (claims.containsKey(SOURCE_IP)) {
      if (role != TokenRole.ORG) {
        throw invalid("a customer token has no sourceIp");
      }
      sourceIp = string(claims, SOURCE_IP);
      try {
        Identifiers.checkSourceIp(sourceIp);
      } catch (IllegalArgumentException e) {
        throw invalid(e.getMessage());
      }
    }
    String authorizedUser = null;
    if (claims.containsKey(AUTHORIZED_USER)) {
      if (role != TokenRole.CUSTOMER) {
        throw invalid("an org token has no authorizedUser");
      }
      authorizedUser = string(claims, AUTHORIZED_USER);
      if (!Identifiers.isIdentifier(authorizedUser)) {
        throw invalid("authorizedUser is malformed");
      }
    }
    byte[] transaction = null;
    if (claims.containsKey(TRANSACTION)) {
      if (role != TokenRole.CUSTOMER) {
        throw invalid("an org token has no transaction");
      }
      String digest = string(claims, TRANSACTION);
      try {
        transaction = digest.length() == 43 ? Base64Url.decode(digest) : null;
      } catch (IllegalArgumentException e) {
        transaction = null;
      }
      if (transaction == null || transaction.length != 32) {
        throw invalid("transaction must be a 32-byte digest in base64url");
      }
    }
    if (!(claims.get(TWO_FACTOR) instanceof Boolean twoFactor)) {
      throw invalid(TWO_FACTOR + " must be a boolean");
    }
    if (role == TokenRole.CUSTOMER && scopes.requiresTwoFactor() && !twoFactor) {
      throw invalid("scopes needing two-factor authentication in a token minted without it");
    }
    TwoFactorMethod twoFactorMethod = null;
    Instant twoFactorAt = null;
    if (claims.containsKey(TWO_FACTOR_METHOD) || claims.containsKey(TWO_FACTOR_AT)) {
      if (!twoFactor) {
        throw invalid("twoFactorMethod and twoFactorAt belong to a two-factor verified token");
      }
      twoFactorMethod =
          TwoFactorMethod.ofClaimValue(string(claims, TWO_FACTOR_METHOD))
              .orElseThrow(() -> invalid("twoFactorMethod is unknown"));
      twoFactorAt = instant(claims, TWO_FACTOR_AT);
    }
    String issuer = string(claims, ISSUER);
    if (!issuer.equals(expectedIssuer)) {
      throw invalid("issuer is not the expected one");
    }
    String tokenId = string(claims, TOKEN_ID);
    if (tokenId.isEmpty() || tokenId.length() > 128) {
      throw invalid("jti must be 1 to 128 characters");
    }
    Instant issuedAt = instant(claims, ISSUED_AT);
    Instant expiresAt = instant(claims, EXPIRES);
    Instant notBefore = claims.containsKey(NOT_BEFORE) ? instant(claims, NOT_BEFORE) : null;
    if (twoFactorAt != null && twoFactorAt.isAfter(issuedAt)) {
      throw invalid("twoFactorAt is after iat");
    }
    if (!expiresAt.isAfter(issuedAt)) {
      throw invalid("exp is not after iat");
    }
    // Defense in depth: even a trusted key's signature does not make a longer-lived token valid.
    Duration maxLifetime =
        role == TokenRole.CUSTOMER
            ? TokenRequest.MAX_CUSTOMER_LIFETIME
            : TokenRequest.MAX_ORG_LIFETIME;
    if (Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
      throw invalid("the token lives longer than a " + role + " token may (" + maxLifetime + ")");
    }

    if (!now.isBefore(expiresAt.plus(skew))) {
      throw new TokenVerificationException(EXPIRED, "token expired at " + expiresAt);
    }
    if (notBefore != null && now.isBefore(notBefore.minus(skew))) {
      throw new TokenVerificationException(NOT_YET_VALID, "token is not valid before " + notBefore);
    }
    if (now.isBefore(issuedAt.minus(skew))) {
      throw new TokenVerificationException(NOT_YET_VALID, "token is issued in the future");
    }
    return new VerifiedToken(
        role,
        customerId,
        scopes,
        twoFactor,
        issuer,
        issuedAt,
        notBefore,
        expiresAt,
        tokenId,
        keyId,
        upgradable,
        resources,
        sourceIp,
        authorizedUser,
        twoFactorMethod,
        twoFactorAt,
        transaction);
  }

  /** The resources claim: a non-empty list of {"type": "account"|"card", "ids": [...]} entries. */
  private static Resources resources(Object claim) throws TokenVerificationException {
    if (!(claim instanceof List<?> entries) || entries.isEmpty()) {
      throw invalid("resources must be a non-empty list");
    }
    List<String> accounts = new ArrayList<>();
    List<String> cards = new ArrayList<>();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> map)
          || map.size() != 2
          || !(map.get("type") instanceof String type)
          || !(map.get("ids") instanceof List<?> ids)
          || ids.isEmpty()) {
        throw invalid("resources entries are {type, ids} with at least one id");
      }
      List<String> into =
          switch (type) {
            case "account" -> accounts;
            case "card" -> cards;
            default -> throw invalid("resources type must be account or card");
          };
      for (Object id : ids) {
        if (!(id instanceof String text)) {
          throw invalid("resources ids are strings");
        }
        into.add(text);
      }
    }
    try {
      return Resources.of(accounts, cards);
    } catch (IllegalArgumentException e) {
      throw invalid("resources: " + e.getMessage());
    }
  }

  /**
   * Parses UTF-8 JSON that must be an object with unique member names at every depth, bounded in
   * depth and sizes (jackson-core's strict streaming parser).
   */
  static Map<String, Object> jsonObject(byte[] json, int offset, int length)
      throws TokenVerificationException {
    if (!StrictJson.isPlainUtf8(json, offset, length)) {
      // PASETO's payload is UTF-8: another encoding is no token of ours, whoever signed it.
      throw new TokenVerificationException(
          TokenVerificationException.Reason.MALFORMED, "payload is not UTF-8");
    }
    try {
      return StrictJson.readObject(json, offset, length);
    } catch (StrictJsonException e) {
      throw invalid(
          "payload is not a UTF-8 JSON object with unique members: "
              + e.getMessage()
              + (e.path().isEmpty() ? "" : " at /" + String.join("/", e.path())));
    }
  }

  /** Issuers are printable ASCII, so they compare exactly and log safely. */
  static String checkIssuer(String issuer) {
    Objects.requireNonNull(issuer, "issuer");
    if (!issuer.matches("[\\x21-\\x7e]{1,256}")) {
      throw new IllegalArgumentException("issuer must be 1 to 256 printable ASCII characters");
    }
    return issuer;
  }

  static String roleName(TokenRole role) {
    return role == TokenRole.CUSTOMER ? "customer" : "org";
  }

  private static String string(Map<String, Object> claims, String name)
      throws TokenVerificationException {
    if (!(claims.get(name) instanceof String value)) {
      throw invalid(name + " must be a string");
    }
    return value;
  }

  private static Instant instant(Map<String, Object> claims, String name)
      throws TokenVerificationException {
    try {
      return Rfc3339.parse(string(claims, name));
    } catch (DateTimeException e) {
      throw invalid(name + " must be an RFC 3339 date-time");
    }
  }

  private static TokenVerificationException invalid(String message) {
    return new TokenVerificationException(INVALID_CLAIMS, message);
  }
}
