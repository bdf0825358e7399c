package dev.custos.jsonapi;

import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response to send: status, headers ({@code Content-Type} always; {@code Retry-After} for
 * 429; {@code WWW-Authenticate} for 401) and a JSON:API body.
 *
 * <p>A success body may hold a bearer token or verification token: {@link #toString()} never shows
 * the body. Instances are immutable and safe to share between threads.
 */
public final class JsonApiResponse {
  private final int status;
  private final Map<String, String> headers;
  private final String body;

  JsonApiResponse(int status, Map<String, String> headers, String body) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = Objects.requireNonNull(body);
  }

  /**
   * Returns a response with the given headers, for bodies that are not JSON:API documents (such as
   * a JWK Set).
   *
   * @param status an HTTP status
   * @param headers the headers to send
   * @param body the body
   * @return the response
   * @throws NullPointerException if {@code headers} or {@code body} is null
   */
  public static JsonApiResponse of(int status, Map<String, String> headers, String body) {
    return new JsonApiResponse(status, headers, body);
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status, such as 201
   */
  public int status() {
    return status;
  }

  /**
   * Returns the headers to send.
   *
   * @return an immutable map of header names to values
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Returns the JSON:API document.
   *
   * @return the body
   */
  public String body() {
    return body;
  }

  @Override
  public String toString() {
    return "JsonApiResponse[" + status + ", " + body.length() + " chars]";
  }
}
