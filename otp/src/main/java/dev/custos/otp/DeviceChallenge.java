package dev.custos.otp;

import java.time.Instant;

/**
 * A started device challenge ({@link OtpEngine#startDeviceChallenge}): the verification token to
 * hand back to the client, the random challenge its device must sign (a WebAuthn challenge, say),
 * and when it expires.
 *
 * <p>The token and the challenge are both bound to the customer and to each other under the
 * engine's key: the engine derives the challenge again from the token, so nothing but the token has
 * to come back. {@link #toString()} shows neither. Instances are immutable and safe to share
 * between threads.
 */
public final class DeviceChallenge {
  /** The length of a device challenge, in bytes. */
  public static final int CHALLENGE_LENGTH = 32;

  private final String verificationToken;
  private final byte[] challenge;
  private final Instant expiresAt;

  DeviceChallenge(String verificationToken, byte[] challenge, Instant expiresAt) {
    this.verificationToken = verificationToken;
    this.challenge = challenge;
    this.expiresAt = expiresAt;
  }

  /**
   * Returns the verification token, to be passed back with the device's answer to {@link
   * OtpEngine#verifyDevice}.
   *
   * @return the token: opaque, URL-safe
   */
  public String verificationToken() {
    return verificationToken;
  }

  /**
   * Returns the challenge the device signs.
   *
   * @return a copy of the {@value #CHALLENGE_LENGTH} random-looking bytes
   */
  public byte[] challenge() {
    return challenge.clone();
  }

  /**
   * Returns the instant the challenge expires.
   *
   * @return the expiry instant
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Returns a description without the token or the challenge.
   *
   * @return a string such as {@code DeviceChallenge[expiresAt=2026-11-29T10:10:00Z]}
   */
  @Override
  public String toString() {
    return "DeviceChallenge[expiresAt=" + expiresAt + "]";
  }
}
