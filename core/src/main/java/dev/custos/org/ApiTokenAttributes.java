package dev.custos.org;

import dev.custos.token.Resources;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What Create API Token asks for: a description, scopes and an expiration, and optionally the
 * client addresses and the accounts and cards the token is limited to.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiTokenAttributes {
  private final String description;
  private final String scope;
  private final Instant expiration;
  private final String sourceIp;
  private final Resources resources;

  private ApiTokenAttributes(
      String description, String scope, Instant expiration, String sourceIp, Resources resources) {
    this.description = description;
    this.scope = scope;
    this.expiration = expiration;
    this.sourceIp = sourceIp;
    this.resources = resources;
  }

  /**
   * Returns the required attributes.
   *
   * @param description what the token is for
   * @param scope the space-separated scopes
   * @param expiration when the token expires
   * @return the attributes
   * @throws NullPointerException if an argument is null
   */
  public static ApiTokenAttributes of(String description, String scope, Instant expiration) {
    return new ApiTokenAttributes(
        Objects.requireNonNull(description, "description"),
        Objects.requireNonNull(scope, "scope"),
        Objects.requireNonNull(expiration, "expiration"),
        null,
        Resources.unlimited());
  }

  /**
   * Returns these attributes limited to client addresses.
   *
   * @param sourceIp IPv4/IPv6 addresses and CIDR blocks, comma-separated, no spaces
   * @return new attributes
   * @throws NullPointerException if {@code sourceIp} is null
   */
  public ApiTokenAttributes withSourceIp(String sourceIp) {
    return new ApiTokenAttributes(
        description, scope, expiration, Objects.requireNonNull(sourceIp, "sourceIp"), resources);
  }

  /**
   * Returns these attributes limited to accounts and cards.
   *
   * @param resources the limit
   * @return new attributes
   * @throws NullPointerException if {@code resources} is null
   */
  public ApiTokenAttributes withResources(Resources resources) {
    return new ApiTokenAttributes(
        description, scope, expiration, sourceIp, Objects.requireNonNull(resources, "resources"));
  }

  /**
   * Returns the description.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Returns the scope string.
   *
   * @return the scopes, space-separated
   */
  public String scope() {
    return scope;
  }

  /**
   * Returns when the token is to expire.
   *
   * @return the instant
   */
  public Instant expiration() {
    return expiration;
  }

  /**
   * Returns the client addresses asked for.
   *
   * @return the list, or empty for any
   */
  public Optional<String> sourceIp() {
    return Optional.ofNullable(sourceIp);
  }

  /**
   * Returns the accounts and cards asked for.
   *
   * @return the limit
   */
  public Resources resources() {
    return resources;
  }

  @Override
  public String toString() {
    return "ApiTokenAttributes["
        + description
        + ", scope="
        + scope
        + ", expiration="
        + expiration
        + "]";
  }
}
