package dev.custos.scopes;

import java.util.List;

/**
 * Thrown when a scope string cannot be turned into a {@link ScopeSet}, or when a set holds scopes
 * that a token of some role may not hold.
 *
 * <p>{@link #reason()} says what was wrong in a form a program can switch on; the message says it
 * for a person and never repeats characters outside {@code [a-z0-9-]} of the input, so it is safe
 * to log and to return to an API client.
 */
public final class InvalidScopeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the scope string or set. */
  public enum Reason {
    /** The scope string was null, empty, or held nothing but spaces. */
    EMPTY,
    /** The scope string was longer than {@link ScopeCatalog#MAX_SCOPE_STRING_LENGTH}. */
    TOO_LONG,
    /**
     * The scope string held a character other than {@code [a-z0-9-]} and the ASCII space; {@link
     * #index()} says where.
     */
    MALFORMED,
    /**
     * The scope string named scopes the catalog does not have; {@link #unknownScopes()} lists them.
     */
    UNKNOWN_SCOPE,
    /**
     * The scope string named a scope more than once; {@link #duplicateScopes()} lists them. A
     * repeated name is refused rather than collapsed: a client that sends one has a bug worth
     * seeing, and a strict grammar has one spelling per set.
     */
    DUPLICATE_SCOPE,
    /**
     * The scopes exist but a token of the requested role may not hold them; {@link
     * #disallowedScopes()} lists them.
     */
    NOT_ALLOWED
  }

  private final Reason reason;
  private final int index;
  private final List<String> unknownScopes;
  private final List<String> disallowedScopes;
  private final List<String> duplicateScopes;

  private InvalidScopeException(
      Reason reason,
      String message,
      int index,
      List<String> unknownScopes,
      List<String> disallowedScopes) {
    this(reason, message, index, unknownScopes, disallowedScopes, List.of());
  }

  private InvalidScopeException(
      Reason reason,
      String message,
      int index,
      List<String> unknownScopes,
      List<String> disallowedScopes,
      List<String> duplicateScopes) {
    super(message);
    this.reason = reason;
    this.index = index;
    this.unknownScopes = List.copyOf(unknownScopes);
    this.disallowedScopes = List.copyOf(disallowedScopes);
    this.duplicateScopes = List.copyOf(duplicateScopes);
  }

  static InvalidScopeException empty(String message) {
    return new InvalidScopeException(Reason.EMPTY, message, -1, List.of(), List.of());
  }

  static InvalidScopeException tooLong(int length) {
    return new InvalidScopeException(
        Reason.TOO_LONG,
        "scope string is "
            + length
            + " characters long; the limit is "
            + ScopeCatalog.MAX_SCOPE_STRING_LENGTH,
        -1,
        List.of(),
        List.of());
  }

  static InvalidScopeException malformed(int index, int codePoint) {
    return new InvalidScopeException(
        Reason.MALFORMED,
        String.format(
            "scope string has character U+%04X at index %d; only a-z, 0-9, '-' and the space are"
                + " allowed",
            codePoint, index),
        index,
        List.of(),
        List.of());
  }

  static InvalidScopeException unknown(List<String> names) {
    return new InvalidScopeException(
        Reason.UNKNOWN_SCOPE,
        "unknown scope" + (names.size() == 1 ? ": " : "s: ") + String.join(", ", names),
        -1,
        names,
        List.of());
  }

  static InvalidScopeException duplicate(List<String> names) {
    return new InvalidScopeException(
        Reason.DUPLICATE_SCOPE,
        (names.size() == 1 ? "scope given more than once: " : "scopes given more than once: ")
            + String.join(", ", names),
        -1,
        List.of(),
        List.of(),
        names);
  }

  static InvalidScopeException notAllowed(TokenRole role, List<String> names) {
    String holder = role == TokenRole.CUSTOMER ? "a customer token" : "an org token";
    return new InvalidScopeException(
        Reason.NOT_ALLOWED,
        (names.size() == 1 ? "scope not allowed in " : "scopes not allowed in ")
            + holder
            + ": "
            + String.join(", ", names),
        -1,
        List.of(),
        names);
  }

  /**
   * Returns what was wrong.
   *
   * @return the reason, never null
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the index in the scope string of the first character that is not allowed.
   *
   * @return a character index if {@link #reason()} is {@link Reason#MALFORMED}, otherwise -1
   */
  public int index() {
    return index;
  }

  /**
   * Returns every name in the scope string that the catalog does not have, each once, in the order
   * they first appeared.
   *
   * @return the unknown names; empty unless {@link #reason()} is {@link Reason#UNKNOWN_SCOPE}
   */
  public List<String> unknownScopes() {
    return unknownScopes;
  }

  /**
   * Returns every scope that the token's role may not hold, in catalog order.
   *
   * @return the names of the scopes; empty unless {@link #reason()} is {@link Reason#NOT_ALLOWED}
   */
  public List<String> disallowedScopes() {
    return disallowedScopes;
  }

  /**
   * Returns every scope the scope string named more than once, each once, in the order they were
   * first repeated.
   *
   * @return the names; empty unless {@link #reason()} is {@link Reason#DUPLICATE_SCOPE}
   */
  public List<String> duplicateScopes() {
    return duplicateScopes;
  }
}
