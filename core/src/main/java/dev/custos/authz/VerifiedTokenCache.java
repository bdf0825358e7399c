package dev.custos.authz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.custos.authz.AuthorizationListener.Denial;
import dev.custos.error.ApiError;
import dev.custos.error.ApiException;
import dev.custos.token.TokenVerificationException;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verified tokens by their canonical {@code Authorization} header, each stamped with the revocation
 * epoch it was last checked at. Bounded by size only: the authorizer refuses an entry at or after
 * its {@code exp} on every hit, so a per-entry expiry would only add a timer check to each read of
 * the hot path. Any revocation anywhere moves the epoch, which sends every entry back through the
 * revocation store on its next use.
 */
final class VerifiedTokenCache {
  /** A verified token, its expiry in epoch milliseconds, and the epoch it was checked at. */
  static final class Entry {
    final VerifiedToken token;
    final long expiresAtMillis;
    final long epoch;
    final SourceIps sourceIps;

    Entry(VerifiedToken token, long epoch, SourceIps sourceIps) {
      this.token = token;
      this.expiresAtMillis = token.expiresAt().toEpochMilli();
      this.epoch = epoch;
      this.sourceIps = sourceIps;
    }
  }

  private final Cache<String, Entry> entries;
  private final AtomicLong epoch = new AtomicLong();
  private final TokenVerifier verifier;
  private final Clock clock;
  private final Refusals refusals;
  private final RevocationStore revocations;

  VerifiedTokenCache(
      long size, TokenVerifier verifier, Refusals refusals, RevocationStore revocations) {
    this.entries = Caffeine.newBuilder().maximumSize(size).build();
    this.verifier = verifier;
    this.clock = verifier.clock();
    this.refusals = refusals;
    this.revocations = revocations;
    // Any revocation, here or on another instance sharing the store, moves the epoch.
    revocations.onRevocation(epoch::incrementAndGet);
  }

  /**
   * The verified token of a header: from the cache, or verified and checked now.
   *
   * <p>The hit is this method alone (one lookup, one clock read, two comparisons), small enough for
   * the JIT to inline into every caller; everything else is in {@link #miss}. Kept apart, the hit
   * compiles the same whatever the misses did before it: with both in one method, the compiled hit
   * carried the header parsing and verification the misses had made hot, and its speed depended on
   * when the JIT had last recompiled it (issue 25).
   */
  Entry lookup(String authorizationHeader) throws ApiException {
    // Only canonical headers ("Bearer " and the token) that passed every check are ever stored, so
    // a hit on the header as sent proves it canonical: no scan, no copy.
    Entry cached =
        authorizationHeader == null || authorizationHeader.length() > BearerHeader.MAX_LENGTH
            ? null
            : entries.getIfPresent(authorizationHeader);
    if (cached != null && clock.millis() < cached.expiresAtMillis && cached.epoch == epoch.get()) {
      return cached;
    }
    return miss(authorizationHeader);
  }

  /**
   * Everything but a fresh hit: another spelling of the header (RFC 6750 allows "bearer" and
   * several spaces; they share the canonical header's entry), an entry checked before the latest
   * revocation, an expired one, or a token not seen yet.
   */
  private Entry miss(String authorizationHeader) throws ApiException {
    // Read before any check: a revocation during this one moves the epoch past the stamp.
    long currentEpoch = epoch.get();
    long now = clock.millis();
    String key = BearerHeader.canonical(authorizationHeader, refusals);
    Entry cached = entries.getIfPresent(key);
    if (cached != null) {
      if (now < cached.expiresAtMillis) {
        if (cached.epoch == currentEpoch) {
          return cached;
        }
        requireNotRevoked(key, cached.token);
        return put(key, cached.token, currentEpoch, cached.sourceIps);
      }
      entries.invalidate(key);
    }
    VerifiedToken fresh;
    try {
      fresh = verifier.verify(key.substring(BearerHeader.BEARER.length()));
    } catch (TokenVerificationException e) {
      throw refusals.unverified(e);
    }
    SourceIps sourceIps;
    try {
      sourceIps = fresh.sourceIp().map(SourceIps::parse).orElse(null);
    } catch (IllegalArgumentException e) {
      throw refusals.deny(
          Denial.INVALID_TOKEN, Refusals.invalidToken("the token's sourceIp is malformed"));
    }
    requireNotRevoked(key, fresh);
    return put(key, fresh, currentEpoch, sourceIps);
  }

  private Entry put(String header, VerifiedToken token, long checkedAtEpoch, SourceIps sourceIps) {
    Entry entry = new Entry(token, checkedAtEpoch, sourceIps);
    entries.put(header, entry);
    return entry;
  }

  private void requireNotRevoked(String header, VerifiedToken verifiedToken) throws ApiException {
    boolean revoked;
    try {
      revoked =
          revocations.isRevoked(
              verifiedToken.tokenId(),
              verifiedToken.customerId().orElse(null),
              verifiedToken.issuedAt().toEpochMilli());
    } catch (RevocationStoreException e) {
      entries.invalidate(header);
      throw refusals.deny(
          Denial.STATE_UNAVAILABLE,
          new ApiException(
              ApiError.stateUnavailable("revocations cannot be checked now; try again later")));
    }
    if (revoked) {
      entries.invalidate(header);
      throw refusals.deny(
          Denial.REVOKED_TOKEN, Refusals.invalidToken("the token has been revoked"));
    }
  }
}
