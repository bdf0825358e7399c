package dev.custos.token;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The accounts and cards a token is limited to (Unit's {@code resources}), or no limit. An account
 * covers the cards, payments and transactions under it; the entries combine as a union.
 *
 * <p>Immutable and thread-safe; {@link #equals} compares the ids.
 */
public final class Resources {
  /** The most ids one token may list, accounts and cards together. */
  public static final int MAX_IDS = 1_000;

  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,19}");
  private static final Resources UNLIMITED = new Resources(Set.of(), Set.of(), false);

  private final Set<String> accounts;
  private final Set<String> cards;
  private final boolean limited;

  private Resources(Set<String> accounts, Set<String> cards, boolean limited) {
    this.accounts = accounts;
    this.cards = cards;
    this.limited = limited;
  }

  /**
   * Returns no limit: the token reaches every resource its scopes and customer allow.
   *
   * @return the unlimited value
   */
  public static Resources unlimited() {
    return UNLIMITED;
  }

  /**
   * Returns a limit to these accounts and cards.
   *
   * @param accountIds account ids, numeric strings without a leading zero
   * @param cardIds card ids, of the same form
   * @return the limit
   * @throws IllegalArgumentException if both are empty, an id is malformed, or there are more than
   *     {@value #MAX_IDS} ids
   * @throws NullPointerException if a collection or an id is null
   */
  public static Resources of(Collection<String> accountIds, Collection<String> cardIds) {
    Set<String> accounts = ids("account", accountIds);
    Set<String> cards = ids("card", cardIds);
    if (accounts.isEmpty() && cards.isEmpty()) {
      throw new IllegalArgumentException("resources list at least one account or card");
    }
    if (accounts.size() + cards.size() > MAX_IDS) {
      throw new IllegalArgumentException("resources list at most " + MAX_IDS + " ids");
    }
    return new Resources(Set.copyOf(accounts), Set.copyOf(cards), true);
  }

  /**
   * Returns whether {@code id} is an account or card id as Unit writes them: a number without a
   * leading zero, up to 20 digits, as a string.
   *
   * @param id the id
   * @return {@code true} if {@link #of} accepts it
   * @throws NullPointerException if {@code id} is null
   */
  public static boolean isId(String id) {
    return ID.matcher(id).matches();
  }

  private static Set<String> ids(String type, Collection<String> ids) {
    Objects.requireNonNull(ids, type + " ids");
    Set<String> sorted = new TreeSet<>();
    for (String id : ids) {
      if (!isId(Objects.requireNonNull(id, type + " id"))) {
        throw new IllegalArgumentException(
            (type.equals("account") ? "an " : "a ")
                + type
                + " id is a number without a leading zero, up to 20 digits");
      }
      sorted.add(id);
    }
    return sorted;
  }

  /**
   * Returns whether the token is limited to listed resources.
   *
   * @return {@code false} for {@link #unlimited()}
   */
  public boolean isLimited() {
    return limited;
  }

  /**
   * Returns the listed account ids.
   *
   * @return an immutable set; empty when unlimited
   */
  public Set<String> accountIds() {
    return accounts;
  }

  /**
   * Returns the listed card ids.
   *
   * @return an immutable set; empty when unlimited
   */
  public Set<String> cardIds() {
    return cards;
  }

  /**
   * Returns whether an account is reachable.
   *
   * @param accountId the account's id
   * @return {@code true} if unlimited or listed
   * @throws NullPointerException if {@code accountId} is null
   */
  public boolean allowsAccount(String accountId) {
    Objects.requireNonNull(accountId, "accountId");
    return !limited || accounts.contains(accountId);
  }

  /**
   * Returns whether a card is reachable: listed itself, or under a listed account.
   *
   * @param cardId the card's id
   * @param accountId the id of the account the card is under
   * @return {@code true} if unlimited, the card is listed, or its account is
   * @throws NullPointerException if an argument is null
   */
  public boolean allowsCard(String cardId, String accountId) {
    Objects.requireNonNull(cardId, "cardId");
    return !limited || cards.contains(cardId) || allowsAccount(accountId);
  }

  /**
   * Returns whether every resource of {@code other} is listed here too (as an account, or as a
   * card): a token limited to this may make one limited to {@code other} without widening.
   *
   * @param other another limit
   * @return {@code true} if this is unlimited, or {@code other} is limited to a subset of this
   * @throws NullPointerException if {@code other} is null
   */
  public boolean covers(Resources other) {
    Objects.requireNonNull(other, "other");
    if (!limited) {
      return true;
    }
    return other.limited && accounts.containsAll(other.accounts) && cards.containsAll(other.cards);
  }

  /** The claim's form: a list of {"type", "ids"} entries, accounts first. */
  /** Writes the claim: {@code [{"type":"account","ids":[…]},{"type":"card","ids":[…]}]}. */
  void writeClaim(JsonGenerator json) throws IOException {
    json.writeStartArray();
    entry(json, "account", accounts);
    entry(json, "card", cards);
    json.writeEndArray();
  }

  private static void entry(JsonGenerator json, String type, Set<String> ids) throws IOException {
    if (!ids.isEmpty()) {
      json.writeStartObject();
      json.writeStringField("type", type);
      json.writeArrayFieldStart("ids");
      for (String id : new TreeSet<>(ids)) {
        json.writeString(id);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof Resources other
        && other.limited == limited
        && other.accounts.equals(accounts)
        && other.cards.equals(cards);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limited, accounts, cards);
  }

  /**
   * Returns a description such as {@code Resources[accounts=[10001], cards=[7001]]}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return limited
        ? "Resources[accounts=" + new TreeSet<>(accounts) + ", cards=" + new TreeSet<>(cards) + "]"
        : "Resources[unlimited]";
  }
}
