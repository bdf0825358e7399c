package dev.custos.passkey;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.otp.OtpEngine;
import dev.custos.scopes.ScopeCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures {@link Passkeys}: the relying party, OTP engine, authorizer and customer directory are
 * required. Not thread-safe.
 */
public final class PasskeysBuilder {
  PasskeyRelyingParty relyingParty;
  PasskeyStore store;
  OtpEngine otp;
  RequestAuthorizer authorizer;
  CustomerDirectory directory;
  ScopeCatalog catalog = ScopeCatalog.unit();
  Clock clock = Clock.systemUTC();
  PasskeyListener listener = new PasskeyListener() {};
  Duration enrolmentWindow = Duration.ofMinutes(5);
  int maxPerCustomer = 10;

  PasskeysBuilder() {}

  /**
   * Sets the relying party (required).
   *
   * @param relyingParty who the passkeys are for
   * @return this builder
   */
  public PasskeysBuilder relyingParty(PasskeyRelyingParty relyingParty) {
    this.relyingParty = Objects.requireNonNull(relyingParty, "relyingParty");
    return this;
  }

  /**
   * Sets where passkeys live; {@link PasskeyStore#inMemory} with 100,000 by default (one instance
   * only).
   *
   * @param store the store
   * @return this builder
   */
  public PasskeysBuilder store(PasskeyStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /**
   * Sets the OTP engine whose device challenges the ceremonies use (required): the customer token
   * service's, so that passkeys and codes share single use, attempts and lockout.
   *
   * @param otp the engine
   * @return this builder
   */
  public PasskeysBuilder otpEngine(OtpEngine otp) {
    this.otp = Objects.requireNonNull(otp, "otp");
    return this;
  }

  /**
   * Sets the authorizer (required).
   *
   * @param authorizer the platform's request authorizer
   * @return this builder
   */
  public PasskeysBuilder authorizer(RequestAuthorizer authorizer) {
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    return this;
  }

  /**
   * Sets where customers are looked up (required).
   *
   * @param directory the host's customer directory
   * @return this builder
   */
  public PasskeysBuilder directory(CustomerDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /**
   * Sets the scope catalog; {@link ScopeCatalog#unit()} by default. It must have {@code customers}
   * and {@code customer-token-write}.
   *
   * @param catalog the platform's catalog
   * @return this builder
   */
  public PasskeysBuilder catalog(ScopeCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    return this;
  }

  /**
   * Sets the clock registrations are dated and verifications aged by: the minter's.
   *
   * @param clock the platform's clock
   * @return this builder
   */
  public PasskeysBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets who hears of registrations, deletions and counters going backwards.
   *
   * @param listener the listener
   * @return this builder
   */
  public PasskeysBuilder listener(PasskeyListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Sets how recent a customer token's two-factor verification must be for it to change the
   * customer's passkeys; 5 minutes by default.
   *
   * @param window 1 second to 1 hour
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public PasskeysBuilder enrolmentWindow(Duration window) {
    if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("the enrolment window is 1 second to 1 hour");
    }
    this.enrolmentWindow = window;
    return this;
  }

  /**
   * Sets how many passkeys a customer may have; 10 by default.
   *
   * @param max 1 to 100
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public PasskeysBuilder maxPerCustomer(int max) {
    if (max < 1 || max > 100) {
      throw new IllegalArgumentException("maxPerCustomer is 1 to 100");
    }
    this.maxPerCustomer = max;
    return this;
  }

  /**
   * Builds the passkeys.
   *
   * @return the passkeys
   * @throws IllegalStateException if a required part is missing or the catalog lacks {@code
   *     customers} or {@code customer-token-write}
   */
  public Passkeys build() {
    if (relyingParty == null || otp == null || authorizer == null || directory == null) {
      throw new IllegalStateException(
          "relyingParty, otpEngine, authorizer and directory are required");
    }
    if (catalog.find("customers").isEmpty() || catalog.find("customer-token-write").isEmpty()) {
      throw new IllegalStateException("the catalog needs customers and customer-token-write");
    }
    if (store == null) {
      store = PasskeyStore.inMemory(100_000);
    }
    return new Passkeys(this);
  }
}
