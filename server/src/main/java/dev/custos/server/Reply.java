package dev.custos.server;

import dev.custos.jsonapi.JsonApiResponse;
import java.util.Map;

/**
 * What goes back on the wire: a JSON:API response, or a body of another media type (the JWK Set,
 * metrics, health). Its body may hold a token: {@link #toString()} shows none.
 */
final class Reply {
  final int status;
  final Map<String, String> headers;
  final String body;

  Reply(int status, Map<String, String> headers, String body) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  static Reply of(JsonApiResponse response) {
    return new Reply(response.status(), response.headers(), response.body());
  }

  static Reply of(int status, String contentType, String body) {
    return new Reply(status, Map.of("Content-Type", contentType), body);
  }

  @Override
  public String toString() {
    return "Reply[" + status + ", " + body.length() + " chars]";
  }
}
