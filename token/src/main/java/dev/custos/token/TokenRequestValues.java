package dev.custos.token;

import dev.custos.scopes.ScopeSet;
import dev.custos.scopes.TokenRole;
import java.time.Duration;
import java.time.Instant;

/**
 * What a {@link TokenRequest} holds, in one place: a request keeps one of these and never changes
 * it; each of its {@code with}-style methods changes a {@link #copy()}.
 */
final class TokenRequestValues {
  TokenRole role;
  String customerId;
  ScopeSet scopes;
  Duration lifetime;
  boolean twoFactorVerified;
  TwoFactorMethod twoFactorMethod;
  Instant twoFactorAt;
  Instant notBefore;
  ScopeSet upgradableScopes;
  Resources resources;
  String tokenId;
  String sourceIp;
  String authorizedUser;
  byte[] transaction;

  /** Scopes a token of this role may hold: at least one, each allowed in the role. */
  static ScopeSet checkedScopes(TokenRole role, ScopeSet scopes) {
    java.util.Objects.requireNonNull(scopes, "scopes");
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("a token needs at least one scope");
    }
    return scopes.catalog().requireAllowed(role, scopes);
  }

  TokenRequestValues copy() {
    TokenRequestValues v = new TokenRequestValues();
    v.role = role;
    v.customerId = customerId;
    v.scopes = scopes;
    v.lifetime = lifetime;
    v.twoFactorVerified = twoFactorVerified;
    v.twoFactorMethod = twoFactorMethod;
    v.twoFactorAt = twoFactorAt;
    v.notBefore = notBefore;
    v.upgradableScopes = upgradableScopes;
    v.resources = resources;
    v.tokenId = tokenId;
    v.sourceIp = sourceIp;
    v.authorizedUser = authorizedUser;
    v.transaction = transaction;
    return v;
  }
}
