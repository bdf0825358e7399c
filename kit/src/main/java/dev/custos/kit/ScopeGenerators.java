package dev.custos.kit;

import dev.custos.kit.InvalidScopeString.Kind;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.ScopeSet;
import dev.custos.scopes.TokenRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Generators of scopes and scope strings for a catalog: sets a token of a role may hold (all, only
 * those that need two-factor verification, only those that do not), valid scope strings in every
 * form the grammar allows, and invalid ones of every {@link InvalidScopeString.Kind}.
 */
public final class ScopeGenerators {
  private static final String[] SEPARATORS = {"\t", ",", "\n", "+", ";", "\u00a0"};
  private static final char[][] LOOK_ALIKES = {
    {'a', '\u0430'},
    {'c', '\u0441'},
    {'e', '\u0435'},
    {'o', '\u043e'},
    {'p', '\u0440'},
    {'s', '\u0455'},
    {'i', '\u0456'},
    {'t', '\u03c4'}
  };

  private ScopeGenerators() {}

  /**
   * Returns non-empty sets of the scopes a token of a role may hold.
   *
   * @param catalog the catalog
   * @param role the role of the token
   * @return the generator
   */
  public static Generator<ScopeSet> scopes(ScopeCatalog catalog, TokenRole role) {
    return subsets(catalog, role, scope -> true);
  }

  /**
   * Returns non-empty sets of scopes that need two-factor verification in a customer token.
   *
   * @param catalog the catalog
   * @return the generator
   */
  public static Generator<ScopeSet> twoFactorScopes(ScopeCatalog catalog) {
    return subsets(catalog, TokenRole.CUSTOMER, Scope::requiresTwoFactor);
  }

  /**
   * Returns non-empty sets of customer-token scopes none of which needs two-factor verification.
   *
   * @param catalog the catalog
   * @return the generator
   */
  public static Generator<ScopeSet> scopesWithoutTwoFactor(ScopeCatalog catalog) {
    return subsets(catalog, TokenRole.CUSTOMER, scope -> !scope.requiresTwoFactor());
  }

  /**
   * Returns valid scope strings of a role's scopes, in every form the grammar allows: any order,
   * one or more spaces between names, spaces before and after.
   *
   * @param catalog the catalog
   * @param role the role of the token
   * @return the generator
   */
  public static Generator<String> scopeStrings(ScopeCatalog catalog, TokenRole role) {
    Generator<ScopeSet> sets = scopes(catalog, role);
    return random -> {
      List<String> names = new ArrayList<>(sets.next(random).names());
      Collections.shuffle(names, new java.util.Random(random.nextLong()));
      StringBuilder s = new StringBuilder(" ".repeat(random.nextInt(3)));
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          s.append(" ".repeat(1 + random.nextInt(2)));
        }
        s.append(names.get(i));
      }
      return s.append(" ".repeat(random.nextInt(3))).toString();
    };
  }

  /**
   * Returns invalid scope strings, every {@link InvalidScopeString.Kind} as likely.
   *
   * @param catalog the catalog whose names the strings are near
   * @return the generator
   */
  public static Generator<InvalidScopeString> invalidScopeStrings(ScopeCatalog catalog) {
    Kind[] kinds = Kind.values();
    return random -> invalidScopeString(catalog, kinds[random.nextInt(kinds.length)], random);
  }

  /**
   * Returns invalid scope strings of one kind.
   *
   * @param catalog the catalog whose names the strings are near
   * @param kind the kind
   * @return the generator
   */
  public static Generator<InvalidScopeString> invalidScopeStrings(
      ScopeCatalog catalog, InvalidScopeString.Kind kind) {
    Objects.requireNonNull(kind, "kind");
    return random -> invalidScopeString(catalog, kind, random);
  }

  private static InvalidScopeString invalidScopeString(
      ScopeCatalog catalog, Kind kind, RandomGenerator random) {
    List<Scope> all = catalog.scopes();
    String known = all.get(random.nextInt(all.size())).name();
    String other = all.get(random.nextInt(all.size())).name();
    String value =
        switch (kind) {
          case UNKNOWN_SCOPE -> known + " " + unknownName(catalog, random);
          case BAD_SEPARATOR -> known + SEPARATORS[random.nextInt(SEPARATORS.length)] + other;
          case UPPER_CASE -> upperCased(known, random) + " " + other;
          case NON_ASCII_LOOK_ALIKE -> lookAlike(catalog, random);
          case DUPLICATE -> known + " " + other + " " + known;
          case EMPTY -> " ".repeat(random.nextInt(4));
          case OVER_LONG -> overLong(known, random);
        };
    return new InvalidScopeString(kind, value);
  }

  private static Generator<ScopeSet> subsets(
      ScopeCatalog catalog, TokenRole role, Predicate<Scope> which) {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(role, "role");
    List<Scope> pool = new ArrayList<>();
    for (Scope scope : catalog.allowedIn(role)) {
      if (which.test(scope)) {
        pool.add(scope);
      }
    }
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("the catalog has no such scope for " + role);
    }
    return random -> {
      int size = 1 + random.nextInt(Math.min(pool.size(), 6));
      List<Scope> shuffled = new ArrayList<>(pool);
      Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
      StringBuilder names = new StringBuilder();
      for (Scope scope : shuffled.subList(0, size)) {
        names.append(scope.name()).append(' ');
      }
      return catalog.parse(names.toString());
    };
  }

  private static String unknownName(ScopeCatalog catalog, RandomGenerator random) {
    while (true) {
      StringBuilder name = new StringBuilder();
      int length = 3 + random.nextInt(12);
      for (int i = 0; i < length; i++) {
        name.append((char) ('a' + random.nextInt(26)));
      }
      if (catalog.find(name.toString()).isEmpty()) {
        return name.toString();
      }
    }
  }

  private static String upperCased(String name, RandomGenerator random) {
    char[] chars = name.toCharArray();
    int letters = 0;
    for (char c : chars) {
      letters += Character.isLowerCase(c) ? 1 : 0;
    }
    int which = random.nextInt(Math.max(letters, 1));
    for (int i = 0, seen = 0; i < chars.length; i++) {
      if (Character.isLowerCase(chars[i]) && seen++ == which) {
        chars[i] = Character.toUpperCase(chars[i]);
      }
    }
    return new String(chars);
  }

  private static String lookAlike(ScopeCatalog catalog, RandomGenerator random) {
    while (true) {
      List<Scope> all = catalog.scopes();
      char[] name = all.get(random.nextInt(all.size())).name().toCharArray();
      List<Integer> swappable = new ArrayList<>();
      for (int i = 0; i < name.length; i++) {
        for (char[] pair : LOOK_ALIKES) {
          if (name[i] == pair[0]) {
            swappable.add(i);
          }
        }
      }
      if (swappable.isEmpty()) {
        continue;
      }
      int at = swappable.get(random.nextInt(swappable.size()));
      for (char[] pair : LOOK_ALIKES) {
        if (name[at] == pair[0]) {
          name[at] = pair[1];
          break;
        }
      }
      return new String(name);
    }
  }

  private static String overLong(String known, RandomGenerator random) {
    StringBuilder s = new StringBuilder();
    while (s.length() <= ScopeCatalog.MAX_SCOPE_STRING_LENGTH) {
      s.append(known).append(' ');
    }
    return s.append(" ".repeat(random.nextInt(8))).toString();
  }
}
