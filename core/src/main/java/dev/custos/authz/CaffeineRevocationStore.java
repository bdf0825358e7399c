package dev.custos.authz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-process revocation store, the default: token ids until their {@code exp}, customer cutoffs
 * until the last token they can reach expires, each entry removed at its own deadline on the
 * authorizer's clock. Never evicts for size: at its bound a new revocation is refused.
 */
final class CaffeineRevocationStore implements RevocationStore {
  /** A deadline-carrying value: a revoked token's exp, or a cutoff and when it may go. */
  private record Entry(long value, long keepUntilMillis) {}

  private final Cache<String, Entry> tokens;
  private final Cache<String, Entry> customers;
  private final long max;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  CaffeineRevocationStore(long max, Clock clock) {
    this.tokens = cache(clock);
    this.customers = cache(clock);
    this.max = max;
  }

  private static Cache<String, Entry> cache(Clock clock) {
    return Caffeine.newBuilder()
        .ticker(() -> clock.millis() * 1_000_000L)
        .expireAfter(
            Expiry.<String, Entry>writing(
                (key, e) -> Duration.ofMillis(Math.max(0, e.keepUntilMillis() - clock.millis()))))
        .scheduler(Scheduler.systemScheduler())
        .build();
  }

  @Override
  public void revokeToken(String tokenId, long keepUntilMillis) {
    requireRoom(tokens, tokenId);
    tokens
        .asMap()
        .merge(
            tokenId, new Entry(keepUntilMillis, keepUntilMillis), CaffeineRevocationStore::later);
    listeners.forEach(Runnable::run);
  }

  @Override
  public boolean revokeTokenOnce(String tokenId, long keepUntilMillis) {
    requireRoom(tokens, tokenId);
    boolean first =
        tokens.asMap().putIfAbsent(tokenId, new Entry(keepUntilMillis, keepUntilMillis)) == null;
    if (first) {
      listeners.forEach(Runnable::run);
    }
    return first;
  }

  @Override
  public void revokeCustomerTokens(
      String customerId, long issuedBeforeMillis, long keepUntilMillis) {
    requireRoom(customers, customerId);
    customers
        .asMap()
        .merge(
            customerId,
            new Entry(issuedBeforeMillis, keepUntilMillis),
            CaffeineRevocationStore::later);
    listeners.forEach(Runnable::run);
  }

  private static Entry later(Entry a, Entry b) {
    return new Entry(
        Math.max(a.value(), b.value()), Math.max(a.keepUntilMillis(), b.keepUntilMillis()));
  }

  @Override
  public boolean isRevoked(String tokenId, String customerId, long issuedAtMillis) {
    if (tokens.getIfPresent(tokenId) != null) {
      return true;
    }
    Entry cutoff = customerId == null ? null : customers.getIfPresent(customerId);
    return cutoff != null && issuedAtMillis < cutoff.value();
  }

  @Override
  public void onRevocation(Runnable listener) {
    listeners.add(listener);
  }

  private void requireRoom(Cache<String, Entry> cache, String key) {
    if (cache.estimatedSize() < max || cache.getIfPresent(key) != null) {
      return;
    }
    cache.cleanUp();
    if (cache.estimatedSize() >= max) {
      throw new RevocationStoreException(
          RevocationStoreException.Reason.FULL,
          "the revocation store holds " + max + " entries; none is dropped before its deadline",
          null);
    }
  }
}
