package dev.custos.jsonapi;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.token.json.StrictJson;
import dev.custos.token.json.StrictJsonException;
import java.util.Map;
import java.util.Set;

/**
 * The one strict reader of every request document (customer token, verification, API token, and a
 * host's own), so that the same bad input gets the same 400 and pointer on every endpoint.
 *
 * <p>A document must be exactly of the spec's shape: a JSON object with only {@code data}; {@code
 * data} with only {@code type} (the operation's) and {@code attributes}; attributes of the
 * operation only, each of its JSON type. Anything else is a 400 {@code invalid_value} whose {@code
 * source.pointer} names the offending member ({@code ""} for a body that is not a JSON object).
 * Duplicate members are refused at any depth (jackson-core's strict mode, {@link StrictJson}).
 */
final class RequestDocuments {
  private RequestDocuments() {}

  /**
   * A body as a JSON object with unique members at every depth, bounded in depth and sizes.
   *
   * @throws ApiException 400 naming the fault's pointer
   */
  static Map<String, Object> object(String body) throws ApiException {
    if (body == null || body.isBlank()) {
      throw invalidMember("the request body is empty");
    }
    try {
      return StrictJson.readObject(body);
    } catch (StrictJsonException e) {
      // A duplicate member (at any depth) is named by its pointer; other faults by the document.
      throw invalidMember(
          "the request body is not a JSON object with unique members: " + e.getMessage(),
          e.path().toArray(new String[0]));
    }
  }

  /**
   * The attributes of a document of one operation: {@code {"data":{"type":…,"attributes":{…}}}},
   * nothing else at any level, attributes among the allowed.
   *
   * @throws ApiException 400 naming the offending member
   */
  static Map<String, Object> attributes(String body, String type, Set<String> allowed)
      throws ApiException {
    return attributes(data(body, type, Set.of("type", "attributes")), allowed);
  }

  /**
   * The {@code data} object of a document of one operation, of this type, with no member but {@code
   * dataMembers}, nothing else beside it.
   *
   * @throws ApiException 400 naming the offending member
   */
  static Map<String, Object> data(String body, String type, Set<String> dataMembers)
      throws ApiException {
    Map<String, Object> document = object(body);
    only(document, Set.of("data"));
    Map<String, Object> data = objectMember(document, "data");
    only(data, dataMembers, "data");
    if (!(data.get("type") instanceof String actual) || !actual.equals(type)) {
      throw invalidMember("data.type must be " + type, "data", "type");
    }
    return data;
  }

  /** The attributes of a {@link #data} object, among the allowed. */
  static Map<String, Object> attributes(Map<String, Object> data, Set<String> allowed)
      throws ApiException {
    Map<String, Object> attributes = objectMember(data, "attributes", "data");
    only(attributes, allowed, "data", "attributes");
    return attributes;
  }

  /** The object member {@code name} of {@code parent}, which is at {@code parentPath}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> objectMember(
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
  static void only(Map<?, ?> object, Set<String> allowed, String... path) throws ApiException {
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

  static String requiredString(Map<String, Object> attributes, String name) throws ApiException {
    String value = optionalString(attributes, name);
    if (value == null) {
      throw invalid(name, name + " is required");
    }
    return value;
  }

  static String optionalString(Map<String, Object> attributes, String name) throws ApiException {
    if (!attributes.containsKey(name)) {
      return null;
    }
    if (!(attributes.get(name) instanceof String value)) {
      throw invalid(name, name + " must be a string");
    }
    return value;
  }

  static ApiException invalid(String attribute, String detail) {
    return invalidAt(detail, attribute);
  }

  static ApiException invalidAt(String detail, String... attributePath) {
    return new ApiException(
        ApiError.of(ApiErrorCode.INVALID_VALUE, detail).atAttribute(attributePath));
  }

  static ApiException invalidMember(String detail, String... path) {
    return new ApiException(ApiError.of(ApiErrorCode.INVALID_VALUE, detail).atMember(path));
  }
}
