package dev.custos.token;

import java.util.Optional;

/**
 * How a customer passed two-factor verification before a token was minted: recorded in the token
 * (claim {@code twoFactorMethod}) so that a resource server can ask for a particular factor, a
 * phishing-resistant passkey rather than a code, say.
 */
public enum TwoFactorMethod {
  /** A one-time code sent by SMS or voice call. */
  CODE("code"),
  /** A JWT of the platform's identity provider. */
  IDENTITY_PROVIDER("jwt"),
  /** A passkey: a WebAuthn assertion with user verification. */
  PASSKEY("passkey");

  private final String claimValue;

  TwoFactorMethod(String claimValue) {
    this.claimValue = claimValue;
  }

  /**
   * Returns the value the token's {@code twoFactorMethod} claim holds.
   *
   * @return {@code code}, {@code jwt} or {@code passkey}
   */
  public String claimValue() {
    return claimValue;
  }

  /**
   * Returns the method a claim value names.
   *
   * @param claimValue a claim value
   * @return the method, or empty for any other string (or null)
   */
  public static Optional<TwoFactorMethod> ofClaimValue(String claimValue) {
    for (TwoFactorMethod method : values()) {
      if (method.claimValue.equals(claimValue)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }
}
