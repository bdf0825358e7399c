package dev.custos.spring.boot;

import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health contributor {@code custos}: up when the signing key signs a token the verifier accepts
 * and, when Redis holds the shared state, Redis answers and does not evict keys; down otherwise.
 * Its details name the key's public id and version, never a secret or a Redis password.
 */
public final class CustosHealthIndicator extends AbstractHealthIndicator {
  private final KeyRing keys;
  private final TokenMinter minter;
  private final TokenVerifier verifier;
  private final SharedState state;
  private final TokenRequest probe =
      TokenRequest.org(ScopeCatalog.unit().parse("customers")).expiresIn(Duration.ofMinutes(1));

  /**
   * Creates the indicator.
   *
   * @param keys the key ring
   * @param minter the minter
   * @param verifier the verifier
   * @param state where the shared state is, or null when it is in this process
   */
  public CustosHealthIndicator(
      KeyRing keys, TokenMinter minter, TokenVerifier verifier, SharedState state) {
    super("Custos health check failed");
    this.keys = keys;
    this.minter = minter;
    this.verifier = verifier;
    this.state = state;
  }

  /**
   * Where the shared state (challenges, limits, revocations) is, and how to check it.
   *
   * @param name what it is, for the health details ({@code redis})
   * @param check throws an exception saying why when the state cannot be used
   */
  public record SharedState(String name, Runnable check) {}

  @Override
  protected void doHealthCheck(Health.Builder health) throws Exception {
    health
        .withDetail("signingKey", keys.signingKey().keyId())
        .withDetail("version", keys.version().toString());
    verifier.verify(minter.mint(probe).token());
    if (state != null) {
      health.withDetail("state", state.name());
      state.check().run();
    } else {
      health.withDetail("state", "in-process");
    }
    health.up();
  }
}
