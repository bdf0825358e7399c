package dev.custos.customer;

import dev.custos.error.ApiException;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeSet;
import java.time.Duration;
import java.util.Iterator;

/**
 * The rules of a token bound to one payment (a Custos extension, PSD2's dynamic linking): one
 * payment scope, nothing to upgrade to, a verification of that very payment (a code or a passkey,
 * never the identity provider's JWT, which names no payment), and a short life. Stateless.
 */
final class PaymentTerms {
  private PaymentTerms() {}

  /**
   * Checks a payment token's request and returns its lifetime: the requested one, at most {@code
   * longest}, or {@code longest} (never longer than {@code base}, the lifetime an ordinary token of
   * this caller would get: an upgrade does not outlive its caller).
   *
   * @throws ApiException 400 {@code invalid_value} at the attribute that does not fit
   */
  static Duration lifetime(
      ScopeSet scopes, CustomerTokenAttributes attributes, Duration base, Duration longest)
      throws ApiException {
    if (attributes.jwtToken().isPresent()) {
      throw CustomerErrors.invalid(
          "jwtToken", "a payment's token needs a verification of that payment, not a JWT");
    }
    if (attributes.upgradableScope().isPresent()) {
      throw CustomerErrors.invalid("upgradableScope", "a payment's token upgrades to nothing");
    }
    Iterator<Scope> only = scopes.iterator();
    Scope scope = only.next();
    if (only.hasNext() || !scope.name().contains("payments-write")) {
      throw CustomerErrors.invalid(
          "scope", "a payment's token holds one payment scope, such as payments-write");
    }
    if (attributes.verificationToken().isEmpty()) {
      throw CustomerErrors.invalid(
          "verificationToken", "a payment's token needs the verification of that payment");
    }
    if (attributes.expiresIn().isPresent()) {
      if (attributes.expiresIn().getAsLong() > longest.toSeconds()) {
        throw CustomerErrors.invalid(
            "expiresIn", "a payment's token lives at most " + longest.toSeconds() + " seconds");
      }
      return base;
    }
    return base.compareTo(longest) < 0 ? base : longest;
  }
}
