package dev.custos.spring.security;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.InvalidTransactionException;
import dev.custos.otp.Transaction;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Custos's authorization rules for Spring Security, registered as the bean {@code custos}:
 *
 * <pre>{@code
 * @PreAuthorize("hasAuthority('SCOPE_accounts') and @custos.owns(authentication, #customerId)")
 * http.authorizeHttpRequests(a -> a.requestMatchers(POST, "/payments").access(custos.scope("payments-write")))
 * http.authorizeHttpRequests(a -> a.requestMatchers(POST, "/payees").access(custos.twoFactorWithin(Duration.ofMinutes(5))))
 * }</pre>
 *
 * Every refusal is answered by {@link CustosAccessDeniedHandler} as the library answers it.
 * Thread-safe.
 */
public final class CustosAuthorization {
  private final RequestAuthorizer authorizer;
  private final ScopeCatalog catalog;
  private final Clock clock;

  /**
   * Creates the rules.
   *
   * @param authorizer the authorizer
   * @param catalog the scopes
   * @param clock the platform's one clock (the minter's), on which a verification's age is read
   */
  public CustosAuthorization(RequestAuthorizer authorizer, ScopeCatalog catalog, Clock clock) {
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Whether the caller may reach this customer's resources: an org token reaches every customer, a
   * customer token its own only. A refusal is answered 404, as if the resource did not exist.
   *
   * @param authentication the caller ({@code authentication} in SpEL)
   * @param customerId the customer who owns the resource
   * @return true if the caller may
   */
  public boolean owns(Authentication authentication, String customerId) {
    return decide(
        authentication, token -> authorizer.authorizeOwner(token, customerId), customerId);
  }

  /**
   * Whether the caller may reach this account of this customer: the customer, as {@link #owns}, and
   * the token's {@code resources}. A refusal is answered 404, as if the account did not exist.
   *
   * @param authentication the caller
   * @param customerId the customer who owns the account
   * @param accountId the account
   * @return true if the caller may
   */
  public boolean ownsAccount(Authentication authentication, String customerId, String accountId) {
    return decide(
        authentication,
        token -> authorizer.authorizeAccountOwner(token, customerId, accountId),
        customerId,
        accountId);
  }

  /**
   * Whether the caller may reach this card of this customer: the customer, as {@link #owns}, and
   * the token's {@code resources} (the card, or the account it is under). A refusal is answered
   * 404, as if the card did not exist.
   *
   * @param authentication the caller
   * @param customerId the customer who owns the card
   * @param cardId the card
   * @param accountId the account the card is under
   * @return true if the caller may
   */
  public boolean ownsCard(
      Authentication authentication, String customerId, String cardId, String accountId) {
    return decide(
        authentication,
        token -> authorizer.authorizeCardOwner(token, customerId, cardId, accountId),
        customerId,
        cardId,
        accountId);
  }

  /**
   * Whether the caller's token is bound to this very payment, using the token up (PSD2's dynamic
   * linking; {@code RequestAuthorizer.payments()}): for {@code @PreAuthorize("@custos.pays(
   * authentication, #amount, #currency, #payee)")}. A refusal is answered 403 {@code
   * transaction_not_bound}, {@code transaction_mismatch} (also for a payment that is malformed: no
   * token approves it) or {@code bound_token_used}; 503 when the revocation store is down.
   *
   * @param authentication the caller
   * @param amount the payment's amount, as the request states it
   * @param currency its currency
   * @param payee its payee
   * @return true if the token was bound to this payment and has now made it
   */
  public boolean pays(Authentication authentication, String amount, String currency, String payee) {
    return decide(
        authentication,
        token -> {
          Transaction payment;
          try {
            payment = Transaction.of(amount, currency, payee);
          } catch (InvalidTransactionException malformed) {
            throw new ApiException(
                ApiError.of(
                    ApiErrorCode.TRANSACTION_MISMATCH,
                    "this token approves another payment; start a verification for this one"));
          }
          authorizer.payments().authorize(token, payment);
        },
        amount,
        currency,
        payee);
  }

  /** A library decision about a Custos caller. */
  private interface Decision {
    void check(VerifiedToken token) throws ApiException;
  }

  /**
   * The library's decision for a Custos caller; any other caller is refused, and so is a missing id
   * (a SpEL {@code #name} that names no parameter is null), rather than let through.
   */
  private static boolean decide(Authentication authentication, Decision decision, String... ids) {
    if (!(authentication instanceof CustosAuthentication caller)) {
      return false;
    }
    for (String id : ids) {
      if (id == null) {
        return false;
      }
    }
    try {
      decision.check(caller.token());
      return true;
    } catch (ApiException refused) {
      Refusals.record(refused);
      return false;
    }
  }

  /**
   * Returns a rule granting tokens that hold a scope; a refusal is answered 403 naming it (with
   * whether it needs two-factor verification, and whether the token may be upgraded to it).
   *
   * @param <T> what is authorized
   * @param scope the scope's name
   * @return the rule
   * @throws IllegalArgumentException if the catalog has no such scope
   */
  public <T> AuthorizationManager<T> scope(String scope) {
    Scope required =
        catalog
            .find(scope)
            .orElseThrow(() -> new IllegalArgumentException("no such scope: " + scope));
    List<SimpleGrantedAuthority> authority =
        List.of(new SimpleGrantedAuthority(CustosAuthorities.SCOPE_PREFIX + required.name()));
    return (authentication, object) -> {
      Authentication caller = authentication.get();
      boolean granted =
          caller instanceof CustosAuthentication custos
              && custos.token().scopes().contains(required);
      return granted
          ? new AuthorizationDecision(true)
          : new AuthorityAuthorizationDecision(false, List.copyOf(authority));
    };
  }

  /**
   * Returns a rule granting tokens minted after a one-time code at most {@code maxAge} ago; a
   * refusal is answered 401 {@code insufficient_user_authentication} with {@code max_age}.
   *
   * @param <T> what is authorized
   * @param maxAge how old the verification may be
   * @return the rule (Spring Security's own factor check on {@link CustosAuthorities#TWO_FACTOR})
   */
  public <T> AuthorizationManager<T> twoFactorWithin(Duration maxAge) {
    AllRequiredFactorsAuthorizationManager<T> manager =
        AllRequiredFactorsAuthorizationManager.<T>builder()
            .requireFactor(f -> f.authority(CustosAuthorities.TWO_FACTOR).validDuration(maxAge))
            .build();
    // Spring's own check reads the system clock unless told: the age is read on the platform's.
    manager.setClock(clock);
    return manager;
  }
}
