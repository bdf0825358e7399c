package dev.custos.authz;

import dev.custos.token.TokenVerifier;
import java.time.Clock;
import java.util.Objects;

/**
 * Configures a {@link RequestAuthorizer}; the token verifier is required.
 *
 * <p>Not thread-safe; the authorizers it builds are.
 */
public final class RequestAuthorizerBuilder {
  TokenVerifier verifier;
  Clock clock;
  long cacheSize = 100_000;
  long maxRevocations = 1_000_000;
  boolean maxRevocationsSet;
  RevocationStore revocations;
  AuthorizationListener listener = denial -> {};

  RequestAuthorizerBuilder() {}

  /**
   * Sets the verifier of tokens not in the cache.
   *
   * @param verifier the token verifier
   * @return this builder
   * @throws NullPointerException if {@code verifier} is null
   */
  public RequestAuthorizerBuilder verifier(TokenVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    return this;
  }

  /**
   * Names the clock cached tokens' expiry is checked against, which is the verifier's ({@link
   * TokenVerifier#clock()}) whether or not it is named here: naming another is refused by {@link
   * #build()}, so that the cache and the verifier never disagree on what has expired.
   *
   * @param clock the verifier's clock
   * @return this builder
   * @throws NullPointerException if {@code clock} is null
   */
  public RequestAuthorizerBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets how many verified tokens are cached; 100,000 by default.
   *
   * @param size 1 to 10,000,000
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public RequestAuthorizerBuilder cacheSize(long size) {
    if (size < 1 || size > 10_000_000) {
      throw new IllegalArgumentException("cacheSize must be 1 to 10000000");
    }
    this.cacheSize = size;
    return this;
  }

  /**
   * Sets who hears of every refusal and its reason (for metrics); nobody by default.
   *
   * @param listener the listener; quick and thread-safe
   * @return this builder
   * @throws NullPointerException if {@code listener} is null
   */
  public RequestAuthorizerBuilder listener(AuthorizationListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Sets where revocations are kept; by default an in-process store private to this authorizer.
   * Authorizers on several instances (or rebuilt after a restart) share one store, such as {@code
   * custos-redis}'s, so that a revocation holds everywhere and outlives any one authorizer.
   *
   * @param store the revocation store
   * @return this builder
   * @throws NullPointerException if {@code store} is null
   */
  public RequestAuthorizerBuilder revocationStore(RevocationStore store) {
    this.revocations = Objects.requireNonNull(store, "store");
    return this;
  }

  /**
   * Sets how many revoked token ids and revoked customers the in-process store holds (each);
   * 1,000,000 by default. Past it new revocations are refused with {@link
   * RevocationStoreException}; none is forgotten before the tokens it reaches expire.
   *
   * @param max 1,000 to 100,000,000
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public RequestAuthorizerBuilder maxRevocations(long max) {
    if (max < 1_000 || max > 100_000_000) {
      throw new IllegalArgumentException("maxRevocations must be 1000 to 100000000");
    }
    this.maxRevocations = max;
    this.maxRevocationsSet = true;
    return this;
  }

  /**
   * Builds the authorizer.
   *
   * @return a new authorizer
   * @throws IllegalStateException if no verifier was set, a clock other than the verifier's was, or
   *     both a revocation store and {@code maxRevocations} were (the bound is the in-process
   *     store's)
   */
  public RequestAuthorizer build() {
    if (verifier == null) {
      throw new IllegalStateException("a token verifier is required");
    }
    if (clock != null && !clock.equals(verifier.clock())) {
      throw new IllegalStateException(
          "the authorizer checks expiry on its verifier's clock; another clock would disagree"
              + " with it (leave clock(...) out)");
    }
    if (revocations != null && maxRevocationsSet) {
      throw new IllegalStateException(
          "maxRevocations bounds the in-process store only: a store given with"
              + " revocationStore(...) has bounds of its own");
    }
    return new RequestAuthorizer(this);
  }
}
