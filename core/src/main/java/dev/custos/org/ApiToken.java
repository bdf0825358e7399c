package dev.custos.org;

import dev.custos.scopes.ScopeSet;
import dev.custos.token.Resources;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of an org API token: everything but its value, which is shown once at creation and
 * never stored.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiToken {
  private final String id;
  private final String userId;
  private final String description;
  private final ScopeSet scopes;
  private final Instant createdAt;
  private final Instant expiration;
  private final String sourceIp;
  private final Resources resources;

  /**
   * Returns a record; for stores reading one back, and for the service creating one.
   *
   * @param id the token's id (its {@code jti})
   * @param userId the user it belongs to
   * @param description what it is for
   * @param scopes its scopes
   * @param createdAt when it was created
   * @param expiration when it expires
   * @param sourceIp the client addresses it is limited to, or null for any
   * @param resources the accounts and cards it is limited to
   * @throws NullPointerException if an argument other than {@code sourceIp} is null
   */
  public ApiToken(
      String id,
      String userId,
      String description,
      ScopeSet scopes,
      Instant createdAt,
      Instant expiration,
      String sourceIp,
      Resources resources) {
    this.id = Objects.requireNonNull(id, "id");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.description = Objects.requireNonNull(description, "description");
    this.scopes = Objects.requireNonNull(scopes, "scopes");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.expiration = Objects.requireNonNull(expiration, "expiration");
    this.sourceIp = sourceIp;
    this.resources = Objects.requireNonNull(resources, "resources");
  }

  /**
   * Returns the token's id, also its {@code jti}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the user the token belongs to.
   *
   * @return the user's id
   */
  public String userId() {
    return userId;
  }

  /**
   * Returns what the token is for.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Returns the token's scopes.
   *
   * @return the scopes
   */
  public ScopeSet scopes() {
    return scopes;
  }

  /**
   * Returns when the token was created.
   *
   * @return the instant
   */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * Returns when the token expires.
   *
   * @return the instant
   */
  public Instant expiration() {
    return expiration;
  }

  /**
   * Returns the client addresses the token is limited to.
   *
   * @return the comma-separated list, or empty for any address
   */
  public Optional<String> sourceIp() {
    return Optional.ofNullable(sourceIp);
  }

  /**
   * Returns the accounts and cards the token is limited to.
   *
   * @return the limit
   */
  public Resources resources() {
    return resources;
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof ApiToken other
        && other.id.equals(id)
        && other.userId.equals(userId)
        && other.description.equals(description)
        && other.scopes.equals(scopes)
        && other.createdAt.equals(createdAt)
        && other.expiration.equals(expiration)
        && Objects.equals(other.sourceIp, sourceIp)
        && other.resources.equals(resources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, userId, expiration);
  }

  @Override
  public String toString() {
    return "ApiToken["
        + id
        + ", user "
        + userId
        + ", scope="
        + scopes
        + ", expires "
        + expiration
        + "]";
  }
}
