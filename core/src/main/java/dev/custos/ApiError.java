package dev.custos;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One JSON:API error object: an HTTP status, a stable machine-readable {@code code}, a short {@code
 * title}, a {@code detail} for people, and where the fault lies ({@code source.pointer} into the
 * request document, or {@code source.parameter} for a query parameter).
 *
 * <p>The codes Custos uses (stable; clients may switch on them):
 *
 * <table>
 *   <caption>Error codes</caption>
 *   <tr><th>status</th><th>code</th><th>when</th></tr>
 *   <tr><td>400</td><td>invalid_value</td><td>a malformed document or attribute (see the pointer)</td></tr>
 *   <tr><td>400</td><td>incorrect_verification_code</td><td>wrong code; {@code meta.attemptsLeft}</td></tr>
 *   <tr><td>400</td><td>verification_expired</td><td>the verification is older than 10 minutes</td></tr>
 *   <tr><td>400</td><td>verification_not_found</td><td>unknown, used, superseded or another customer's</td></tr>
 *   <tr><td>400</td><td>verification_attempts_exceeded</td><td>too many wrong codes: start again</td></tr>
 *   <tr><td>401</td><td>unauthorized</td><td>missing, malformed, invalid, expired or revoked token</td></tr>
 *   <tr><td>403</td><td>forbidden</td><td>the token lacks a scope (and {@code meta} says whether it needs 2FA), or is of the wrong role</td></tr>
 *   <tr><td>403</td><td>customer_not_active</td><td>the customer exists but is not active</td></tr>
 *   <tr><td>404</td><td>customer_not_found</td><td>no customer with the path's id</td></tr>
 *   <tr><td>404</td><td>not_found</td><td>a resource of another customer than the token's</td></tr>
 *   <tr><td>413</td><td>payload_too_large</td><td>a request document over the size limit</td></tr>
 *   <tr><td>429</td><td>limits_exceeded</td><td>a send limit or lockout; {@link #retryAfter()}</td></tr>
 *   <tr><td>503</td><td>delivery_failed</td><td>the SMS or voice provider did not take the code</td></tr>
 * </table>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ApiError {
  private final int status;
  private final String code;
  private final String title;
  private final String detail;
  private final String pointer;
  private final String parameter;
  private final Map<String, Object> meta;
  private final Duration retryAfter;

  ApiError(
      int status,
      String code,
      String title,
      String detail,
      String pointer,
      String parameter,
      Map<String, Object> meta,
      Duration retryAfter) {
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.pointer = pointer;
    this.parameter = parameter;
    this.meta = Map.copyOf(meta);
    this.retryAfter = retryAfter;
  }

  /**
   * Returns a 400 {@code invalid_value} error pointing at a member of the request document.
   *
   * @param pointer a JSON Pointer such as {@code /data/attributes/scope}, or {@code ""}
   * @param detail what is wrong, without echoing secrets
   * @return the error
   * @throws NullPointerException if an argument is null
   */
  public static ApiError invalidValue(String pointer, String detail) {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(detail, "detail");
    return new ApiError(
        400, "invalid_value", "Invalid value", detail, pointer, null, Map.of(), null);
  }

  /**
   * Returns an error of any status and code, for hosts that answer their own failures (an unknown
   * path, a wrong method) in the same format.
   *
   * @param status an HTTP status from 400 to 599
   * @param code a stable machine-readable code in snake case
   * @param title a short summary
   * @param detail what went wrong in this case
   * @return the error
   * @throws IllegalArgumentException if the status is not 400 to 599
   * @throws NullPointerException if a string is null
   */
  public static ApiError of(int status, String code, String title, String detail) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 400 to 599");
    }
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    return new ApiError(status, code, title, detail, null, null, Map.of(), null);
  }

  /**
   * Returns this error with the JSON Pointer of the offending member.
   *
   * @param pointer the JSON Pointer of the offending member
   * @return a new error
   */
  public ApiError withPointer(String pointer) {
    return new ApiError(status, code, title, detail, pointer, parameter, meta, retryAfter);
  }

  /**
   * Returns this error with the offending query parameter.
   *
   * @param parameter the offending query parameter
   * @return a new error
   */
  public ApiError withParameter(String parameter) {
    return new ApiError(status, code, title, detail, pointer, parameter, meta, retryAfter);
  }

  /**
   * Returns this error with extra machine-readable facts.
   *
   * @param meta extra machine-readable facts
   * @return a new error
   */
  public ApiError withMeta(Map<String, Object> meta) {
    return new ApiError(status, code, title, detail, pointer, parameter, meta, retryAfter);
  }

  /**
   * Returns this error with how long to wait before retrying.
   *
   * @param retryAfter how long to wait before retrying
   * @return a new error
   */
  public ApiError withRetryAfter(Duration retryAfter) {
    return new ApiError(status, code, title, detail, pointer, parameter, meta, retryAfter);
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
   * Returns the stable error code, such as {@code invalid_value}.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * Returns a short summary of the kind of error.
   *
   * @return the title
   */
  public String title() {
    return title;
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
        && other.status == status
        && other.code.equals(code)
        && other.detail.equals(detail)
        && Objects.equals(other.pointer, pointer)
        && Objects.equals(other.parameter, parameter)
        && other.meta.equals(meta)
        && Objects.equals(other.retryAfter, retryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, code, detail, pointer, parameter);
  }

  @Override
  public String toString() {
    return status + " " + code + ": " + detail + (pointer == null ? "" : " (" + pointer + ")");
  }
}
