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

/** The in-process store: Caffeine, each record expiring with its token on the injected clock. */
final class InMemoryApiTokenStore implements ApiTokenStore {
  private final Cache<String, ApiToken> tokens;
  private final Clock clock;

  InMemoryApiTokenStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
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
