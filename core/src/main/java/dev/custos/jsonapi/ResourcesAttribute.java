package dev.custos.jsonapi;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.token.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Unit's {@code resources} attribute, as customer and org API tokens take it. Thread-safe
 * (stateless).
 */
final class ResourcesAttribute {
  private ResourcesAttribute() {}

  /**
   * Reads Unit's {@code resources} attribute: a non-empty list of {@code {"type": "account" |
   * "card", "ids": [numeric strings]}} entries, combined as a union.
   *
   * @param value the attribute's parsed JSON value
   * @return the limit
   * @throws ApiException 400 {@code invalid_value} at the fault's pointer, down to {@code
   *     /data/attributes/resources/0/ids/1}
   */
  static Resources parse(Object value) throws ApiException {
    if (!(value instanceof List<?> entries) || entries.isEmpty()) {
      throw invalidAt("resources must be a non-empty list of {type, ids}", "resources");
    }
    List<String> accounts = new ArrayList<>();
    List<String> cards = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = Integer.toString(i);
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        throw invalidAt("a resources entry is an object {type, ids}", "resources", at);
      }
      for (Object name : entry.keySet()) {
        if (!name.equals("type") && !name.equals("ids")) {
          throw invalidAt("unknown member", "resources", at, String.valueOf(name));
        }
      }
      List<String> into;
      Object type = entry.get("type");
      if ("account".equals(type)) {
        into = accounts;
      } else if ("card".equals(type)) {
        into = cards;
      } else {
        throw invalidAt("type must be account or card", "resources", at, "type");
      }
      if (!(entry.get("ids") instanceof List<?> ids) || ids.isEmpty()) {
        throw invalidAt("ids must be a non-empty list of ids", "resources", at, "ids");
      }
      for (int j = 0; j < ids.size(); j++) {
        if (!(ids.get(j) instanceof String id) || !Resources.isId(id)) {
          throw invalidAt(
              "an id is a number as a string, without a leading zero",
              "resources",
              at,
              "ids",
              Integer.toString(j));
        }
        into.add(id);
      }
    }
    try {
      return Resources.of(accounts, cards);
    } catch (IllegalArgumentException e) {
      throw invalidAt(e.getMessage(), "resources");
    }
  }

  private static ApiException invalidAt(String detail, String... attributePath) {
    return new ApiException(
        ApiError.of(ApiErrorCode.INVALID_VALUE, detail).atAttribute(attributePath));
  }
}
