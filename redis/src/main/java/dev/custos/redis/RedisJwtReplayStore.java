package dev.custos.redis;

import dev.custos.customer.JwtReplayStore;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;

/**
 * Used JWT ids on Redis: one {@code SET NX PX} per use (atomic on its own, so of racing uses on any
 * instances exactly one is first), under a key that is a hash of the issuer and the id (neither is
 * stored), with a time to live until the JWT would be refused anyway. Full, Redis refuses the
 * {@code SET}, and the JWT is refused with it.
 */
final class RedisJwtReplayStore implements JwtReplayStore {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final Keys keys;
  private final Clock clock;
  private final Replication replication;

  RedisJwtReplayStore(Keys keys, Clock clock, Replication replication) {
    this.keys = keys;
    this.clock = clock;
    this.replication = replication;
  }

  @Override
  public boolean firstUse(String issuer, String jwtId, long keepUntilMillis) {
    long ttl = Math.max(1, keepUntilMillis - clock.millis());
    String key = keys.usedJwt(digest(issuer, jwtId));
    try {
      return "OK"
          .equals(
              replication.write(key, master -> master.set(key, "1", SetArgs.Builder.nx().px(ttl))));
    } catch (RuntimeException e) {
      throw Failures.jwt(e);
    }
  }

  /** SHA-256 of the issuer's length, the issuer and the id: no two pairs share one. */
  private static String digest(String issuer, String jwtId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((issuer.length() + ":" + issuer + jwtId).getBytes(StandardCharsets.UTF_8));
      return B64.encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "RedisJwtReplayStore";
  }
}
