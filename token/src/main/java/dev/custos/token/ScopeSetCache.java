package dev.custos.token;

import dev.custos.scopes.InvalidScopeException;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.ScopeSet;
import dev.custos.scopes.TokenRole;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scope sets of verified tokens, one instance per distinct scope string and role. A platform
 * mints few distinct combinations, so tokens share their sets: parsing is skipped after the first,
 * and the per-request scope check reads one set that stays in the CPU's cache instead of one per
 * token. Only strings from verified (signed) tokens arrive here, and only those that parse are
 * kept, at most {@value #MAX_ENTRIES} per role; beyond that they are parsed each time.
 */
final class ScopeSetCache {
  static final int MAX_ENTRIES = 256;

  private final ScopeCatalog catalog;
  private final ConcurrentHashMap<String, ScopeSet> customer = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ScopeSet> org = new ConcurrentHashMap<>();

  private final ScopeSet none;

  ScopeSetCache(ScopeCatalog catalog) {
    this.catalog = catalog;
    ScopeSet all = catalog.allowedIn(TokenRole.CUSTOMER);
    this.none = all.minus(all);
  }

  /**
   * The set a token of {@code role} holds for {@code scopes}.
   *
   * @throws InvalidScopeException if the string does not parse or names a scope the role may not
   *     hold
   */
  ScopeSet allowed(TokenRole role, String scopes) {
    ConcurrentHashMap<String, ScopeSet> known = role == TokenRole.CUSTOMER ? customer : org;
    ScopeSet set = known.get(scopes);
    if (set == null) {
      set = catalog.requireAllowed(role, catalog.parse(scopes));
      if (known.size() < MAX_ENTRIES) {
        known.putIfAbsent(scopes, set);
      }
    }
    return set;
  }

  /** The empty set of the catalog. */
  ScopeSet none() {
    return none;
  }
}
