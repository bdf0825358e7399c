package dev.custos.customer;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiException;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.otp.Transaction;
import dev.custos.otp.VerificationChallenge;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.ScopeSet;
import dev.custos.scopes.TokenRole;
import dev.custos.token.MintedToken;
import dev.custos.token.Resources;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TwoFactorMethod;
import dev.custos.token.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spec's two operations: Create Customer Token Verification (send a customer a code) and Create
 * Customer Token (mint a token, after checking the code when a scope needs two-factor
 * authentication).
 *
 * <p>Both are called by the platform with an org API token: the first needs scope {@code
 * customers}, the second {@code customer-token-write}. Every input is validated before anything
 * happens, so a refused request changes nothing: in particular a verification is consumed only by a
 * request that then gets its token.
 *
 * <pre>{@code
 * CustomerTokenService service = CustomerTokenService.builder()
 *     .directory(customers).otpEngine(otp).minter(minter).authorizer(authorizer).build();
 * }</pre>
 *
 * <p>Instances are thread-safe.
 */
public final class CustomerTokenService {
  private static final Logger log = LoggerFactory.getLogger(CustomerTokenService.class);

  private final ScopeCatalog catalog;
  private final CustomerDirectory directory;
  private final OtpEngine otp;
  private final TokenMinter minter;
  private final CustomerTokenListener listener;
  private final Clock clock;
  private final SecondFactor secondFactor;
  private final RequestAuthorizer authorizer;
  private final Scope verificationScope;
  private final Scope tokenScope;
  private final CustomerTokenRevocations revocations;
  private final CardholderTokenService cardholderTokens;
  private final Duration paymentTokenLifetime;

  CustomerTokenService(CustomerTokenServiceBuilder b) {
    this.catalog = b.catalog;
    this.directory = b.directory;
    this.otp = b.otp;
    this.minter = b.minter;
    this.listener = b.listener;
    this.clock = b.minter.clock();
    this.secondFactor = new SecondFactor(b.otp, b.identityProvider, b.passkeys);
    this.authorizer = b.authorizer;
    this.verificationScope = TokenTerms.requiredScope(b.catalog, "customers");
    this.tokenScope = TokenTerms.requiredScope(b.catalog, "customer-token-write");
    this.revocations = new CustomerTokenRevocations(b.authorizer, b.directory, tokenScope, clock);
    this.paymentTokenLifetime = b.paymentTokenLifetime;
    this.cardholderTokens =
        b.cards == null
            ? null
            : new CardholderTokenService(
                b.catalog, b.cards, b.directory, secondFactor, b.minter, b.authorizer, b.listener);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static CustomerTokenServiceBuilder builder() {
    return new CustomerTokenServiceBuilder();
  }

  /**
   * Create Customer Token Verification: sends the customer a six-digit code.
   *
   * @param caller the verified token making the call: an org token with scope {@code customers}, or
   *     a customer token of this customer with {@code customer-token-write} (to upgrade itself)
   * @param customerId the customer, from the request path
   * @param attributes channel, and optionally phone, app hash and language
   * @return the challenge; its verification token goes back to the caller
   * @throws ApiException 403 {@code forbidden} for a missing scope or a customer token of another
   *     customer; 404 {@code customer_not_found}; 403 {@code customer_not_active}; 400 {@code
   *     invalid_value} naming the attribute (a phone for an individual, a phone that is no
   *     authorized user's, a bad app hash or language); 429 {@code limits_exceeded} with a
   *     retry-after; 503 {@code delivery_failed}; 503 {@code state_unavailable} when the OTP state
   *     store is down or full
   * @throws NullPointerException if {@code caller} or {@code attributes} is null
   */
  public VerificationChallenge createVerification(
      VerifiedToken caller, String customerId, VerificationAttributes attributes)
      throws ApiException {
    Objects.requireNonNull(attributes, "attributes");
    authorizer
        .delegation()
        .authorizeCustomerCaller(caller, customerId, verificationScope, tokenScope);
    Customer customer = TokenTerms.activeCustomer(directory, customerId);

    Phone phone = customer.contactPhone();
    if (attributes.phone().isPresent()) {
      if (customer.type() != Customer.Type.BUSINESS) {
        throw CustomerErrors.invalid("phone", "phone may be given for business customers only");
      }
      phone = attributes.phone().get();
      if (!customer.authorizedUserPhones().contains(phone)) {
        throw CustomerErrors.invalid(
            "phone", "phone does not match an authorized user of the customer");
      }
    }
    return secondFactor.start(customer.id(), phone, attributes);
  }

  /**
   * Create Customer Token Verification with {@code channel: "passkey"} (a Custos extension): starts
   * a device challenge for the customer and returns it with the options for the browser's {@code
   * navigator.credentials.get()}. The assertion goes back to {@link #createToken} as {@code
   * passkeyAssertion} with the verification token. The challenge is the customer's pending
   * verification like a code's (it supersedes an earlier one): single use, expiring after the
   * engine's challenge lifetime, its failures counted towards the same attempts and lockout.
   *
   * @param caller as for {@link #createVerification}
   * @param customerId the customer, from the request path
   * @return the verification: token, expiry and request options
   * @throws ApiException as {@link #createVerification}; 400 {@code invalid_value} at {@code
   *     /data/attributes/channel} when passkeys are not enabled ({@link
   *     CustomerTokenServiceBuilder#passkeys}) or the customer has none
   * @throws NullPointerException if {@code caller} is null
   */
  public PasskeyVerification createPasskeyVerification(VerifiedToken caller, String customerId)
      throws ApiException {
    return createPasskeyVerification(caller, customerId, null);
  }

  /**
   * Create Customer Token Verification with {@code channel: "passkey"} for one payment: the
   * challenge the passkey signs is derived with the payment's digest, so the assertion approves
   * that payment only (a Custos extension, PSD2's dynamic linking).
   *
   * @param caller as for {@link #createVerification}
   * @param customerId the customer, from the request path
   * @param payment the payment; null for none
   * @return the verification
   * @throws ApiException as {@link #createPasskeyVerification(VerifiedToken, String)}
   * @throws NullPointerException if {@code caller} is null
   */
  public PasskeyVerification createPasskeyVerification(
      VerifiedToken caller, String customerId, Transaction payment) throws ApiException {
    authorizer
        .delegation()
        .authorizeCustomerCaller(caller, customerId, verificationScope, tokenScope);
    Customer customer = TokenTerms.activeCustomer(directory, customerId);
    return secondFactor.passkeys().start(customer.id(), payment);
  }

  /**
   * Create Customer Token: mints a customer token, checking the verification first when a scope
   * requires two-factor authentication (and whenever one is given).
   *
   * @param caller the verified token making the call, with scope {@code customer-token-write}: an
   *     org token, or a customer token of this customer upgrading itself. The new token's {@code
   *     resources} are the caller's unless the request narrows them, and never wider (403 at the
   *     attribute, before any verification is checked). An upgrade asks for no scope beyond the
   *     caller's scope and upgradable scope (403 at the attribute), needs a verification for
   *     two-factor scopes the caller does not hold, and does not outlive the caller (its default
   *     lifetime is what the caller has left)
   * @param customerId the customer, from the request path
   * @param attributes scope, and optionally verification token and code, lifetime, and upgradable
   *     scope (which needs {@code customer-token-write} in the scope)
   * @return the minted token
   * @throws ApiException 403 {@code forbidden} for a missing scope, a customer token of another
   *     customer, or an upgrade beyond its reach; 404 {@code customer_not_found}; 403 {@code
   *     customer_not_active}; 400 {@code invalid_value} naming the attribute (scope unknown,
   *     malformed or not allowed in customer tokens; expiresIn out of range; verification token or
   *     code missing or malformed); 400 {@code incorrect_verification_code}, {@code
   *     verification_expired}, {@code verification_not_found}, {@code
   *     verification_attempts_exceeded}; 400 {@code invalid_jwt} at {@code jwtToken} with {@code
   *     meta.reason}; 429 {@code limits_exceeded} when the customer is locked out; 503 {@code
   *     state_unavailable} when the OTP state store or the used-JWT store is down (nothing is
   *     approved then)
   * @throws NullPointerException if {@code caller} or {@code attributes} is null
   */
  public MintedToken createToken(
      VerifiedToken caller, String customerId, CustomerTokenAttributes attributes)
      throws ApiException {
    Objects.requireNonNull(attributes, "attributes");
    authorizer.delegation().authorizeCustomerCaller(caller, customerId, tokenScope, tokenScope);
    Customer customer = TokenTerms.activeCustomer(directory, customerId);
    boolean upgrade = caller.role() == TokenRole.CUSTOMER;

    ScopeSet scopes = TokenTerms.scopes(catalog, "scope", attributes.scope());
    ScopeSet upgradable = scopes.minus(scopes);
    if (attributes.upgradableScope().isPresent()) {
      upgradable =
          TokenTerms.scopes(catalog, "upgradableScope", attributes.upgradableScope().get());
      if (!scopes.contains(tokenScope)) {
        throw CustomerErrors.invalid(
            "upgradableScope", "upgradableScope needs " + tokenScope.name() + " in the scope");
      }
    }
    // A token never reaches beyond its caller (the authorizer decides what): without resources the
    // new token gets the caller's, unlimited for most, limited for a limited org token.
    Resources resources = attributes.resources().orElse(caller.resources());
    authorizer.delegation().authorizeDelegation(caller, scopes, upgradable, resources);
    AuthorizedUser user =
        authorizedUser(
            customer,
            authorizer
                .delegation()
                .authorizeAuthorizedUser(caller, attributes.authorizedUser().orElse(null)));
    Duration lifetime = TokenTerms.lifetime(clock, caller, attributes.expiresIn(), upgrade);
    Transaction payment = attributes.transaction().orElse(null);
    if (payment != null) {
      lifetime = PaymentTerms.lifetime(scopes, attributes, lifetime, paymentTokenLifetime);
    }
    TokenRequest request =
        TokenRequest.customer(customer.id(), scopes)
            .expiresIn(lifetime)
            .upgradableTo(upgradable)
            .limitedTo(resources);
    if (user != null) {
      request = request.forAuthorizedUser(user.id());
    }
    if (payment != null) {
      request = request.forTransaction(payment.digest());
    }

    // Two-factor scopes the caller does not already hold need a verification now; an upgrade
    // keeps those its caller was verified for, when it is for the same person (the caller's
    // verification vouches for no other authorized user).
    boolean samePerson = upgrade && caller.authorizedUser().equals(request.authorizedUser());
    // A payment's token is verified for that payment now, whatever its caller holds.
    ScopeSet added = samePerson && payment == null ? scopes.minus(caller.scopes()) : scopes;
    boolean needed = added.requiresTwoFactor() || payment != null;
    TwoFactorMethod method = secondFactor.passed(customer, attributes, needed ? added : null, user);
    if (method != null) {
      request = request.twoFactorVerified(method, clock.instant());
    } else if (samePerson && caller.twoFactorVerified() && scopes.requiresTwoFactor()) {
      request = TokenTerms.keepVerification(request, caller);
    }
    MintedToken minted = TokenTerms.mint(minter, request, listener);
    log.info(
        "customer token minted: customer={}, authorizedUser={}, scope={}, twoFactor={}, jti={}",
        customer.id(),
        user == null ? "-" : user.id(),
        scopes,
        request.isTwoFactorVerified(),
        minted.tokenId());
    return minted;
  }

  /** The named authorized user of this customer, or 400 at the relationship; null for none. */
  private static AuthorizedUser authorizedUser(Customer customer, String userId)
      throws ApiException {
    if (userId == null) {
      return null;
    }
    return customer
        .authorizedUser(userId)
        .orElseThrow(
            () ->
                CustomerErrors.invalidRelationship(
                    "authorizedUserResource", "the customer has no authorized user with this id"));
  }

  /**
   * Returns Unit's cardholder tokens for the cards of {@link CustomerTokenServiceBuilder#cards},
   * sharing this service's OTP engine, minter, authorizer, customers and listener.
   *
   * @return the cardholder-token service
   * @throws IllegalStateException if the service was built without a card directory
   */
  public CardholderTokenService cardholderTokens() {
    if (cardholderTokens == null) {
      throw new IllegalStateException("built without a card directory: set cards(...)");
    }
    return cardholderTokens;
  }

  /**
   * Returns the revocation of this service's customers' tokens over HTTP (a Custos extension).
   *
   * @return the revocations, with this service's authorizer, directory and clock
   */
  public CustomerTokenRevocations revocations() {
    return revocations;
  }
}
