package dev.custos.customer;

import dev.custos.token.Resources;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
  private final Integer expiresIn;
  private final String upgradableScope;
  private final Resources resources;

  private CustomerTokenAttributes(
      String scope,
      String verificationToken,
      String verificationCode,
      Integer expiresIn,
      String upgradableScope,
      Resources resources) {
    this.scope = scope;
    this.verificationToken = verificationToken;
    this.verificationCode = verificationCode;
    this.expiresIn = expiresIn;
    this.upgradableScope = upgradableScope;
    this.resources = resources;
  }

  /**
   * Returns attributes asking for the given scopes.
   *
   * @param scope the space-separated scope string
   * @return the attributes
   * @throws NullPointerException if {@code scope} is null
   */
  public static CustomerTokenAttributes of(String scope) {
    return new CustomerTokenAttributes(
        Objects.requireNonNull(scope, "scope"), null, null, null, null, null);
  }

  /**
   * Returns these attributes with a verification token (from Create Customer Token Verification).
   *
   * @param verificationToken the token
   * @return new attributes
   * @throws NullPointerException if the argument is null
   */
  public CustomerTokenAttributes withVerificationToken(String verificationToken) {
    return new CustomerTokenAttributes(
        scope,
        Objects.requireNonNull(verificationToken, "verificationToken"),
        verificationCode,
        expiresIn,
        upgradableScope,
        resources);
  }

  /**
   * Returns these attributes with the code the customer received.
   *
   * @param verificationCode the code
   * @return new attributes
   * @throws NullPointerException if the argument is null
   */
  public CustomerTokenAttributes withVerificationCode(String verificationCode) {
    return new CustomerTokenAttributes(
        scope,
        verificationToken,
        Objects.requireNonNull(verificationCode, "verificationCode"),
        expiresIn,
        upgradableScope,
        resources);
  }

  /**
   * Returns these attributes with a token lifetime.
   *
   * @param seconds the lifetime in seconds; checked by the service (1 to 86400)
   * @return new attributes
   */
  public CustomerTokenAttributes withExpiresIn(int seconds) {
    return new CustomerTokenAttributes(
        scope, verificationToken, verificationCode, seconds, upgradableScope, resources);
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
    return new CustomerTokenAttributes(
        scope,
        verificationToken,
        verificationCode,
        expiresIn,
        Objects.requireNonNull(upgradableScope, "upgradableScope"),
        resources);
  }

  /**
   * Returns these attributes limiting the token to accounts and cards (Unit's {@code resources}).
   *
   * @param resources the limit
   * @return new attributes
   * @throws NullPointerException if the argument is null
   */
  public CustomerTokenAttributes withResources(Resources resources) {
    return new CustomerTokenAttributes(
        scope,
        verificationToken,
        verificationCode,
        expiresIn,
        upgradableScope,
        Objects.requireNonNull(resources, "resources"));
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
  public OptionalInt expiresIn() {
    return expiresIn == null ? OptionalInt.empty() : OptionalInt.of(expiresIn);
  }

  @Override
  public String toString() {
    return "CustomerTokenAttributes[scope="
        + scope
        + (verificationToken == null ? "" : ", with verification")
        + (expiresIn == null ? "" : ", expiresIn=" + expiresIn)
        + (upgradableScope == null ? "" : ", upgradableScope=" + upgradableScope)
        + (resources == null ? "" : ", " + resources)
        + "]";
  }
}
