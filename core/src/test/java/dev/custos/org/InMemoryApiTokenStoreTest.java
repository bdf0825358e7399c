package dev.custos.org;

import dev.custos.org.testing.ApiTokenStoreContract;

class InMemoryApiTokenStoreTest extends ApiTokenStoreContract {
  @Override
  protected ApiTokenStore store() {
    return ApiTokenStore.inMemory(clock);
  }
}
