package dev.custos.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.passkey.testing.PasskeyStoreContract;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryPasskeyStoreTest extends PasskeyStoreContract {
  private final PasskeyStore store = PasskeyStore.inMemory(1_000);

  @Override
  protected PasskeyStore store() {
    return store;
  }

  @Test
  void add_whenFull_refusedAsFullAndNothingForgotten() {
    PasskeyStore small = PasskeyStore.inMemory(1);
    PasskeyCredential first =
        PasskeyCredential.of(
            "1", new byte[] {1}, new byte[] {2}, -7, 0, false, false, Set.of(), Instant.EPOCH, "");
    small.add(first, 10);

    assertThatThrownBy(() -> small.add(other(), 10))
        .isInstanceOfSatisfying(
            PasskeyStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(PasskeyStoreException.Reason.FULL));
    assertThat(small.list("1")).containsExactly(first);
    assertThat(small.list("2")).isEmpty();
  }

  private static PasskeyCredential other() {
    return PasskeyCredential.of(
        "2", new byte[] {3}, new byte[] {4}, -7, 0, false, false, Set.of(), Instant.EPOCH, "");
  }
}
