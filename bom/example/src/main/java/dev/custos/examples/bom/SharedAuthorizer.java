package dev.custos.examples.bom;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.redis.CustosRedis;
import dev.custos.token.KeyRing;
import dev.custos.token.TokenVerifier;

/** An authorizer whose revocations every instance shares: custos-core and custos-redis together. */
public final class SharedAuthorizer {
  private SharedAuthorizer() {}

  /**
   * Builds the authorizer.
   *
   * @param keys the platform's keys
   * @param redis the shared Redis
   * @return the authorizer
   */
  public static RequestAuthorizer of(KeyRing keys, CustosRedis redis) {
    return RequestAuthorizer.builder()
        .verifier(TokenVerifier.builder().keyRing(keys).build())
        .revocationStore(redis.revocationStore())
        .build();
  }
}
