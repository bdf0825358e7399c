package dev.custos.org;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The in-process store: Caffeine, each record expiring with its token on the injected clock,
 * bounded, and refusing new records when full rather than dropping any early.
 */
final class InMemoryApiTokenStore implements ApiTokenStore {
  /** Records held at most: far more API tokens than an org keeps alive at once. */
  static final long MAX_RECORDS = 100_000;

  private final Cache<String, ApiToken> tokens;
  private final Clock clock;
  private final long max;

  InMemoryApiTokenStore(Clock clock) {
    this(clock, MAX_RECORDS);
  }

  InMemoryApiTokenStore(Clock clock, long max) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.max = max;
    this.tokens =
        Caffeine.newBuilder()
            .ticker(() -> clock.millis() * 1_000_000L)
            .expireAfter(
                Expiry.<String, ApiToken>writing(
                    (id, token) ->
                        Duration.ofMillis(
                            Math.max(0, token.expiration().toEpochMilli() - clock.millis()))))
            .scheduler(Scheduler.systemScheduler())
            .build();
  }

  @Override
  public void put(ApiToken token) {
    if (tokens.estimatedSize() >= max) {
      tokens.cleanUp();
      if (tokens.estimatedSize() >= max) {
        throw new ApiTokenStoreException(
            ApiTokenStoreException.Reason.FULL,
            "the API token store holds " + max + " records; none is dropped before its token",
            null);
      }
    }
    tokens.put(token.id(), token);
  }

  @Override
  public List<ApiToken> list(String userId) {
    return tokens.asMap().values().stream()
        .filter(t -> t.userId().equals(userId))
        .sorted(Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::id))
        .toList();
  }

  @Override
  public Optional<ApiToken> find(String userId, String id) {
    return Optional.ofNullable(tokens.getIfPresent(id)).filter(t -> t.userId().equals(userId));
  }

  @Override
  public boolean delete(String userId, String id) {
    ApiToken token = tokens.getIfPresent(id);
    return token != null && token.userId().equals(userId) && tokens.asMap().remove(id, token);
  }
}
