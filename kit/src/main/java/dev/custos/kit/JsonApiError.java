package dev.custos.kit;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.jsonapi.JsonApiResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The error of an error response, read for a test without any assertion library: its code, source
 * and meta, and the parameters of its {@code WWW-Authenticate} challenge.
 *
 * <pre>{@code
 * JsonApiError error = JsonApiError.of(response);
 * assertEquals(Optional.of("/data/attributes/scope"), error.pointer());
 * assertEquals(Optional.of("invalid_token"), error.challengeParameter("error"));
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class JsonApiError {
  private final int status;
  private final Map<?, ?> error;
  private final Optional<AuthChallenge> challenge;

  private JsonApiError(int status, Map<?, ?> error, Optional<AuthChallenge> challenge) {
    this.status = status;
    this.error = error;
    this.challenge = challenge;
  }

  /**
   * Reads the first (in Custos, only) error of a response.
   *
   * @param response an error response
   * @return its error
   * @throws IllegalArgumentException if the response is not a JSON:API error document
   */
  public static JsonApiError of(JsonApiResponse response) {
    Object errors;
    try {
      errors = JSONObjectUtils.parse(response.body()).get("errors");
    } catch (ParseException e) {
      throw new IllegalArgumentException("the body is not a JSON object", e);
    }
    if (!(errors instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof Map)) {
      throw new IllegalArgumentException(
          "the response (status " + response.status() + ") is not an error document");
    }
    Optional<AuthChallenge> challenge =
        response.headers().entrySet().stream()
            .filter(header -> header.getKey().equalsIgnoreCase("WWW-Authenticate"))
            .findFirst()
            .flatMap(header -> AuthChallenge.parse(header.getValue()));
    return new JsonApiError(response.status(), (Map<?, ?>) list.get(0), challenge);
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status, such as 400
   */
  public int status() {
    return status;
  }

  /**
   * Returns the error's code.
   *
   * @return the code, such as {@code invalid_value}
   */
  public String code() {
    return String.valueOf(error.get("code"));
  }

  /**
   * Returns the error's detail, for a person.
   *
   * @return the detail
   */
  public String detail() {
    return String.valueOf(error.get("detail"));
  }

  /**
   * Returns the error's {@code source.pointer}.
   *
   * @return the JSON pointer, such as {@code /data/attributes/scope}, or empty
   */
  public Optional<String> pointer() {
    return source("pointer");
  }

  /**
   * Returns the error's {@code source.parameter}.
   *
   * @return the parameter, or empty
   */
  public Optional<String> parameter() {
    return source("parameter");
  }

  /**
   * Returns one member of the error's {@code meta}, in its JSON text form.
   *
   * @param name the member, such as {@code attemptsLeft}
   * @return the value, such as {@code 4}, or empty
   */
  public Optional<String> meta(String name) {
    return error.get("meta") instanceof Map<?, ?> meta
        ? Optional.ofNullable(meta.get(name)).map(String::valueOf)
        : Optional.empty();
  }

  /**
   * Returns the scheme of the response's {@code WWW-Authenticate} challenge.
   *
   * @return the scheme, such as {@code Bearer}, or empty without a challenge
   */
  public Optional<String> challengeScheme() {
    return challenge.map(AuthChallenge::scheme);
  }

  /**
   * Returns one parameter of the response's {@code WWW-Authenticate} challenge (RFC 6750).
   *
   * @param name the parameter, such as {@code error} or {@code scope}, compared ignoring case
   * @return its value, unquoted, or empty
   */
  public Optional<String> challengeParameter(String name) {
    return challenge.map(c -> c.parameters().get(name.toLowerCase(Locale.ROOT)));
  }

  private Optional<String> source(String member) {
    return error.get("source") instanceof Map<?, ?> source
        ? Optional.ofNullable(source.get(member)).map(String::valueOf)
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "JsonApiError[" + status + " " + code() + " " + pointer().orElse("") + "]";
  }
}
