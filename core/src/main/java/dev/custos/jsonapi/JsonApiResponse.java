package dev.custos.jsonapi;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.error.ApiError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response to send: status, headers and a JSON:API body. Every response carries {@code
 * Content-Type: application/vnd.api+json}, {@code Cache-Control: no-store} (tokens and verification
 * tokens travel in bodies: no cache may keep one) and {@code X-Content-Type-Options: nosniff};
 * errors add {@code Retry-After} and {@code WWW-Authenticate} where their status calls for them. An
 * adapter sends the headers as they are.
 *
 * <p>A success body may hold a bearer token or verification token: {@link #toString()} never shows
 * the body. Instances are immutable and safe to share between threads.
 */
public final class JsonApiResponse {
  /** The JSON:API media type, for {@code Content-Type} and {@code Accept}. */
  public static final String MEDIA_TYPE = "application/vnd.api+json";

  private final int status;
  private final Map<String, String> headers;
  private final String body;

  private JsonApiResponse(int status, Map<String, String> headers, String body) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = Objects.requireNonNull(body);
  }

  /** The headers every response carries. */
  private static Map<String, String> baseHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", MEDIA_TYPE);
    headers.put("Cache-Control", "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    return headers;
  }

  /**
   * Returns the response for an error: its status, its error document, and the headers its status
   * calls for ({@code Retry-After} in whole seconds, rounded up; the error's {@code
   * WWW-Authenticate} challenge, and at least {@code Bearer} for a 401).
   *
   * @param error the error
   * @return the error response
   * @throws NullPointerException if {@code error} is null
   */
  public static JsonApiResponse error(ApiError error) {
    Map<String, String> headers = baseHeaders();
    error
        .retryAfter()
        .ifPresent(
            wait ->
                headers.put(
                    "Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
    error
        .authenticate()
        .or(
            () ->
                error.status() == 401
                    ? java.util.Optional.of("Bearer")
                    : java.util.Optional.empty())
        .ifPresent(challenge -> headers.put("WWW-Authenticate", challenge));
    return new JsonApiResponse(error.status(), headers, renderError(error));
  }

  /**
   * Returns a success response carrying a JSON:API document.
   *
   * @param status a success status, 200 to 299
   * @param document the JSON:API document
   * @return the response
   * @throws IllegalArgumentException if {@code status} is not 200 to 299
   * @throws NullPointerException if {@code document} is null
   */
  public static JsonApiResponse ok(int status, String document) {
    if (status < 200 || status > 299) {
      throw new IllegalArgumentException("a success status is 200 to 299, was " + status);
    }
    return new JsonApiResponse(status, baseHeaders(), Objects.requireNonNull(document, "document"));
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

  /**
   * Renders an error document: {@code {"errors":[{"status","code","title","detail","source",
   * "meta"}]}}.
   *
   * @param error the error
   * @return the document
   */
  private static String renderError(ApiError error) {
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

  @Override
  public String toString() {
    return "JsonApiResponse[" + status + ", " + body.length() + " chars]";
  }
}
