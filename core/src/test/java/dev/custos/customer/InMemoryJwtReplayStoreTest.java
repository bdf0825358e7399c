package dev.custos.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.customer.testing.JwtReplayStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-process store of used JWT ids: the contract, its bound, and forgetting at deadlines. */
class InMemoryJwtReplayStoreTest extends JwtReplayStoreContract {
  @Override
  protected JwtReplayStore store() {
    return new InMemoryJwtReplayStore(clock, 1_000);
  }

  @Test
  void firstUse_full_newIdsRefusedReplaysStillToldAndRoomAtADeadline() {
    InMemoryJwtReplayStore store = new InMemoryJwtReplayStore(clock, 2);
    long later = clock.millis() + 60_000;
    assertThat(store.firstUse("i", "a", later)).isTrue();
    assertThat(store.firstUse("i", "b", later)).isTrue();

    assertThatExceptionOfType(JwtReplayStoreException.class)
        .isThrownBy(() -> store.firstUse("i", "c", later))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(JwtReplayStoreException.Reason.FULL));
    assertThat(store.firstUse("i", "a", later)).as("a replay, told as one").isFalse();

    clock.advance(Duration.ofMinutes(2));
    assertThat(store.firstUse("i", "c", later + 600_000)).as("room once deadlines passed").isTrue();
    assertThat(store.firstUse("i", "a", later + 600_000))
        .as("forgotten past its deadline")
        .isTrue();
  }
}
