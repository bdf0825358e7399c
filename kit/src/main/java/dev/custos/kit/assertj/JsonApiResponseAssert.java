package dev.custos.kit.assertj;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.error.ApiErrorCode;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.kit.JsonApiError;
import java.text.ParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link JsonApiResponse}: status, error code, source pointer or parameter, meta,
 * headers and {@code WWW-Authenticate} parameters. Error assertions read the document's first (in
 * Custos, only) error. A failure message never shows a token: the attributes that hold one are
 * shown as {@code <hidden>}. Start with {@link JsonApiAssertions#assertThat}. Not thread-safe, as
 * AssertJ's assertions.
 */
public final class JsonApiResponseAssert
    extends AbstractAssert<JsonApiResponseAssert, JsonApiResponse> {
  private static final Set<String> SECRET_ATTRIBUTES = Set.of("token", "verificationToken");

  JsonApiResponseAssert(JsonApiResponse actual) {
    super(actual, JsonApiResponseAssert.class);
  }

  /**
   * Verifies the HTTP status.
   *
   * @param expected the status, such as 201
   * @return this, to chain
   * @throws AssertionError if the response is null or has another status
   */
  public JsonApiResponseAssert hasStatus(int expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWithMessage("expected status %d but was %d%s", expected, actual.status(), errorSummary());
    }
    return this;
  }

  /**
   * Verifies the error's code.
   *
   * @param expected the code
   * @return this, to chain
   * @throws AssertionError if the response is not an error document or has another code
   */
  public JsonApiResponseAssert hasErrorCode(ApiErrorCode expected) {
    return hasErrorCode(Objects.requireNonNull(expected, "expected").code());
  }

  /**
   * Verifies the error's code, as the document spells it.
   *
   * @param expected the code, such as {@code invalid_value}
   * @return this, to chain
   * @throws AssertionError if the response is not an error document or has another code
   */
  public JsonApiResponseAssert hasErrorCode(String expected) {
    String code = error().code();
    if (!expected.equals(code)) {
      failWithMessage("expected error code %s but was %s%s", expected, code, errorSummary());
    }
    return this;
  }

  /**
   * Verifies the error's {@code source.pointer}.
   *
   * @param expected the JSON pointer, such as {@code /data/attributes/scope}
   * @return this, to chain
   * @throws AssertionError if the response is not an error document or points elsewhere
   */
  public JsonApiResponseAssert hasPointer(String expected) {
    String pointer = error().pointer().orElse(null);
    if (!expected.equals(pointer)) {
      failWithMessage("expected source.pointer %s but was %s%s", expected, pointer, errorSummary());
    }
    return this;
  }

  /**
   * Verifies the error's {@code source.parameter}.
   *
   * @param expected the query or path parameter, such as {@code customerId}
   * @return this, to chain
   * @throws AssertionError if the response is not an error document or names another parameter
   */
  public JsonApiResponseAssert hasParameter(String expected) {
    String parameter = error().parameter().orElse(null);
    if (!expected.equals(parameter)) {
      failWithMessage(
          "expected source.parameter %s but was %s%s", expected, parameter, errorSummary());
    }
    return this;
  }

  /**
   * Verifies one member of the error's {@code meta}, compared in its JSON text form (so {@code 4}
   * matches the number 4 and {@code true} the boolean).
   *
   * @param name the member, such as {@code attemptsLeft}
   * @param expected its value
   * @return this, to chain
   * @throws AssertionError if the response is not an error document or the member differs
   */
  public JsonApiResponseAssert hasMeta(String name, Object expected) {
    String value = error().meta(name).orElse(null);
    if (!String.valueOf(expected).equals(value)) {
      failWithMessage("expected meta.%s %s but was %s%s", name, expected, value, errorSummary());
    }
    return this;
  }

  /**
   * Verifies one attribute of a success document's {@code data.attributes}, compared in its JSON
   * text form.
   *
   * @param name the attribute, such as {@code expiresIn}
   * @param expected its value
   * @return this, to chain
   * @throws AssertionError if the response has no such attribute or it differs
   */
  public JsonApiResponseAssert hasAttribute(String name, Object expected) {
    Object data = document().get("data");
    Object attributes = data instanceof Map<?, ?> d ? d.get("attributes") : null;
    Object value = attributes instanceof Map<?, ?> a ? a.get(name) : null;
    if (value == null || !String.valueOf(expected).equals(String.valueOf(value))) {
      boolean secret = SECRET_ATTRIBUTES.contains(name);
      failWithMessage(
          "expected data.attributes.%s %s but was %s",
          name, secret ? "<hidden>" : expected, secret && value != null ? "<hidden>" : value);
    }
    return this;
  }

  /**
   * Verifies a header, its name compared ignoring case.
   *
   * @param name the header, such as {@code Retry-After}
   * @param expected its value
   * @return this, to chain
   * @throws AssertionError if the header is missing or differs
   */
  public JsonApiResponseAssert hasHeader(String name, String expected) {
    String value = header(name);
    if (!expected.equals(value)) {
      failWithMessage("expected header %s: %s but was %s", name, expected, value);
    }
    return this;
  }

  /**
   * Verifies one parameter of the {@code WWW-Authenticate} challenge (RFC 6750), such as {@code
   * error="invalid_token"} or {@code scope="payments-write"}.
   *
   * @param name the parameter, compared ignoring case
   * @param expected its value, unquoted
   * @return this, to chain
   * @throws AssertionError if there is no challenge or the parameter is missing or differs
   */
  public JsonApiResponseAssert hasChallengeParameter(String name, String expected) {
    JsonApiError error = error();
    if (error.challengeScheme().isEmpty()) {
      failWithMessage("expected a WWW-Authenticate challenge but there was none%s", errorSummary());
    }
    String value = error.challengeParameter(name).orElse(null);
    if (!expected.equals(value)) {
      failWithMessage(
          "expected WWW-Authenticate parameter %s=\"%s\" but was %s (challenge: %s)",
          name, expected, value, header("WWW-Authenticate"));
    }
    return this;
  }

  /**
   * Verifies the {@code WWW-Authenticate} challenge's scheme.
   *
   * @param expected the scheme, such as {@code Bearer}
   * @return this, to chain
   * @throws AssertionError if there is no challenge or it has another scheme
   */
  public JsonApiResponseAssert hasChallengeScheme(String expected) {
    String scheme = error().challengeScheme().orElse(null);
    if (!expected.equalsIgnoreCase(String.valueOf(scheme))) {
      failWithMessage("expected a %s challenge but was %s", expected, header("WWW-Authenticate"));
    }
    return this;
  }

  private String header(String name) {
    isNotNull();
    for (Map.Entry<String, String> header : actual.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  private Map<String, Object> document() {
    isNotNull();
    try {
      return JSONObjectUtils.parse(actual.body());
    } catch (ParseException e) {
      throw new AssertionError("the body is not a JSON object: " + e.getMessage());
    }
  }

  private JsonApiError error() {
    isNotNull();
    try {
      return JsonApiError.of(actual);
    } catch (IllegalArgumentException e) {
      failWithMessage(
          "expected an error document but the response (status %d) has no errors", actual.status());
      throw new AssertionError(e);
    }
  }

  /** The error's code, detail and source: never a token (errors hold none). */
  private String errorSummary() {
    if (actual.status() < 400) {
      return "";
    }
    try {
      JsonApiError error = JsonApiError.of(actual);
      return String.format(
          " (error %s: %s; source %s)",
          error.code(), error.detail(), error.pointer().or(error::parameter).orElse("none"));
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
