package dev.custos.scopes;

/**
 * One scope of a {@link ScopeCatalog}: a permission a token may hold, such as {@code accounts} or
 * {@code cards-write}.
 *
 * <p>Scopes are created only by their catalog and belong to it: a scope of one catalog is never
 * found in a {@link ScopeSet} of another, even when both have a scope of the same name. Two scopes
 * are equal only when they are the same instance.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Scope {
  private final String name;
  private final String description;
  private final Access access;
  private final boolean orgTokenAllowed;
  private final boolean customerTokenAllowed;
  private final boolean requiresTwoFactor;

  /** Position in the owning catalog; the bit that stands for this scope in a {@link ScopeSet}. */
  final int index;

  Scope(
      int index,
      String name,
      String description,
      Access access,
      boolean orgTokenAllowed,
      boolean customerTokenAllowed,
      boolean requiresTwoFactor) {
    this.index = index;
    this.name = name;
    this.description = description;
    this.access = access;
    this.orgTokenAllowed = orgTokenAllowed;
    this.customerTokenAllowed = customerTokenAllowed;
    this.requiresTwoFactor = requiresTwoFactor;
  }

  /**
   * Returns the scope's name as it appears in scope strings, such as {@code cards-write}.
   *
   * @return the name: one or more of {@code [a-z0-9-]}, at most {@value
   *     ScopeCatalog#MAX_SCOPE_NAME_LENGTH} characters
   */
  public String name() {
    return name;
  }

  /**
   * Returns a short human-readable description of what the scope reaches, such as {@code Cards}.
   *
   * @return the description, never blank
   */
  public String description() {
    return description;
  }

  /**
   * Returns whether the scope grants reading or writing.
   *
   * @return the access the scope grants
   */
  public Access access() {
    return access;
  }

  /**
   * Returns whether an org API token may hold this scope.
   *
   * @return {@code true} if the scope may appear in an org token
   */
  public boolean orgTokenAllowed() {
    return orgTokenAllowed;
  }

  /**
   * Returns whether a customer token may hold this scope.
   *
   * @return {@code true} if the scope may appear in a customer token
   */
  public boolean customerTokenAllowed() {
    return customerTokenAllowed;
  }

  /**
   * Returns whether a customer token holding this scope must be minted only after the customer
   * passed two-factor verification (a one-time code sent by SMS or call).
   *
   * @return {@code true} if the scope requires two-factor authentication; never {@code true} for a
   *     scope that customer tokens may not hold
   */
  public boolean requiresTwoFactor() {
    return requiresTwoFactor;
  }

  /**
   * Returns whether a token of the given role may hold this scope.
   *
   * @param role the token's role
   * @return {@code true} if the scope may appear in a token of that role
   * @throws NullPointerException if {@code role} is null
   */
  public boolean allowedIn(TokenRole role) {
    return switch (role) {
      case ORG -> orgTokenAllowed;
      case CUSTOMER -> customerTokenAllowed;
    };
  }

  /**
   * Returns the scope's name.
   *
   * @return {@link #name()}
   */
  @Override
  public String toString() {
    return name;
  }
}
