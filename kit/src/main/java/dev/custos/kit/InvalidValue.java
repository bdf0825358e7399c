package dev.custos.kit;

import java.util.Objects;

/**
 * A string input Custos must refuse, and what is wrong with it: the common shape of {@link
 * InvalidScopeString}, {@link InvalidCustomerId} and {@link InvalidLanguage}. Immutable; {@link
 * #toString()} shows the kind and the start of the value, for a failure's description.
 *
 * @param <K> the kinds of mistake
 */
public abstract sealed class InvalidValue<K extends Enum<K>>
    permits InvalidScopeString, InvalidCustomerId, InvalidLanguage {
  private static final int SHOWN = 40;

  private final K kind;
  private final String value;

  InvalidValue(K kind, String value) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * Returns what is wrong with it.
   *
   * @return the kind
   */
  public final K kind() {
    return kind;
  }

  /**
   * Returns the value to send.
   *
   * @return the string, as the test sends it
   */
  public final String value() {
    return value;
  }

  @Override
  public final String toString() {
    String shown = value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
    StringBuilder s = new StringBuilder().append(kind).append(" \"");
    shown
        .codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f) {
                s.append(String.format("\\u%04x", c));
              } else {
                s.appendCodePoint(c);
              }
            });
    return s.append('"').toString();
  }
}
