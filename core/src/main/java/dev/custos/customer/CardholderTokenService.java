package dev.custos.customer;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.Phone;
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
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unit's cardholder tokens: Create Cardholder Token Verification ({@code POST
 * /cards/{cardId}/cardholder/token/verification}) sends a code to the phone registered to the card,
 * and Create Cardholder Token ({@code POST /cards/{cardId}/cardholder/token}) mints a token that
 * reaches that one card and nothing else: a customer token of the card's owner, limited to the card
 * ({@code resources}), holding card scopes only ({@code cards}, {@code cards-sensitive}, {@code
 * cards-write}, {@code cards-sensitive-write}). It is how a business lets the person holding a card
 * see its number or set its PIN without reaching the business's accounts.
 *
 * <p>The caller needs {@code cards-write} and must reach the card: an org token (within its {@code
 * resources}), or a customer token of the card's owner whose resources hold the card (a cardholder
 * token upgrading itself, or a customer token handing a card on). A card the caller may not reach
 * is answered 404 as one that does not exist.
 *
 * <p>A cardholder's codes are a challenge of the card, not of its customer: a cardholder
 * verification cannot mint a customer token, nor a customer's verification a cardholder token. The
 * OTP engine knows the card's challenges by {@value #OTP_SUBJECT_PREFIX} and the card's id, a
 * prefix no customer id may have ({@link Customer}).
 *
 * <p>Made by {@link CustomerTokenService#cardholderTokens()}, whose engine, minter, authorizer,
 * directory and listener it shares. Instances are thread-safe.
 */
public final class CardholderTokenService {
  /** How the OTP engine and its stores name a card's challenges: this, then the card's id. */
  public static final String OTP_SUBJECT_PREFIX = "cardholder:";

  private static final Logger log = LoggerFactory.getLogger(CardholderTokenService.class);
  private static final List<String> CARD_SCOPES =
      List.of("cards", "cards-sensitive", "cards-write", "cards-sensitive-write");

  private final ScopeCatalog catalog;
  private final CardDirectory cards;
  private final CustomerDirectory customers;
  private final SecondFactor secondFactor;
  private final TokenMinter minter;
  private final RequestAuthorizer authorizer;
  private final CustomerTokenListener listener;
  private final Scope cardsWrite;
  private final ScopeSet cardScopes;

  CardholderTokenService(
      ScopeCatalog catalog,
      CardDirectory cards,
      CustomerDirectory customers,
      SecondFactor secondFactor,
      TokenMinter minter,
      RequestAuthorizer authorizer,
      CustomerTokenListener listener) {
    this.catalog = catalog;
    this.cards = cards;
    this.customers = customers;
    this.secondFactor = secondFactor;
    this.minter = minter;
    this.authorizer = authorizer;
    this.listener = listener;
    this.cardsWrite = TokenTerms.requiredScope(catalog, "cards-write");
    for (String name : CARD_SCOPES) {
      TokenTerms.requiredScope(catalog, name);
    }
    this.cardScopes = catalog.parse(String.join(" ", CARD_SCOPES));
  }

  /**
   * Create Cardholder Token Verification: sends the cardholder a six-digit code, to the phone
   * registered to the card, else to its customer's phone; for a business's card the request may
   * name the phone of an authorized user or of the business contact instead.
   *
   * @param caller the verified token making the call, with {@code cards-write}, reaching the card
   * @param cardId the card, from the request path
   * @param attributes channel, and optionally phone, app hash and language
   * @return the challenge; its verification token goes back to the caller
   * @throws ApiException 403 {@code forbidden} for a missing scope; 404 {@code not_found} for a
   *     card that does not exist or that the caller may not reach; 403 {@code card_not_active} or
   *     {@code customer_not_active}; 400 {@code invalid_value} naming the attribute (a phone for an
   *     individual's card, a phone that is neither an authorized user's nor the contact's, a bad
   *     app hash or language); 429 {@code limits_exceeded}; 503 {@code delivery_failed} or {@code
   *     state_unavailable}
   * @throws NullPointerException if an argument is null
   */
  public VerificationChallenge createVerification(
      VerifiedToken caller, String cardId, VerificationAttributes attributes) throws ApiException {
    Objects.requireNonNull(attributes, "attributes");
    if (attributes.transaction().isPresent()) {
      throw CustomerErrors.invalid("transaction", "a cardholder token is bound to no payment");
    }
    Card card = reachableCard(caller, cardId);
    Customer customer = TokenTerms.activeCustomer(customers, card.customerId());
    Phone phone = card.phone().orElse(customer.contactPhone());
    if (attributes.phone().isPresent()) {
      if (customer.type() != Customer.Type.BUSINESS) {
        throw CustomerErrors.invalid("phone", "phone may be given for a business's cards only");
      }
      phone = attributes.phone().get();
      if (!phone.equals(customer.contactPhone())
          && !customer.authorizedUserPhones().contains(phone)) {
        throw CustomerErrors.invalid(
            "phone", "phone matches neither an authorized user nor the business contact");
      }
    }
    return secondFactor.start(OTP_SUBJECT_PREFIX + card.id(), phone, attributes);
  }

  /**
   * Create Cardholder Token: mints a token limited to the card, checking the card's verification
   * first when a scope requires two-factor authentication (and whenever one is given).
   *
   * @param caller the verified token making the call, with {@code cards-write}, reaching the card;
   *     a customer token upgrading itself asks for no scope beyond its scope and upgradable scope,
   *     and its new token does not outlive it
   * @param cardId the card, from the request path
   * @param attributes scope (card scopes only), and optionally verification token and code,
   *     lifetime, and upgradable scope (card scopes only, which needs {@code cards-write} in the
   *     scope); {@code resources}, {@code jwtToken}, {@code passkeyAssertion} and {@code
   *     transaction} are refused
   * @return the minted token
   * @throws ApiException as {@link #createVerification} for the caller and the card; 400 {@code
   *     invalid_value} naming the attribute (a scope that is not a card scope, {@code resources},
   *     {@code jwtToken}, {@code expiresIn} out of range, verification missing or malformed); 400
   *     {@code incorrect_verification_code}, {@code verification_expired}, {@code
   *     verification_not_found}, {@code verification_attempts_exceeded}; 403 {@code forbidden} for
   *     an upgrade beyond the caller's reach; 429 {@code limits_exceeded} when the card's
   *     verifications are locked out; 503 {@code state_unavailable}
   * @throws NullPointerException if an argument is null
   */
  public MintedToken createToken(
      VerifiedToken caller, String cardId, CustomerTokenAttributes attributes) throws ApiException {
    Objects.requireNonNull(attributes, "attributes");
    Card card = reachableCard(caller, cardId);
    TokenTerms.activeCustomer(customers, card.customerId());
    if (attributes.resources().isPresent()) {
      throw CustomerErrors.invalid(
          "resources", "a cardholder token reaches its card only; resources cannot be given");
    }
    if (attributes.jwtToken().isPresent()) {
      throw CustomerErrors.invalid(
          "jwtToken", "a cardholder is verified by a code sent to the card's phone, not a JWT");
    }
    if (attributes.passkeyAssertion().isPresent()) {
      throw CustomerErrors.invalid(
          "passkeyAssertion", "a cardholder is verified by a code sent to the card's phone");
    }
    if (attributes.transaction().isPresent()) {
      throw CustomerErrors.invalid("transaction", "a cardholder token is bound to no payment");
    }
    if (attributes.authorizedUser().isPresent()) {
      throw CustomerErrors.invalidRelationship(
          "authorizedUserResource", "a cardholder token is the card's, not an authorized user's");
    }
    ScopeSet scopes = cardScopes("scope", attributes.scope());
    ScopeSet upgradable = scopes.minus(scopes);
    if (attributes.upgradableScope().isPresent()) {
      upgradable = cardScopes("upgradableScope", attributes.upgradableScope().get());
      if (!scopes.contains(cardsWrite)) {
        throw CustomerErrors.invalid(
            "upgradableScope", "upgradableScope needs cards-write in the scope");
      }
    }
    Resources theCard = Resources.of(Set.of(), Set.of(card.id()));
    authorizer.delegation().authorizeDelegation(caller, scopes, upgradable, theCard);
    boolean upgrade = caller.role() == TokenRole.CUSTOMER;
    Duration lifetime =
        TokenTerms.lifetime(minter.clock(), caller, attributes.expiresIn(), upgrade);
    TokenRequest request =
        TokenRequest.customer(card.customerId(), scopes)
            .expiresIn(lifetime)
            .upgradableTo(upgradable)
            .limitedTo(theCard);

    ScopeSet added = upgrade ? scopes.minus(caller.scopes()) : scopes;
    if (secondFactor.passedCode(
        OTP_SUBJECT_PREFIX + card.id(),
        attributes.verificationToken().orElse(null),
        attributes.verificationCode().orElse(null),
        added.requiresTwoFactor() ? added : null,
        null)) {
      request = request.twoFactorVerified(TwoFactorMethod.CODE, minter.clock().instant());
    } else if (upgrade && caller.twoFactorVerified() && scopes.requiresTwoFactor()) {
      request = TokenTerms.keepVerification(request, caller);
    }
    MintedToken minted = TokenTerms.mint(minter, request, listener);
    log.info(
        "cardholder token minted: card={}, customer={}, scope={}, twoFactor={}, jti={}",
        card.id(),
        card.customerId(),
        scopes,
        request.isTwoFactorVerified(),
        minted.tokenId());
    return minted;
  }

  /**
   * The card, if the caller may write to cards and reach this one; a card it may not reach is
   * answered exactly as one that does not exist.
   */
  private Card reachableCard(VerifiedToken caller, String cardId) throws ApiException {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(cardId, "cardId");
    authorizer.authorizeScope(caller, cardsWrite);
    Card card = cards.find(cardId).orElse(null);
    if (card == null || !card.id().equals(cardId)) {
      throw new ApiException(ApiError.of(ApiErrorCode.NOT_FOUND, "no such resource"));
    }
    authorizer.authorizeCardOwner(caller, card.customerId(), card.id(), card.accountId());
    if (!card.active()) {
      throw new ApiException(ApiError.of(ApiErrorCode.CARD_NOT_ACTIVE, "the card is not active"));
    }
    return card;
  }

  private ScopeSet cardScopes(String attribute, String scopeString) throws ApiException {
    ScopeSet scopes = TokenTerms.scopes(catalog, attribute, scopeString);
    ScopeSet beyond = scopes.minus(cardScopes);
    if (!beyond.isEmpty()) {
      throw CustomerErrors.invalid(
          attribute,
          "a cardholder token holds card scopes only ("
              + String.join(" ", CARD_SCOPES)
              + "), not "
              + beyond);
    }
    return scopes;
  }

  @Override
  public String toString() {
    return "CardholderTokenService";
  }
}
