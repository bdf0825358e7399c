package dev.custos.customer;

import dev.custos.otp.Transaction;
import dev.custos.token.Resources;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The attributes of a Create Customer Token request: {@code scope} (required), {@code
 * verificationToken} and {@code verificationCode} (required when a scope needs two-factor
 * authentication), {@code expiresIn} (seconds, 1 to 86400, default 86400). Values are checked by
 * {@link CustomerTokenService#createToken}, which names the offending attribute.
 *
 * <p>The verification code is a secret: {@link #toString()} never shows it. Instances are immutable
 * and safe to share between threads.
 */
public final class CustomerTokenAttributes {
  private final String scope;
  private final String verificationToken;
  private final String verificationCode;
  private final Long expiresIn;
  private final String upgradableScope;
  private final Resources resources;
  private final String jwtToken;
  private final String authorizedUser;
  private final String passkeyAssertion;
  private final Transaction transaction;

  /** The attributes while one is being changed: each with* method copies, changes one, builds. */
  private static final class Values {
    String scope;
    String verificationToken;
    String verificationCode;
    Long expiresIn;
    String upgradableScope;
    Resources resources;
    String jwtToken;
    String authorizedUser;
    String passkeyAssertion;
    Transaction transaction;
  }

  private CustomerTokenAttributes(Values v) {
    this.scope = v.scope;
    this.verificationToken = v.verificationToken;
    this.verificationCode = v.verificationCode;
    this.expiresIn = v.expiresIn;
    this.upgradableScope = v.upgradableScope;
    this.resources = v.resources;
    this.jwtToken = v.jwtToken;
    this.authorizedUser = v.authorizedUser;
    this.passkeyAssertion = v.passkeyAssertion;
    this.transaction = v.transaction;
  }

  private Values values() {
    Values v = new Values();
    v.scope = scope;
    v.verificationToken = verificationToken;
    v.verificationCode = verificationCode;
    v.expiresIn = expiresIn;
    v.upgradableScope = upgradableScope;
    v.resources = resources;
    v.jwtToken = jwtToken;
    v.authorizedUser = authorizedUser;
    v.passkeyAssertion = passkeyAssertion;
    v.transaction = transaction;
    return v;
  }

  /**
   * Returns attributes asking for the given scopes.
   *
   * @param scope the space-separated scope string
   * @return the attributes
   * @throws NullPointerException if {@code scope} is null
   */
  public static CustomerTokenAttributes of(String scope) {
    Values v = new Values();
    v.scope = Objects.requireNonNull(scope, "scope");
    return new CustomerTokenAttributes(v);
  }

  /**
   * Returns these attributes with a verification token (from Create Customer Token Verification).
   *
   * @param verificationToken the token
   * @return new attributes
   * @throws NullPointerException if the argument is null
   */
  public CustomerTokenAttributes withVerificationToken(String verificationToken) {
    Values v = values();
    v.verificationToken = Objects.requireNonNull(verificationToken, "verificationToken");
    return new CustomerTokenAttributes(v);
  }

  /**
   * Returns these attributes with the code the customer received.
   *
   * @param verificationCode the code
   * @return new attributes
   * @throws NullPointerException if the argument is null
   */
  public CustomerTokenAttributes withVerificationCode(String verificationCode) {
    Values v = values();
    v.verificationCode = Objects.requireNonNull(verificationCode, "verificationCode");
    return new CustomerTokenAttributes(v);
  }

  /**
   * Returns these attributes with a token lifetime.
   *
   * @param seconds the lifetime in seconds, as the request gave it; the service checks it (1 to
   *     {@code TokenRequest.MAX_CUSTOMER_LIFETIME}, 86400)
   * @return new attributes
   */
  public CustomerTokenAttributes withExpiresIn(long seconds) {
    Values v = values();
    v.expiresIn = seconds;
    return new CustomerTokenAttributes(v);
  }

  /**
   * Returns these attributes with scopes the customer may later upgrade the token to (Unit's {@code
   * upgradableScope}); the scope must then hold {@code customer-token-write}.
   *
   * @param upgradableScope the space-separated scope string
   * @return new attributes
   * @throws NullPointerException if the argument is null
   */
  public CustomerTokenAttributes withUpgradableScope(String upgradableScope) {
    Values v = values();
    v.upgradableScope = Objects.requireNonNull(upgradableScope, "upgradableScope");
    return new CustomerTokenAttributes(v);
  }

  /**
   * Returns these attributes limiting the token to accounts and cards (Unit's {@code resources}).
   *
   * @param resources the limit
   * @return new attributes
   * @throws NullPointerException if the argument is null
   */
  public CustomerTokenAttributes withResources(Resources resources) {
    Values v = values();
    v.resources = Objects.requireNonNull(resources, "resources");
    return new CustomerTokenAttributes(v);
  }

  /**
   * Returns these attributes with a JWT of the platform's identity provider, in place of a
   * verification token and code (Unit's {@code jwtToken}).
   *
   * @param jwtToken the compact JWT
   * @return new attributes
   * @throws NullPointerException if the argument is null
   */
  public CustomerTokenAttributes withJwtToken(String jwtToken) {
    Values v = values();
    v.jwtToken = Objects.requireNonNull(jwtToken, "jwtToken");
    return new CustomerTokenAttributes(v);
  }

  /**
   * Returns these attributes with a passkey's answer in place of a verification code (a Custos
   * extension, {@code passkeyAssertion}): the browser's {@code PublicKeyCredential} as JSON ({@code
   * toJSON()}) for the options of a {@code channel: "passkey"} verification, whose verification
   * token goes with it.
   *
   * @param assertionJson the credential as a JSON object; read strictly when the token is created
   * @return new attributes
   * @throws NullPointerException if {@code assertionJson} is null
   */
  public CustomerTokenAttributes withPasskeyAssertion(String assertionJson) {
    Values v = values();
    v.passkeyAssertion = Objects.requireNonNull(assertionJson, "assertionJson");
    return new CustomerTokenAttributes(v);
  }

  /**
   * Returns these attributes for one payment (a Custos extension, PSD2's dynamic linking): the
   * verification must be of this very payment, and the token is bound to it: one payment scope,
   * short-lived, used up by its payment ({@code RequestAuthorizer.payments()}).
   *
   * @param transaction the payment, as the verification was started for it
   * @return new attributes
   * @throws NullPointerException if {@code transaction} is null
   */
  public CustomerTokenAttributes withTransaction(Transaction transaction) {
    Values v = values();
    v.transaction = Objects.requireNonNull(transaction, "transaction");
    return new CustomerTokenAttributes(v);
  }

  /**
   * Returns the payment, if given.
   *
   * @return the transaction, or empty
   */
  public Optional<Transaction> transaction() {
    return Optional.ofNullable(transaction);
  }

  /**
   * Returns the passkey assertion, if given.
   *
   * @return the assertion's JSON, or empty
   */
  public Optional<String> passkeyAssertion() {
    return Optional.ofNullable(passkeyAssertion);
  }

  /**
   * Returns these attributes binding the token to one authorized user of the business customer
   * (Unit's {@code relationships.authorizedUserResource}): its verification must have reached that
   * user's phone, or its JWT name that user.
   *
   * @param userId the authorized user's id
   * @return new attributes
   * @throws NullPointerException if the argument is null
   */
  public CustomerTokenAttributes withAuthorizedUser(String userId) {
    Values v = values();
    v.authorizedUser = Objects.requireNonNull(userId, "userId");
    return new CustomerTokenAttributes(v);
  }

  /**
   * Returns the authorized user the token is asked for.
   *
   * @return the user's id, or empty if none was given
   */
  public Optional<String> authorizedUser() {
    return Optional.ofNullable(authorizedUser);
  }

  /**
   * Returns the identity provider's JWT.
   *
   * @return the JWT, or empty if none was given
   */
  public Optional<String> jwtToken() {
    return Optional.ofNullable(jwtToken);
  }

  /**
   * Returns the accounts and cards asked for.
   *
   * @return the limit, or empty if none was given
   */
  public Optional<Resources> resources() {
    return Optional.ofNullable(resources);
  }

  /**
   * Returns the upgradable scope string.
   *
   * @return the string, or empty if none was given
   */
  public Optional<String> upgradableScope() {
    return Optional.ofNullable(upgradableScope);
  }

  /**
   * Returns the scope string.
   *
   * @return the scope string
   */
  public String scope() {
    return scope;
  }

  /**
   * Returns the verification token, if given.
   *
   * @return the token, or empty
   */
  public Optional<String> verificationToken() {
    return Optional.ofNullable(verificationToken);
  }

  /**
   * Returns the verification code, if given.
   *
   * @return the code, or empty
   */
  public Optional<String> verificationCode() {
    return Optional.ofNullable(verificationCode);
  }

  /**
   * Returns the requested lifetime in seconds, if given.
   *
   * @return the lifetime, or empty for the default of 86400
   */
  public OptionalLong expiresIn() {
    return expiresIn == null ? OptionalLong.empty() : OptionalLong.of(expiresIn);
  }

  @Override
  public String toString() {
    return "CustomerTokenAttributes[scope="
        + scope
        + (verificationToken == null ? "" : ", with verification")
        + (expiresIn == null ? "" : ", expiresIn=" + expiresIn)
        + (upgradableScope == null ? "" : ", upgradableScope=" + upgradableScope)
        + (resources == null ? "" : ", " + resources)
        + (jwtToken == null ? "" : ", with JWT")
        + (passkeyAssertion == null ? "" : ", with passkey")
        + (transaction == null ? "" : ", " + transaction)
        + (authorizedUser == null ? "" : ", authorizedUser=" + authorizedUser)
        + "]";
  }
}
