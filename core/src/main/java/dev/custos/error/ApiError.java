package dev.custos.error;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One JSON:API error object: an {@link ApiErrorCode} (status, code, title), a {@code detail} for
 * people, and where the fault lies: a {@code source.pointer} into the request document or a {@code
 * source.parameter} of the query.
 *
 * <pre>{@code
 * throw new ApiException(
 *     ApiError.of(ApiErrorCode.INVALID_VALUE, "channel must be sms or call").atAttribute("channel"));
 * }</pre>
 *
 * <p>Pointers are built here from member names (escaped as RFC 6901 requires, each cut to 64
 * characters), never taken as strings, so no caller can write a malformed one. Instances are
 * immutable and safe to share between threads.
 */
public final class ApiError {
  private final ApiErrorCode code;
  private final String detail;
  private final String pointer;
  private final String parameter;
  private final Map<String, Object> meta;
  private final Duration retryAfter;
  private final String authenticate;

  private ApiError(
      ApiErrorCode code,
      String detail,
      String pointer,
      String parameter,
      Map<String, Object> meta,
      Duration retryAfter,
      String authenticate) {
    this.code = code;
    this.detail = detail;
    this.pointer = pointer;
    this.parameter = parameter;
    this.meta = orderedCopy(meta);
    this.retryAfter = retryAfter;
    this.authenticate = authenticate;
  }

  /**
   * The facts in the order given (documents read the same on every run, unlike {@code
   * Map.copyOf}'s), unmodifiable, with no null key or value.
   */
  private static Map<String, Object> orderedCopy(Map<String, Object> meta) {
    Map<String, Object> copy = new LinkedHashMap<>();
    meta.forEach(
        (name, value) ->
            copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Returns an error with no source, meta or retry time.
   *
   * @param code what kind of error
   * @param detail what went wrong in this case, without echoing a token, code or phone number
   * @return the error
   * @throws NullPointerException if an argument is null
   */
  public static ApiError of(ApiErrorCode code, String detail) {
    return new ApiError(
        Objects.requireNonNull(code, "code"),
        Objects.requireNonNull(detail, "detail"),
        null,
        null,
        Map.of(),
        null,
        null);
  }

  /**
   * Returns the error for a state store that cannot answer or cannot take new state: 503 {@code
   * state_unavailable}, to be retried after a second. Nothing was approved or changed.
   *
   * @param detail which state, such as "revocations cannot be checked now; try again later"
   * @return the error
   * @throws NullPointerException if {@code detail} is null
   */
  public static ApiError stateUnavailable(String detail) {
    return of(ApiErrorCode.STATE_UNAVAILABLE, detail).withRetryAfter(Duration.ofSeconds(1));
  }

  /**
   * Returns this error pointing at an attribute of the request document, {@code
   * /data/attributes/<name>/…}.
   *
   * @param path the attribute's name, then names of members inside it
   * @return a new error
   * @throws NullPointerException if a name is null
   */
  public ApiError atAttribute(String... path) {
    return withPointer(JsonPointer.attribute(checked(path)));
  }

  /**
   * Returns this error pointing at a member of the request document by its path from the top, such
   * as {@code "data", "type"}; no names point at the whole document ({@code ""}).
   *
   * @param path member names from the top of the document
   * @return a new error
   * @throws NullPointerException if a name is null
   */
  public ApiError atMember(String... path) {
    return withPointer(JsonPointer.of(checked(path)));
  }

  /**
   * Returns this error naming the offending query parameter, such as {@code filter[customerId]}.
   *
   * @param parameter the parameter's name
   * @return a new error, with no pointer
   * @throws NullPointerException if {@code parameter} is null
   */
  public ApiError atParameter(String parameter) {
    return new ApiError(
        code,
        detail,
        null,
        Objects.requireNonNull(parameter, "parameter"),
        meta,
        retryAfter,
        authenticate);
  }

  /**
   * Returns this error with extra machine-readable facts, such as {@code attemptsLeft}.
   *
   * @param meta the facts; copied, in the map's iteration order
   * @return a new error
   * @throws NullPointerException if {@code meta}, a key or a value is null
   */
  public ApiError withMeta(Map<String, Object> meta) {
    return new ApiError(code, detail, pointer, parameter, meta, retryAfter, authenticate);
  }

  /**
   * Returns this error with how long to wait before retrying (for 429 errors).
   *
   * @param retryAfter the wait
   * @return a new error
   * @throws NullPointerException if {@code retryAfter} is null
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public ApiError withRetryAfter(Duration retryAfter) {
    if (Objects.requireNonNull(retryAfter, "retryAfter").isNegative()) {
      throw new IllegalArgumentException("retryAfter is negative");
    }
    return new ApiError(code, detail, pointer, parameter, meta, retryAfter, authenticate);
  }

  /**
   * Returns this error with the {@code WWW-Authenticate} challenge to send with it (RFC 6750), such
   * as {@code Bearer error="invalid_token", error_description="the token has expired"}.
   *
   * @param challenge the header's value
   * @return a new error
   * @throws NullPointerException if {@code challenge} is null
   */
  public ApiError withAuthenticate(String challenge) {
    return new ApiError(
        code,
        detail,
        pointer,
        parameter,
        meta,
        retryAfter,
        Objects.requireNonNull(challenge, "challenge"));
  }

  /**
   * Returns the {@code WWW-Authenticate} challenge to send with this error.
   *
   * @return the header's value, or empty
   */
  public Optional<String> authenticate() {
    return Optional.ofNullable(authenticate);
  }

  /**
   * Returns the kind of error.
   *
   * @return the code, with its status and title
   */
  public ApiErrorCode code() {
    return code;
  }

  /**
   * Returns the HTTP status; the same as {@code code().status()}.
   *
   * @return the status, such as 400
   */
  public int status() {
    return code.status();
  }

  /**
   * Returns what went wrong in this case, for people. Never holds a token, code or phone number.
   *
   * @return the detail
   */
  public String detail() {
    return detail;
  }

  /**
   * Returns the JSON Pointer to the offending member of the request document, such as {@code
   * /data/attributes/scope}; {@code ""} for the whole document.
   *
   * @return the pointer, or empty if the fault is not in the document
   */
  public Optional<String> pointer() {
    return Optional.ofNullable(pointer);
  }

  /**
   * Returns the offending query parameter, such as {@code filter[customerId]}.
   *
   * @return the parameter, or empty
   */
  public Optional<String> parameter() {
    return Optional.ofNullable(parameter);
  }

  /**
   * Returns extra machine-readable facts, such as {@code attemptsLeft} or {@code requiredScope}.
   *
   * @return an immutable map, often empty
   */
  public Map<String, Object> meta() {
    return meta;
  }

  /**
   * Returns how long to wait before retrying, for 429 errors.
   *
   * @return the wait, or empty
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof ApiError other
        && other.code == code
        && other.detail.equals(detail)
        && Objects.equals(other.pointer, pointer)
        && Objects.equals(other.parameter, parameter)
        && other.meta.equals(meta)
        && Objects.equals(other.retryAfter, retryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, detail, pointer, parameter);
  }

  @Override
  public String toString() {
    return code.status()
        + " "
        + code.code()
        + ": "
        + detail
        + (pointer == null ? "" : " (" + pointer + ")")
        + (parameter == null ? "" : " (" + parameter + ")");
  }

  private ApiError withPointer(String pointer) {
    return new ApiError(code, detail, pointer, null, meta, retryAfter, authenticate);
  }

  private static String[] checked(String[] path) {
    for (String name : path) {
      Objects.requireNonNull(name, "member name");
    }
    return path;
  }
}
