package dev.custos.customer;

import dev.custos.error.ApiException;
import java.util.Map;

/**
 * Checks passkeys (WebAuthn assertions) for {@link CustomerTokenService}: the second factor of
 * {@code channel: "passkey"}. Implemented by {@code custos-passkey}'s {@code Passkeys}, so a host
 * without passkeys carries no WebAuthn code; the service owns the challenge (an OTP engine device
 * challenge: single use, expiry, attempts, lockout) and this only knows credentials.
 *
 * <p>Implementations are thread-safe. Compatibility: a minor release may add methods with defaults.
 */
public interface PasskeyVerifier {
  /**
   * Refuses a customer who cannot answer a passkey verification (none enrolled), before the service
   * starts a challenge, so that a refused request supersedes nothing and counts nothing.
   *
   * @param customerId the customer
   * @throws ApiException 400 {@code invalid_value} at {@code /data/attributes/channel}; 503 {@code
   *     state_unavailable} when the credential store is down
   */
  default void requireEnrolled(String customerId) throws ApiException {}

  /**
   * Returns the options a browser passes to {@code navigator.credentials.get()}: WebAuthn's {@code
   * PublicKeyCredentialRequestOptionsJSON}, with this challenge and the customer's credentials.
   *
   * @param customerId the customer
   * @param challenge the challenge to sign, {@code dev.custos.otp.DeviceChallenge}'s bytes
   * @return a JSON object as maps, lists, strings, numbers and booleans
   * @throws ApiException 400 {@code invalid_value} at {@code /data/attributes/channel} when the
   *     customer has no passkey; 503 {@code state_unavailable} when the credential store is down
   */
  Map<String, Object> requestOptions(String customerId, byte[] challenge) throws ApiException;

  /**
   * Checks an assertion against the challenge and the customer's passkeys, and records the
   * passkey's new signature counter.
   *
   * @param customerId the customer
   * @param challenge the challenge the assertion must have signed
   * @param assertion the browser's {@code PublicKeyCredential} as JSON ({@code toJSON()}), the
   *     request's {@code passkeyAssertion}
   * @throws ApiException with its own code and a pointer under {@code
   *     /data/attributes/passkeyAssertion} for every refusal ({@code passkey_*} codes); 503 {@code
   *     state_unavailable} when the credential store is down
   */
  void verify(String customerId, byte[] challenge, Map<String, Object> assertion)
      throws ApiException;
}
