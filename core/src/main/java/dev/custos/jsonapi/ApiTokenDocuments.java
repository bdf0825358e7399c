package dev.custos.jsonapi;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.org.ApiToken;
import dev.custos.org.ApiTokenAttributes;
import dev.custos.org.CreatedApiToken;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unit's apiToken documents: Create API Token's request (read by {@link RequestDocuments}), and the
 * created and listed tokens. Stateless.
 */
final class ApiTokenDocuments {
  private static final Set<String> ATTRIBUTES =
      Set.of("description", "scope", "expiration", "sourceIp", "resources");

  private ApiTokenDocuments() {}

  /** The attributes of a Create API Token document, as strictly read as every other document. */
  static ApiTokenAttributes parse(String body) throws ApiException {
    Map<String, Object> attributes = RequestDocuments.attributes(body, "apiToken", ATTRIBUTES);
    ApiTokenAttributes result =
        ApiTokenAttributes.of(
            string(attributes, "description"),
            string(attributes, "scope"),
            instant(string(attributes, "expiration")));
    if (attributes.get("sourceIp") != null) {
      result = result.withSourceIp(string(attributes, "sourceIp"));
    }
    // Unit's schema marks resources nullable: null is as if it were absent.
    if (attributes.get("resources") != null) {
      result = result.withResources(ResourcesAttribute.parse(attributes.get("resources")));
    }
    return result;
  }

  private static String string(Map<?, ?> attributes, String name) throws ApiException {
    if (!(attributes.get(name) instanceof String value)) {
      throw invalid(name, name + " is required, as a string");
    }
    return value;
  }

  /** RFC 3339 with an offset, as Unit accepts; emitted in Unit's own UTC form. */
  private static Instant instant(String text) throws ApiException {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid("expiration", "expiration must be an RFC 3339 date-time with an offset");
    }
  }

  private static ApiException invalid(String attribute, String detail) {
    return new ApiException(ApiError.of(ApiErrorCode.INVALID_VALUE, detail).atAttribute(attribute));
  }

  /** The 201 document: the record and, this once, the token. */
  static String created(CreatedApiToken created) {
    Map<String, Object> resource = resource(created.record());
    @SuppressWarnings("unchecked")
    Map<String, Object> attributes = (Map<String, Object>) resource.get("attributes");
    attributes.put("token", created.token());
    return JSONObjectUtils.toJSONString(Map.of("data", resource));
  }

  /** The list document: records only, never a token. */
  static String list(List<ApiToken> tokens) {
    List<Object> data = new ArrayList<>();
    for (ApiToken token : tokens) {
      data.add(resource(token));
    }
    return JSONObjectUtils.toJSONString(Map.of("data", data));
  }

  private static Map<String, Object> resource(ApiToken token) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("createdAt", UnitTime.format(token.createdAt()));
    attributes.put("description", token.description());
    attributes.put("expiration", UnitTime.format(token.expiration()));
    attributes.put("scope", token.scopes().toString());
    token.sourceIp().ifPresent(ips -> attributes.put("sourceIp", ips));
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("type", "apiToken");
    resource.put("id", token.id());
    resource.put("attributes", attributes);
    return resource;
  }
}
