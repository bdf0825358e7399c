package dev.custos.kit;

import dev.custos.scopes.ScopeSet;
import dev.custos.token.MintedToken;
import dev.custos.token.Resources;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Valid customer tokens, minted with a platform's key and valid now on its clock, refined one
 * choice at a time: which customers, which scopes, how long they live, how long ago the customer
 * passed two-factor verification, which accounts and cards they are limited to. From {@link
 * TokenGenerators#customerTokens()}:
 *
 * <pre>{@code
 * Generator<MintedToken> stale = tokens.customerTokens()
 *     .scopes(ScopeGenerators.twoFactorScopes(catalog))
 *     .twoFactorVerifiedAgo(Duration.ofMinutes(6), Duration.ofHours(1));
 * }</pre>
 *
 * Immutable and thread-safe; every refinement returns a new generator.
 */
public final class CustomerTokens implements Generator<MintedToken> {
  private final TokenGenerators platform;
  private final Generator<String> customerIds;
  private final Generator<ScopeSet> scopes;
  private final Duration shortest;
  private final Duration longest;
  private final Duration verifiedAtLeast;
  private final Duration verifiedAtMost;
  private final Generator<Resources> resources;

  CustomerTokens(TokenGenerators platform, Generator<ScopeSet> scopes) {
    this(
        platform,
        CustomerIdGenerators.customerIds(),
        scopes,
        Duration.ofMinutes(1),
        TokenRequest.MAX_CUSTOMER_LIFETIME,
        null,
        null,
        random -> Resources.unlimited());
  }

  private CustomerTokens(
      TokenGenerators platform,
      Generator<String> customerIds,
      Generator<ScopeSet> scopes,
      Duration shortest,
      Duration longest,
      Duration verifiedAtLeast,
      Duration verifiedAtMost,
      Generator<Resources> resources) {
    this.platform = platform;
    this.customerIds = customerIds;
    this.scopes = scopes;
    this.shortest = shortest;
    this.longest = longest;
    this.verifiedAtLeast = verifiedAtLeast;
    this.verifiedAtMost = verifiedAtMost;
    this.resources = resources;
  }

  /**
   * Returns tokens of these customers.
   *
   * @param ids the customer ids, such as {@link CustomerIdGenerators#customerIds()} or {@code
   *     Generator.oneOf(List.of("100001"))}
   * @return the refined generator
   */
  public CustomerTokens customerIds(Generator<String> ids) {
    return checked(
        new CustomerTokens(
            platform,
            Objects.requireNonNull(ids, "ids"),
            scopes,
            shortest,
            longest,
            verifiedAtLeast,
            verifiedAtMost,
            resources));
  }

  /**
   * Returns tokens with these scopes; a set that needs two-factor verification is minted verified.
   *
   * @param sets customer-token scope sets, such as {@link ScopeGenerators#twoFactorScopes}
   * @return the refined generator
   */
  public CustomerTokens scopes(Generator<ScopeSet> sets) {
    return checked(
        new CustomerTokens(
            platform,
            customerIds,
            Objects.requireNonNull(sets, "sets"),
            shortest,
            longest,
            verifiedAtLeast,
            verifiedAtMost,
            resources));
  }

  /**
   * Returns tokens whose lifetime ({@code expiresIn}) is from {@code shortest} to {@code longest}.
   *
   * @param shortest at least 1 second
   * @param longest at most 24 hours
   * @return the refined generator
   * @throws IllegalArgumentException if the range is empty or out of those bounds, or not longer
   *     than the two-factor age chosen (the token would have expired)
   */
  public CustomerTokens lifetimes(Duration shortest, Duration longest) {
    requireRange(shortest, longest);
    if (shortest.isZero() || longest.compareTo(TokenRequest.MAX_CUSTOMER_LIFETIME) > 0) {
      throw new IllegalArgumentException("a customer token lives 1 second to 24 hours");
    }
    return checked(
        new CustomerTokens(
            platform,
            customerIds,
            scopes,
            shortest,
            longest,
            verifiedAtLeast,
            verifiedAtMost,
            resources));
  }

  /**
   * Returns tokens minted right after a two-factor verification between {@code atLeast} and {@code
   * atMost} ago, whatever their scopes: a token's two-factor time is its issue time, which {@code
   * RequestAuthorizer.authorizeTwoFactorAge} reads.
   *
   * @param atLeast the youngest verification, zero for now
   * @param atMost the oldest, shorter than the shortest lifetime (the token must still be valid)
   * @return the refined generator
   * @throws IllegalArgumentException if the range is empty, negative, or not shorter than the
   *     shortest lifetime
   */
  public CustomerTokens twoFactorVerifiedAgo(Duration atLeast, Duration atMost) {
    requireRange(atLeast, atMost);
    return checked(
        new CustomerTokens(
            platform, customerIds, scopes, shortest, longest, atLeast, atMost, resources));
  }

  /**
   * Returns tokens limited to these accounts and cards (Unit's {@code resources}).
   *
   * @param limits the limits, such as {@link TokenGenerators#resources()}
   * @return the refined generator
   */
  public CustomerTokens resources(Generator<Resources> limits) {
    return checked(
        new CustomerTokens(
            platform,
            customerIds,
            scopes,
            shortest,
            longest,
            verifiedAtLeast,
            verifiedAtMost,
            Objects.requireNonNull(limits, "limits")));
  }

  /** Checks that a refined generator's tokens are still valid when made. */
  private static CustomerTokens checked(CustomerTokens refined) {
    if (refined.verifiedAtMost != null && refined.verifiedAtMost.compareTo(refined.shortest) >= 0) {
      throw new IllegalArgumentException(
          "a token verified up to "
              + refined.verifiedAtMost
              + " ago may have expired: its shortest lifetime is "
              + refined.shortest);
    }
    return refined;
  }

  private static void requireRange(Duration least, Duration most) {
    Objects.requireNonNull(least, "least");
    Objects.requireNonNull(most, "most");
    if (least.isNegative() || least.compareTo(most) > 0) {
      throw new IllegalArgumentException("not a range: " + least + " to " + most);
    }
  }

  /**
   * Returns the request of the next token and when it is minted.
   *
   * @param random the source of randomness
   * @return the request; the token is minted {@code age} before the platform's now
   */
  TokenRequest request(RandomGenerator random) {
    ScopeSet set = scopes.next(random);
    TokenRequest request =
        TokenRequest.customer(customerIds.next(random), set)
            .expiresIn(Duration.ofSeconds(between(random, shortest, longest)));
    Resources limit = resources.next(random);
    if (limit.isLimited()) {
      request = request.limitedTo(limit);
    }
    return set.requiresTwoFactor() || verifiedAtMost != null
        ? request.twoFactorVerified()
        : request;
  }

  @Override
  public MintedToken next(RandomGenerator random) {
    TokenRequest request = request(random);
    if (verifiedAtMost == null) {
      return platform.minter().mint(request);
    }
    Instant mintedAt =
        platform.clock().instant().minusSeconds(between(random, verifiedAtLeast, verifiedAtMost));
    TokenMinter then = platform.minterAt(Clock.fixed(mintedAt, ZoneOffset.UTC));
    return then.mint(request);
  }

  private static long between(RandomGenerator random, Duration least, Duration most) {
    return random.nextLong(least.toSeconds(), most.toSeconds() + 1);
  }

  @Override
  public String toString() {
    return "CustomerTokens[" + shortest + ".." + longest + "]";
  }
}
