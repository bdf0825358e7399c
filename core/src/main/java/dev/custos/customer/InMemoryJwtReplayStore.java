package dev.custos.customer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-process store of used JWT ids, the default: each id kept until its deadline on the
 * provider's clock, bounded, and refusing new ids when full rather than forgetting any early.
 */
final class InMemoryJwtReplayStore implements JwtReplayStore {
  private final Cache<String, Long> used;
  private final Clock clock;
  private final long max;

  InMemoryJwtReplayStore(Clock clock, long max) {
    this.clock = clock;
    this.max = max;
    this.used =
        Caffeine.newBuilder()
            .ticker(() -> clock.millis() * 1_000_000L)
            .expireAfter(
                Expiry.<String, Long>writing(
                    (id, keepUntil) -> Duration.ofMillis(Math.max(0, keepUntil - clock.millis()))))
            .scheduler(Scheduler.systemScheduler())
            .build();
  }

  @Override
  public boolean firstUse(String issuer, String jwtId, long keepUntilMillis) {
    // The issuer's length first: no two (issuer, id) pairs make one key.
    String key = issuer.length() + ":" + issuer + jwtId;
    ConcurrentMap<String, Long> map = used.asMap();
    // Room is asked for only when the id is new, so a replay is told as one even when the store is
    // full (racing new ids may overshoot the bound by their number, as in the other stores). Of
    // racing uses of one id, exactly one runs the function.
    if (!map.containsKey(key)) {
      requireRoom();
    }
    boolean[] first = {false};
    map.computeIfAbsent(
        key,
        k -> {
          first[0] = true;
          return keepUntilMillis;
        });
    return first[0];
  }

  private void requireRoom() {
    if (used.estimatedSize() >= max) {
      used.cleanUp();
      if (used.estimatedSize() >= max) {
        throw new JwtReplayStoreException(
            JwtReplayStoreException.Reason.FULL,
            "the used-JWT store holds " + max + " ids; none is dropped before its deadline",
            null);
      }
    }
  }
}
