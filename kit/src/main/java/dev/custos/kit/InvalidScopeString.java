package dev.custos.kit;

import dev.custos.scopes.InvalidScopeException;

/**
 * A scope string Custos must refuse, and why: each {@link Kind} names the mistake and the reason
 * the catalog gives for it ({@code ScopeCatalog.parse} throws {@link InvalidScopeException} with
 * {@link #expectedReason()}; at HTTP it is a 400 at {@code /data/attributes/scope}). Immutable.
 */
public final class InvalidScopeString extends InvalidValue<InvalidScopeString.Kind> {
  /** What is wrong with the string. */
  public enum Kind {
    /** A well-formed name the catalog does not have, among known ones. */
    UNKNOWN_SCOPE(InvalidScopeException.Reason.UNKNOWN_SCOPE),
    /** Names separated by something other than spaces: a tab, a comma, a line break, a plus. */
    BAD_SEPARATOR(InvalidScopeException.Reason.MALFORMED),
    /** A known name in upper case, or with an upper-case letter. */
    UPPER_CASE(InvalidScopeException.Reason.MALFORMED),
    /** A known name with a letter swapped for a non-ASCII look-alike (Cyrillic, Greek). */
    NON_ASCII_LOOK_ALIKE(InvalidScopeException.Reason.MALFORMED),
    /** A known name given twice. */
    DUPLICATE(InvalidScopeException.Reason.DUPLICATE_SCOPE),
    /** Nothing, or only spaces. */
    EMPTY(InvalidScopeException.Reason.EMPTY),
    /** Longer than {@code ScopeCatalog.MAX_SCOPE_STRING_LENGTH}. */
    OVER_LONG(InvalidScopeException.Reason.TOO_LONG);

    private final InvalidScopeException.Reason reason;

    Kind(InvalidScopeException.Reason reason) {
      this.reason = reason;
    }

    /**
     * Returns the reason Custos gives for this kind.
     *
     * @return the reason
     */
    public InvalidScopeException.Reason reason() {
      return reason;
    }
  }

  InvalidScopeString(Kind kind, String value) {
    super(kind, value);
  }

  /**
   * Returns the reason Custos gives for it.
   *
   * @return {@code kind().reason()}
   */
  public InvalidScopeException.Reason expectedReason() {
    return kind().reason();
  }
}
