package dev.custos.token;

import java.security.GeneralSecurityException;

/**
 * Thrown when a token is not valid: the only exception {@link TokenVerifier#verify} throws,
 * whatever the input.
 *
 * <p>{@link #reason()} is machine-readable; the message says what was wrong without repeating the
 * token, so it is safe to log.
 */
public final class TokenVerificationException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  /** Why a token was refused. */
  public enum Reason {
    /**
     * Not a well-formed token: null, too long, bad base64url, wrong structure, unreadable footer.
     */
    MALFORMED,
    /**
     * A token of another PASETO version or purpose than the verifier accepts (such as v2.local).
     */
    UNSUPPORTED_VERSION,
    /** The footer names no key the verifier has, or a retired key past its acceptance. */
    UNKNOWN_KEY,
    /** The signature does not match the token's contents: forged or altered. */
    BAD_SIGNATURE,
    /** The token's expiry has passed. */
    EXPIRED,
    /** The token's {@code nbf} or {@code iat} lies in the future. */
    NOT_YET_VALID,
    /** Signed, but its claims are missing, malformed or inconsistent. */
    INVALID_CLAIMS
  }

  private final Reason reason;

  TokenVerificationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * Returns why the token was refused.
   *
   * @return the reason, never null
   */
  public Reason reason() {
    return reason;
  }
}
