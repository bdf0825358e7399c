package dev.custos.redis;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.org.ApiToken;
import dev.custos.org.ApiTokenStore;
import dev.custos.org.ApiTokenStoreException;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.Resources;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Org API token records on Redis: one JSON string per record, expiring with its token, and a set of
 * ids per user; both under the user's hash tag, written and deleted by one script each. Records are
 * read back against the injected clock, so an expired one is never returned before Redis drops it.
 */
final class RedisApiTokenStore implements ApiTokenStore {
  private static final Script PUT = Script.load("put_api_token");
  private static final Script DELETE = Script.load("delete_api_token");

  private final Supplier<RedisClusterCommands<String, String>> redis;
  private final Keys keys;
  private final Clock clock;
  private final ScopeCatalog catalog;
  private final Replication replication;

  RedisApiTokenStore(
      Supplier<RedisClusterCommands<String, String>> redis,
      Keys keys,
      Clock clock,
      ScopeCatalog catalog,
      Replication replication) {
    this.redis = redis;
    this.keys = keys;
    this.clock = clock;
    this.catalog = catalog;
    this.replication = replication;
  }

  @Override
  public void put(ApiToken token) {
    call(
        () ->
            PUT.run(
                replication,
                ScriptOutputType.INTEGER,
                new String[] {
                  keys.apiToken(token.userId(), token.id()), keys.apiTokens(token.userId())
                },
                json(token),
                Long.toString(token.expiration().toEpochMilli()),
                token.id()));
  }

  @Override
  public List<ApiToken> list(String userId) {
    List<String> values = new ArrayList<>();
    call(
        () -> {
          List<String> ids = new ArrayList<>(redis.get().smembers(keys.apiTokens(userId)));
          if (ids.isEmpty()) {
            return null;
          }
          String[] recordKeys =
              ids.stream().map(id -> keys.apiToken(userId, id)).toArray(String[]::new);
          for (KeyValue<String, String> value : redis.get().mget(recordKeys)) {
            if (value.hasValue()) {
              values.add(value.getValue());
            }
          }
          return null;
        });
    List<ApiToken> tokens = new ArrayList<>();
    for (String value : values) {
      ApiToken token = parse(value);
      if (live(token)) {
        tokens.add(token);
      }
    }
    tokens.sort(Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::id));
    return tokens;
  }

  @Override
  public Optional<ApiToken> find(String userId, String id) {
    String value = call(() -> redis.get().get(keys.apiToken(userId, id)));
    return value == null ? Optional.empty() : Optional.of(parse(value)).filter(this::live);
  }

  @Override
  public boolean delete(String userId, String id) {
    Long deleted =
        call(
            () ->
                DELETE.run(
                    replication,
                    ScriptOutputType.INTEGER,
                    new String[] {keys.apiToken(userId, id), keys.apiTokens(userId)},
                    id));
    return deleted != null && deleted > 0;
  }

  private boolean live(ApiToken token) {
    return clock.instant().isBefore(token.expiration());
  }

  private static String json(ApiToken token) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", token.id());
    m.put("userId", token.userId());
    m.put("description", token.description());
    m.put("scope", token.scopes().toString());
    m.put("createdAt", token.createdAt().toEpochMilli());
    m.put("expiration", token.expiration().toEpochMilli());
    token.sourceIp().ifPresent(ips -> m.put("sourceIp", ips));
    if (token.resources().isLimited()) {
      m.put("accounts", List.copyOf(token.resources().accountIds()));
      m.put("cards", List.copyOf(token.resources().cardIds()));
    }
    return JSONObjectUtils.toJSONString(m);
  }

  /** Reads a record back; one that does not parse is a fault of the store, not an absence. */
  private ApiToken parse(String json) {
    try {
      Map<String, Object> m = JSONObjectUtils.parse(json);
      Resources resources =
          m.containsKey("accounts")
              ? Resources.of(
                  JSONObjectUtils.getStringList(m, "accounts"),
                  JSONObjectUtils.getStringList(m, "cards"))
              : Resources.unlimited();
      return new ApiToken(
          JSONObjectUtils.getString(m, "id"),
          JSONObjectUtils.getString(m, "userId"),
          JSONObjectUtils.getString(m, "description"),
          catalog.parse(JSONObjectUtils.getString(m, "scope")),
          Instant.ofEpochMilli(JSONObjectUtils.getLong(m, "createdAt")),
          Instant.ofEpochMilli(JSONObjectUtils.getLong(m, "expiration")),
          JSONObjectUtils.getString(m, "sourceIp"),
          resources);
    } catch (ParseException | RuntimeException e) {
      throw new ApiTokenStoreException(
          ApiTokenStoreException.Reason.UNAVAILABLE,
          "a stored API token record does not parse: " + e.getClass().getSimpleName(),
          null);
    }
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      // Lettuce's failures (RedisException, and IllegalStateException once shut down) alike.
      throw Failures.apiToken(e);
    }
  }

  @Override
  public String toString() {
    return "RedisApiTokenStore";
  }
}
