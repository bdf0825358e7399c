package dev.custos.customer;

import java.time.Instant;
import java.util.Map;

/**
 * A started passkey verification: the verification token to send back with the assertion, and the
 * options the browser needs for {@code navigator.credentials.get()} (their challenge is bound to
 * this verification).
 *
 * <p>{@link #toString()} shows neither the token nor the challenge. Immutable and thread-safe.
 */
public final class PasskeyVerification {
  private final String verificationToken;
  private final Instant expiresAt;
  private final Map<String, Object> requestOptions;

  PasskeyVerification(
      String verificationToken, Instant expiresAt, Map<String, Object> requestOptions) {
    this.verificationToken = verificationToken;
    this.expiresAt = expiresAt;
    this.requestOptions = Map.copyOf(requestOptions);
  }

  /**
   * Returns the verification token, for Create Customer Token with the assertion.
   *
   * @return the token
   */
  public String verificationToken() {
    return verificationToken;
  }

  /**
   * Returns when the challenge expires.
   *
   * @return the expiry
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Returns WebAuthn's request options, as the {@link PasskeyVerifier} made them.
   *
   * @return an unmodifiable JSON object
   */
  public Map<String, Object> requestOptions() {
    return requestOptions;
  }

  @Override
  public String toString() {
    return "PasskeyVerification[expiresAt=" + expiresAt + "]";
  }
}
