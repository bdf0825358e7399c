package dev.custos.org;

import java.util.Objects;

/**
 * A new org API token: its record and its value, which is shown this once and stored nowhere.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the value.
 */
public final class CreatedApiToken {
  private final ApiToken record;
  private final String token;

  CreatedApiToken(ApiToken record, String token) {
    this.record = Objects.requireNonNull(record, "record");
    this.token = Objects.requireNonNull(token, "token");
  }

  /**
   * Returns the token's record.
   *
   * @return the record
   */
  public ApiToken record() {
    return record;
  }

  /**
   * Returns the token itself, to hand to the user once.
   *
   * @return the PASETO token
   */
  public String token() {
    return token;
  }

  /**
   * Returns a description naming the record, never the token.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "CreatedApiToken[" + record + "]";
  }
}
