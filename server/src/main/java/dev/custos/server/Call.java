package dev.custos.server;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.ApiRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One request as a route sees it: the method, the path's ids, the query, the request parts. */
final class Call {
  final String method;
  final List<String> ids;
  final String query;
  final ApiRequest request;

  Call(String method, List<String> ids, String query, ApiRequest request) {
    this.method = method;
    this.ids = ids;
    this.query = query;
    this.request = request;
  }

  /** The {@code n}th id of the path, decoded. */
  String id(int n) throws ApiException {
    return decode(ids.get(n));
  }

  /** The query's {@code filter[customerId]}, decoded; null if absent. */
  String customerFilter() throws ApiException {
    if (query == null) {
      return null;
    }
    String value = null;
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (name.equals("filter[customerId]")) {
        value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return value;
  }

  private static String decode(String s) throws ApiException {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiException(ApiError.of(ApiErrorCode.INVALID_VALUE, "malformed URL encoding"));
    }
  }

  @Override
  public String toString() {
    return "Call[" + method + ", " + request + "]";
  }
}
