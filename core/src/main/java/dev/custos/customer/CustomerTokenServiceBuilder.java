package dev.custos.customer;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.otp.OtpEngine;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.TokenMinter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link CustomerTokenService}; the directory, OTP engine, minter and authorizer are
 * required.
 *
 * <p>Not thread-safe; the services it builds are.
 */
public final class CustomerTokenServiceBuilder {
  ScopeCatalog catalog = ScopeCatalog.unit();
  CustomerDirectory directory;
  OtpEngine otp;
  TokenMinter minter;
  CustomerTokenListener listener = twoFactor -> {};
  Clock clock;
  JwtIdentityProvider identityProvider;
  RequestAuthorizer authorizer;
  CardDirectory cards;
  PasskeyVerifier passkeys;
  Duration paymentTokenLifetime = Duration.ofMinutes(5);

  CustomerTokenServiceBuilder() {}

  /**
   * Sets how long a token bound to one payment lives at most ({@code transaction}); 5 minutes by
   * default.
   *
   * @param lifetime 10 seconds to 1 hour
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public CustomerTokenServiceBuilder paymentTokenLifetime(Duration lifetime) {
    if (lifetime.compareTo(Duration.ofSeconds(10)) < 0
        || lifetime.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("a payment token lives 10 seconds to 1 hour");
    }
    this.paymentTokenLifetime = lifetime;
    return this;
  }

  /**
   * Accepts passkeys as the second factor ({@code channel: "passkey"}, {@code passkeyAssertion});
   * none by default, and both are then refused (400 at the attribute).
   *
   * @param passkeys the passkey verifier, {@code custos-passkey}'s {@code Passkeys}
   * @return this builder
   * @throws NullPointerException if {@code passkeys} is null
   */
  public CustomerTokenServiceBuilder passkeys(PasskeyVerifier passkeys) {
    this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
    return this;
  }

  /**
   * Sets where cards are looked up, for cardholder tokens ({@link
   * CustomerTokenService#cardholderTokens()}); none by default. The catalog must then have the four
   * card scopes.
   *
   * @param cards the host's card directory
   * @return this builder
   * @throws NullPointerException if {@code cards} is null
   */
  public CustomerTokenServiceBuilder cards(CardDirectory cards) {
    this.cards = Objects.requireNonNull(cards, "cards");
    return this;
  }

  /**
   * Sets the authorizer every decision about the caller goes through: may it act for the customer,
   * with which scope, and what may it hand on to the token it creates.
   *
   * @param authorizer the platform's request authorizer
   * @return this builder
   * @throws NullPointerException if {@code authorizer} is null
   */
  public CustomerTokenServiceBuilder authorizer(RequestAuthorizer authorizer) {
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    return this;
  }

  /**
   * Sets the scope catalog; {@link ScopeCatalog#unit()} by default. It must have the scopes {@code
   * customers} and {@code customer-token-write}.
   *
   * @param catalog the platform's catalog
   * @return this builder
   * @throws NullPointerException if {@code catalog} is null
   */
  public CustomerTokenServiceBuilder catalog(ScopeCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    return this;
  }

  /**
   * Sets where customers are looked up.
   *
   * @param directory the host's customer directory
   * @return this builder
   * @throws NullPointerException if {@code directory} is null
   */
  public CustomerTokenServiceBuilder directory(CustomerDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /**
   * Sets the engine that sends and checks codes.
   *
   * @param otp the OTP engine
   * @return this builder
   * @throws NullPointerException if {@code otp} is null
   */
  public CustomerTokenServiceBuilder otpEngine(OtpEngine otp) {
    this.otp = Objects.requireNonNull(otp, "otp");
    return this;
  }

  /**
   * Sets the minter of customer tokens.
   *
   * @param minter the token minter
   * @return this builder
   * @throws NullPointerException if {@code minter} is null
   */
  public CustomerTokenServiceBuilder minter(TokenMinter minter) {
    this.minter = Objects.requireNonNull(minter, "minter");
    return this;
  }

  /**
   * Sets who hears of every minted token (for metrics); nobody by default.
   *
   * @param listener the listener; quick and thread-safe
   * @return this builder
   * @throws NullPointerException if {@code listener} is null
   */
  public CustomerTokenServiceBuilder listener(CustomerTokenListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Names the clock an upgrade's lifetime is measured against, which is the minter's ({@link
   * TokenMinter#clock()}) whether or not it is named here: naming another is refused by {@link
   * #build()}, as is an identity provider on another clock.
   *
   * @param clock the minter's clock
   * @return this builder
   * @throws NullPointerException if {@code clock} is null
   */
  public CustomerTokenServiceBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Accepts JWTs of the platform's identity provider in place of a one-time code (Unit's {@code
   * jwtToken}); none by default, and a {@code jwtToken} is then refused.
   *
   * @param provider the identity provider
   * @return this builder
   * @throws NullPointerException if {@code provider} is null
   */
  public CustomerTokenServiceBuilder identityProvider(JwtIdentityProvider provider) {
    this.identityProvider = Objects.requireNonNull(provider, "provider");
    return this;
  }

  /**
   * Builds the service.
   *
   * @return a new service
   * @throws IllegalStateException if a required part is missing, the catalog lacks {@code
   *     customers} or {@code customer-token-write} (or, with cards, a card scope), or a clock other
   *     than the minter's is named (here or by the identity provider)
   */
  public CustomerTokenService build() {
    if (directory == null || otp == null || minter == null || authorizer == null) {
      throw new IllegalStateException("directory, otpEngine, minter and authorizer are required");
    }
    if (clock != null && !clock.equals(minter.clock())) {
      throw new IllegalStateException(
          "the service measures lifetimes on its minter's clock; another clock would disagree"
              + " with it (leave clock(...) out)");
    }
    if (identityProvider != null && !identityProvider.clock().equals(minter.clock())) {
      throw new IllegalStateException(
          "the identity provider checks JWT times on another clock than the minter's: build it"
              + " with the minter's clock");
    }
    return new CustomerTokenService(this);
  }
}
