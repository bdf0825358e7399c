package dev.custos.passkey;

import java.time.Instant;
import java.util.Map;

/**
 * A started passkey registration: the verification token to send back with the new credential, and
 * the options for the browser's {@code navigator.credentials.create()} (their challenge is bound to
 * this registration). {@link #toString()} shows neither. Immutable and thread-safe.
 */
public final class PasskeyRegistration {
  private final String verificationToken;
  private final Instant expiresAt;
  private final Map<String, Object> creationOptions;

  PasskeyRegistration(
      String verificationToken, Instant expiresAt, Map<String, Object> creationOptions) {
    this.verificationToken = verificationToken;
    this.expiresAt = expiresAt;
    this.creationOptions = Map.copyOf(creationOptions);
  }

  /**
   * Returns the verification token, for {@link Passkeys#register}.
   *
   * @return the token
   */
  public String verificationToken() {
    return verificationToken;
  }

  /**
   * Returns when the registration's challenge expires.
   *
   * @return the expiry
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Returns WebAuthn's {@code PublicKeyCredentialCreationOptionsJSON} for this registration.
   *
   * @return an unmodifiable JSON object
   */
  public Map<String, Object> creationOptions() {
    return creationOptions;
  }

  @Override
  public String toString() {
    return "PasskeyRegistration[expiresAt=" + expiresAt + "]";
  }
}
