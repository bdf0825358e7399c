package dev.custos.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.passkey.PasskeyCredential;
import dev.custos.passkey.PasskeyStore;
import dev.custos.passkey.PasskeyStoreException;
import dev.custos.passkey.testing.PasskeyStoreContract;
import dev.custos.testing.RedisServer;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis passkey store meets the contract the in-memory one meets, on a real redis-server. */
class RedisPasskeyStoreTest extends PasskeyStoreContract {
  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private CustosRedis redis;

  @Override
  protected PasskeyStore store() {
    if (redis == null) {
      redis = CustosRedis.builder(REDIS.uri()).connect();
    }
    return RedisPasskeys.store(redis);
  }

  @AfterEach
  void close() {
    if (redis != null) {
      redis.close();
      redis = null;
    }
  }

  @Test
  void store_threeFieldsPerPasskeyOnTheCustomersSlot() throws Exception {
    PasskeyCredential p =
        PasskeyCredential.of(
            "pk-slot",
            new byte[] {1, 2},
            new byte[] {3},
            -7,
            0,
            false,
            false,
            Set.of(),
            Instant.EPOCH,
            "");
    store().add(p, 10);

    String key = new Keys("custos").passkeys("pk-slot");
    assertThat(REDIS.command("HLEN", key).trim()).isEqualTo(":3");
    assertThat(io.lettuce.core.cluster.SlotHash.getSlot(key))
        .isEqualTo(
            io.lettuce.core.cluster.SlotHash.getSlot(new Keys("custos").challenge("pk-slot")));
  }

  @Test
  void store_afterClose_failsClosedWithItsTypedException() {
    PasskeyStore store = store();
    redis.close();
    redis = null;

    assertThatThrownBy(() -> store.list("anyone"))
        .isInstanceOfSatisfying(
            PasskeyStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(PasskeyStoreException.Reason.UNAVAILABLE));
  }
}
