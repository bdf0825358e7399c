package dev.custos.otp;

/**
 * The answer to a device challenge ({@link OtpEngine#startDeviceChallenge}): whether the customer's
 * device signed this very challenge, checked by the caller (a WebAuthn assertion verifier, say),
 * since the engine knows nothing of devices.
 *
 * <p>The engine calls it at most once per {@link OtpEngine#verifyDevice} call, before it asks its
 * store, and only for a genuine, unexpired token of that customer. {@code true} lets the store
 * consume the challenge (exactly one caller wins under any concurrency); {@code false} counts as a
 * wrong code towards the challenge's attempts and the customer's lockout. A proof that cannot
 * decide (its own store is down, say) throws: the exception leaves {@link OtpEngine#verifyDevice}
 * as it is and the store is not asked, so nothing is consumed or counted.
 */
@FunctionalInterface
public interface DeviceProof {
  /**
   * Checks the device's answer against the challenge the engine derived for this verification.
   *
   * @param challenge the challenge bytes, as {@link DeviceChallenge#challenge()} gave them (a copy
   *     the proof may keep)
   * @return whether the device proved possession of its key over exactly this challenge
   */
  boolean proves(byte[] challenge);
}
