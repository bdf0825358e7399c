package dev.custos.scopes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every scope a platform's tokens may hold, and the strict parser of scope strings.
 *
 * <p>{@link #unit()} is the built-in catalog: the 48 scopes of Unit's API, with the token roles
 * that may hold each and the scopes a customer token may hold only after two-factor verification. A
 * platform with scopes of its own builds a catalog with {@link #builder()}.
 *
 * <p>A scope string is "a list of scopes separated by spaces". {@link #parse(String)} accepts
 * exactly that and nothing looser; see its documentation for the grammar.
 *
 * <p>A catalog is immutable and safe to share between threads; keep one per platform, since {@link
 * ScopeSet}s of different catalogs never mix.
 */
public final class ScopeCatalog {
  /**
   * The longest scope string {@link #parse(String)} reads, in characters: longer input is rejected
   * before it is scanned, so hostile input costs little. The longest canonical string of the
   * built-in catalog is well under half of it.
   */
  public static final int MAX_SCOPE_STRING_LENGTH = 4096;

  /** The longest scope name a catalog accepts, in characters. */
  public static final int MAX_SCOPE_NAME_LENGTH = 64;

  private final List<Scope> scopes;
  private final Map<String, Scope> byName;
  private final long[] twoFactorWords;
  private final Map<TokenRole, ScopeSet> allowedIn;
  private final ScopeSet empty;

  private ScopeCatalog(List<Scope> scopes) {
    this.scopes = List.copyOf(scopes);
    Map<String, Scope> names = new HashMap<>();
    for (Scope scope : scopes) {
      names.put(scope.name(), scope);
    }
    this.byName = Map.copyOf(names);
    this.twoFactorWords = wordsOf(scopes, Scope::requiresTwoFactor);
    this.empty = new ScopeSet(this, new long[wordCount()]);
    Map<TokenRole, ScopeSet> roles = new EnumMap<>(TokenRole.class);
    for (TokenRole role : TokenRole.values()) {
      roles.put(role, new ScopeSet(this, wordsOf(scopes, scope -> scope.allowedIn(role))));
    }
    this.allowedIn = roles;
  }

  /**
   * Returns the built-in catalog of Unit's 48 scopes.
   *
   * <p>A customer token needs two-factor verification for every write scope it may hold except
   * {@code customer-token-write} (used only to upgrade a token, which performs its own
   * verification), and for {@code cards-sensitive}. {@code cards-sensitive} and {@code
   * cards-sensitive-write} are for customer tokens only; administrative scopes such as {@code
   * webhooks} and {@code applications} are for org tokens only.
   *
   * @return the same catalog instance on every call
   */
  public static ScopeCatalog unit() {
    return UnitHolder.CATALOG;
  }

  /**
   * Returns a builder for a catalog of a platform's own scopes.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns every scope of the catalog, in catalog order (the order they were added in).
   *
   * @return an immutable list of the scopes
   */
  public List<Scope> scopes() {
    return scopes;
  }

  /**
   * Looks a scope up by name.
   *
   * @param name a scope name; matched exactly (case-sensitive, no trimming)
   * @return the scope, or empty if the catalog has no scope of that name
   * @throws NullPointerException if {@code name} is null
   */
  public Optional<Scope> find(String name) {
    return Optional.ofNullable(byName.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * Parses a scope string into a set of this catalog's scopes.
   *
   * <p>The grammar is strict. The string holds scope names separated by one or more ASCII spaces
   * (U+0020); leading and trailing spaces are ignored, and the order of the names does not matter;
   * each name may appear once. Nothing else is accepted: no tabs, line breaks, commas, upper case
   * or non-ASCII characters, and no name the catalog does not have.
   *
   * @param scopeString a space-separated list of scope names, at most {@value
   *     #MAX_SCOPE_STRING_LENGTH} characters
   * @return a non-empty set of the named scopes
   * @throws InvalidScopeException with reason {@link InvalidScopeException.Reason#EMPTY EMPTY} if
   *     {@code scopeString} is null, empty or only spaces; {@link
   *     InvalidScopeException.Reason#TOO_LONG TOO_LONG} if it is longer than {@value
   *     #MAX_SCOPE_STRING_LENGTH} characters; {@link InvalidScopeException.Reason#MALFORMED
   *     MALFORMED} if it holds a character other than {@code [a-z0-9-]} and the space; {@link
   *     InvalidScopeException.Reason#UNKNOWN_SCOPE UNKNOWN_SCOPE}, listing every unknown name, if
   *     it names scopes the catalog does not have; {@link
   *     InvalidScopeException.Reason#DUPLICATE_SCOPE DUPLICATE_SCOPE}, listing them, if it names a
   *     scope more than once
   */
  public ScopeSet parse(String scopeString) {
    if (scopeString == null) {
      throw InvalidScopeException.empty("scope string is missing");
    }
    int length = scopeString.length();
    if (length > MAX_SCOPE_STRING_LENGTH) {
      throw InvalidScopeException.tooLong(length);
    }
    long[] words = new long[wordCount()];
    Set<String> unknown = null;
    Set<String> duplicates = null;
    int i = 0;
    while (i < length) {
      if (scopeString.charAt(i) == ' ') {
        i++;
        continue;
      }
      int start = i;
      do {
        char c = scopeString.charAt(i);
        if (!isNameChar(c)) {
          throw InvalidScopeException.malformed(i, scopeString.codePointAt(i));
        }
        i++;
      } while (i < length && scopeString.charAt(i) != ' ');
      String name = scopeString.substring(start, i);
      Scope scope = byName.get(name);
      if (scope != null) {
        long bit = 1L << scope.index;
        if ((words[scope.index >>> 6] & bit) != 0) {
          if (duplicates == null) {
            duplicates = new LinkedHashSet<>();
          }
          duplicates.add(name);
        }
        words[scope.index >>> 6] |= bit;
      } else {
        if (unknown == null) {
          unknown = new LinkedHashSet<>();
        }
        unknown.add(name);
      }
    }
    if (unknown != null) {
      throw InvalidScopeException.unknown(List.copyOf(unknown));
    }
    if (duplicates != null) {
      throw InvalidScopeException.duplicate(List.copyOf(duplicates));
    }
    ScopeSet set = new ScopeSet(this, words);
    if (set.isEmpty()) {
      throw InvalidScopeException.empty(
          length == 0 ? "scope string is empty" : "scope string holds only spaces");
    }
    return set;
  }

  /**
   * Returns {@code scopes} if a token of the given role may hold every one of them.
   *
   * <p>Run this check before minting: for example a customer token may not hold {@code webhooks},
   * and an org token may not hold {@code cards-sensitive}.
   *
   * @param role the role of the token that would hold the scopes
   * @param scopes scopes of this catalog
   * @return {@code scopes}, unchanged
   * @throws InvalidScopeException with reason {@link InvalidScopeException.Reason#NOT_ALLOWED
   *     NOT_ALLOWED}, listing every scope the role may not hold
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code scopes} belongs to another catalog
   */
  public ScopeSet requireAllowed(TokenRole role, ScopeSet scopes) {
    ScopeSet disallowed = scopes.minus(allowedIn(role));
    if (!disallowed.isEmpty()) {
      throw InvalidScopeException.notAllowed(role, disallowed.names());
    }
    return scopes;
  }

  /**
   * Returns every scope that a token of the given role may hold.
   *
   * @param role a token role
   * @return the set of scopes allowed in that role's tokens
   * @throws NullPointerException if {@code role} is null
   */
  public ScopeSet allowedIn(TokenRole role) {
    return allowedIn.get(Objects.requireNonNull(role, "role"));
  }

  /**
   * Returns the set of the given scopes.
   *
   * @param scopes scopes of this catalog, in any order, possibly repeated; none for the empty set
   * @return a set holding exactly those scopes
   * @throws NullPointerException if {@code scopes} or any of its elements is null
   * @throws IllegalArgumentException if a scope belongs to another catalog
   */
  public ScopeSet setOf(Scope... scopes) {
    long[] words = new long[wordCount()];
    for (Scope scope : scopes) {
      checkOwns(scope);
      words[scope.index >>> 6] |= 1L << scope.index;
    }
    return new ScopeSet(this, words);
  }

  /**
   * Returns the empty set of this catalog.
   *
   * @return a set holding no scope
   */
  public ScopeSet emptySet() {
    return empty;
  }

  /**
   * Returns a short description of the catalog, without its scope names.
   *
   * @return a string such as {@code ScopeCatalog[48 scopes]}
   */
  @Override
  public String toString() {
    return "ScopeCatalog[" + scopes.size() + " scopes]";
  }

  int indexOf(String name) {
    Scope scope = byName.get(name);
    return scope == null ? -1 : scope.index;
  }

  Scope scopeAt(int index) {
    return scopes.get(index);
  }

  long[] twoFactorWords() {
    return twoFactorWords;
  }

  void checkOwns(Scope scope) {
    Objects.requireNonNull(scope, "scope");
    if (scope.index >= scopes.size() || scopes.get(scope.index) != scope) {
      throw new IllegalArgumentException("scope " + scope.name() + " belongs to another catalog");
    }
  }

  private int wordCount() {
    return (scopes.size() + 63) >>> 6;
  }

  private long[] wordsOf(List<Scope> scopes, Predicate<Scope> member) {
    long[] words = new long[wordCount()];
    for (Scope scope : scopes) {
      if (member.test(scope)) {
        words[scope.index >>> 6] |= 1L << scope.index;
      }
    }
    return words;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  /** Defers building the built-in catalog until it is first asked for. */
  private static final class UnitHolder {
    static final ScopeCatalog CATALOG = UnitScopes.catalog();
  }

  /**
   * Builds a {@link ScopeCatalog} of a platform's own scopes.
   *
   * <p>Each {@code add} call validates its scope at once, so a mistake is reported at the line that
   * made it. Catalog order is the order of the calls.
   *
   * <pre>{@code
   * ScopeCatalog catalog =
   *     ScopeCatalog.builder()
   *         .add("accounts", "Accounts", Access.READ, TokenRole.ORG, TokenRole.CUSTOMER)
   *         .addTwoFactor("payments-write", "Payments", Access.WRITE, TokenRole.ORG, TokenRole.CUSTOMER)
   *         .build();
   * }</pre>
   *
   * <p>A builder is not thread-safe; the catalogs it builds are.
   */
  public static final class Builder {
    private final List<Scope> scopes = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private Builder() {}

    /**
     * Adds a scope that does not require two-factor authentication.
     *
     * @param name the scope's name: one or more of {@code [a-z0-9-]}, at most {@value
     *     ScopeCatalog#MAX_SCOPE_NAME_LENGTH} characters, not yet in this builder
     * @param description what the scope reaches, for people; not blank
     * @param access whether the scope grants reading or writing
     * @param allowedIn the token roles that may hold the scope; at least one
     * @return this builder
     * @throws NullPointerException if an argument or role is null
     * @throws IllegalArgumentException if the name is invalid or already added, the description is
     *     blank, or no role is given
     */
    public Builder add(String name, String description, Access access, TokenRole... allowedIn) {
      return add(name, description, access, allowedIn, false);
    }

    /**
     * Adds a scope that a customer token may hold only after two-factor verification.
     *
     * @param name the scope's name: one or more of {@code [a-z0-9-]}, at most {@value
     *     ScopeCatalog#MAX_SCOPE_NAME_LENGTH} characters, not yet in this builder
     * @param description what the scope reaches, for people; not blank
     * @param access whether the scope grants reading or writing
     * @param allowedIn the token roles that may hold the scope; must include {@link
     *     TokenRole#CUSTOMER}, since two-factor verification is a condition on customer tokens
     * @return this builder
     * @throws NullPointerException if an argument or role is null
     * @throws IllegalArgumentException if the name is invalid or already added, the description is
     *     blank, or the roles do not include {@link TokenRole#CUSTOMER}
     */
    public Builder addTwoFactor(
        String name, String description, Access access, TokenRole... allowedIn) {
      return add(name, description, access, allowedIn, true);
    }

    /**
     * Builds the catalog.
     *
     * @return a new catalog of the scopes added so far
     * @throws IllegalStateException if no scope was added
     */
    public ScopeCatalog build() {
      if (scopes.isEmpty()) {
        throw new IllegalStateException("a scope catalog needs at least one scope");
      }
      return new ScopeCatalog(scopes);
    }

    private Builder add(
        String name,
        String description,
        Access access,
        TokenRole[] allowedIn,
        boolean requiresTwoFactor) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(access, "access");
      Objects.requireNonNull(allowedIn, "allowedIn");
      checkName(name);
      if (names.contains(name)) {
        throw new IllegalArgumentException("scope " + name + " is already in the catalog");
      }
      if (description.isBlank()) {
        throw new IllegalArgumentException("scope " + name + " needs a description");
      }
      Set<TokenRole> roles = EnumSet.noneOf(TokenRole.class);
      for (TokenRole role : allowedIn) {
        roles.add(Objects.requireNonNull(role, "allowedIn holds null"));
      }
      if (roles.isEmpty()) {
        throw new IllegalArgumentException(
            "scope " + name + " must be allowed in at least one token role");
      }
      if (requiresTwoFactor && !roles.contains(TokenRole.CUSTOMER)) {
        throw new IllegalArgumentException(
            "scope "
                + name
                + " requires two-factor authentication, which applies to customer tokens only,"
                + " but customer tokens may not hold it");
      }
      scopes.add(
          new Scope(
              scopes.size(),
              name,
              description,
              access,
              roles.contains(TokenRole.ORG),
              roles.contains(TokenRole.CUSTOMER),
              requiresTwoFactor));
      names.add(name);
      return this;
    }

    private static void checkName(String name) {
      if (name.isEmpty() || name.length() > MAX_SCOPE_NAME_LENGTH) {
        throw new IllegalArgumentException(
            "scope name must be 1 to " + MAX_SCOPE_NAME_LENGTH + " characters long");
      }
      for (int i = 0; i < name.length(); i++) {
        if (!isNameChar(name.charAt(i))) {
          throw new IllegalArgumentException(
              String.format(
                  "scope name has character U+%04X at index %d; only a-z, 0-9 and '-' are allowed",
                  name.codePointAt(i), i));
        }
      }
    }
  }
}
