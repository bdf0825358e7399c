package dev.custos.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.org.testing.ApiTokenStoreContract;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.Resources;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-process API token store: the contract every store meets, and its bound. */
class InMemoryApiTokenStoreTest extends ApiTokenStoreContract {
  @Override
  protected ApiTokenStore store() {
    return ApiTokenStore.inMemory(clock);
  }

  private ApiToken record(String id, Duration life) {
    return new ApiToken(
        id,
        "u",
        "d",
        ScopeCatalog.unit().parse("customers"),
        clock.instant(),
        clock.instant().plus(life),
        null,
        Resources.unlimited());
  }

  @Test
  void put_full_refusedAsFullUntilARecordsTokenExpires() {
    InMemoryApiTokenStore store = new InMemoryApiTokenStore(clock, 2);
    store.put(record("apitok_a", Duration.ofMinutes(1)));
    store.put(record("apitok_b", Duration.ofHours(1)));

    assertThatExceptionOfType(ApiTokenStoreException.class)
        .isThrownBy(() -> store.put(record("apitok_c", Duration.ofHours(1))))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiTokenStoreException.Reason.FULL));
    clock.advance(Duration.ofMinutes(2));
    store.put(record("apitok_c", Duration.ofHours(1)));
    assertThat(store.list("u")).extracting(ApiToken::id).containsExactly("apitok_b", "apitok_c");
  }
}
