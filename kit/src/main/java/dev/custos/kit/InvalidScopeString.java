package dev.custos.kit;

import dev.custos.scopes.InvalidScopeException;
import java.util.Objects;

/**
 * A scope string Custos must refuse, and why: each {@link Kind} names the mistake and the reason
 * the catalog gives for it ({@code ScopeCatalog.parse} throws {@link InvalidScopeException} with
 * {@link #expectedReason()}; at HTTP it is a 400 at {@code /data/attributes/scope}). Immutable.
 */
public final class InvalidScopeString {
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

  private final Kind kind;
  private final String value;

  InvalidScopeString(Kind kind, String value) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * Returns what is wrong with it.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the string.
   *
   * @return the scope string to send
   */
  public String value() {
    return value;
  }

  /**
   * Returns the reason Custos gives for it.
   *
   * @return {@code kind().reason()}
   */
  public InvalidScopeException.Reason expectedReason() {
    return kind.reason();
  }

  @Override
  public String toString() {
    String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
    return kind + " \"" + shown.replace("\t", "\\t").replace("\n", "\\n") + "\"";
  }
}
