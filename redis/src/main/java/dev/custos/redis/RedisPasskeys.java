package dev.custos.redis;

import dev.custos.passkey.PasskeyStore;
import java.util.Objects;

/**
 * Passkeys on the same Redis as the rest of Custos's state, for {@code
 * Passkeys.builder().store(...)}: a separate entry point so that a host without {@code
 * custos-passkey} (an optional dependency of this module) never loads a passkey type.
 */
public final class RedisPasskeys {
  private RedisPasskeys() {}

  /**
   * Returns the passkey store on this connection: a hash per customer (under the customer's hash
   * tag, so each operation is one script on one slot of a cluster), each write a security write
   * (with the deployment's {@code WAIT}).
   *
   * @param redis the connected Custos Redis
   * @return the store; it fails with {@code PasskeyStoreException} once {@code redis} is closed
   * @throws NullPointerException if {@code redis} is null
   */
  public static PasskeyStore store(CustosRedis redis) {
    Objects.requireNonNull(redis, "redis");
    return new RedisPasskeyStore(redis.link(), redis.keys(), redis.replication());
  }
}
