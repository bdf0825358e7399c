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
import java.util.function.Consumer;
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
  private final Choices choices;

  /** What a generator chooses from; copied, never shared, by each refinement. */
  private static final class Choices {
    Generator<String> customerIds = CustomerIdGenerators.customerIds();
    Generator<ScopeSet> scopes;
    Duration shortest = Duration.ofMinutes(1);
    Duration longest = TokenRequest.MAX_CUSTOMER_LIFETIME;
    Duration verifiedAtLeast;
    Duration verifiedAtMost;
    Generator<Resources> resources = random -> Resources.unlimited();

    Choices copy() {
      Choices c = new Choices();
      c.customerIds = customerIds;
      c.scopes = scopes;
      c.shortest = shortest;
      c.longest = longest;
      c.verifiedAtLeast = verifiedAtLeast;
      c.verifiedAtMost = verifiedAtMost;
      c.resources = resources;
      return c;
    }
  }

  CustomerTokens(TokenGenerators platform, Generator<ScopeSet> scopes) {
    this.platform = platform;
    this.choices = new Choices();
    choices.scopes = scopes;
  }

  private CustomerTokens(TokenGenerators platform, Choices choices) {
    this.platform = platform;
    this.choices = choices;
  }

  /**
   * Returns tokens of these customers.
   *
   * @param ids the customer ids, such as {@link CustomerIdGenerators#customerIds()} or {@code
   *     Generator.oneOf(List.of("100001"))}
   * @return the refined generator
   */
  public CustomerTokens customerIds(Generator<String> ids) {
    Objects.requireNonNull(ids, "ids");
    return refined(c -> c.customerIds = ids);
  }

  /**
   * Returns tokens with these scopes; a set that needs two-factor verification is minted verified.
   *
   * @param sets customer-token scope sets, such as {@link ScopeGenerators#twoFactorScopes}
   * @return the refined generator
   */
  public CustomerTokens scopes(Generator<ScopeSet> sets) {
    Objects.requireNonNull(sets, "sets");
    return refined(c -> c.scopes = sets);
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
    return refined(
        c -> {
          c.shortest = shortest;
          c.longest = longest;
        });
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
    return refined(
        c -> {
          c.verifiedAtLeast = atLeast;
          c.verifiedAtMost = atMost;
        });
  }

  /**
   * Returns tokens limited to these accounts and cards (Unit's {@code resources}).
   *
   * @param limits the limits, such as {@link TokenGenerators#resources()}
   * @return the refined generator
   */
  public CustomerTokens resources(Generator<Resources> limits) {
    Objects.requireNonNull(limits, "limits");
    return refined(c -> c.resources = limits);
  }

  /** A copy with one choice changed, checked so that its tokens are still valid when made. */
  private CustomerTokens refined(Consumer<Choices> change) {
    Choices c = choices.copy();
    change.accept(c);
    if (c.verifiedAtMost != null && c.verifiedAtMost.compareTo(c.shortest) >= 0) {
      throw new IllegalArgumentException(
          "a token verified up to "
              + c.verifiedAtMost
              + " ago may have expired: its shortest lifetime is "
              + c.shortest);
    }
    return new CustomerTokens(platform, c);
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
    ScopeSet set = choices.scopes.next(random);
    TokenRequest request =
        TokenRequest.customer(choices.customerIds.next(random), set)
            .expiresIn(Duration.ofSeconds(between(random, choices.shortest, choices.longest)));
    Resources limit = choices.resources.next(random);
    if (limit.isLimited()) {
      request = request.limitedTo(limit);
    }
    return set.requiresTwoFactor() || choices.verifiedAtMost != null
        ? request.twoFactorVerified()
        : request;
  }

  @Override
  public MintedToken next(RandomGenerator random) {
    TokenRequest request = request(random);
    if (choices.verifiedAtMost == null) {
      return platform.minter().mint(request);
    }
    Instant mintedAt =
        platform
            .clock()
            .instant()
            .minusSeconds(between(random, choices.verifiedAtLeast, choices.verifiedAtMost));
    TokenMinter then = platform.minterAt(Clock.fixed(mintedAt, ZoneOffset.UTC));
    return then.mint(request);
  }

  private static long between(RandomGenerator random, Duration least, Duration most) {
    return random.nextLong(least.toSeconds(), most.toSeconds() + 1);
  }

  @Override
  public String toString() {
    return "CustomerTokens[" + choices.shortest + ".." + choices.longest + "]";
  }
}
