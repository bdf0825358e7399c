package dev.custos.otp.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * A challenge as a store keeps it: its random id, the MAC of its code (never the code), when it
 * expires and how many checks it allows. Made by the engine; a store reads it.
 *
 * <p>Immutable: the byte arrays are copied in and out. {@link #toString()} shows neither.
 */
public final class ChallengeRecord {
  /** The length of a challenge id and of a code MAC, in bytes. */
  public static final int ID_AND_TAG_LENGTH = 16;

  private final byte[] challengeId;
  private final byte[] codeTag;
  private final long expiresAtMillis;
  private final int attempts;

  private ChallengeRecord(byte[] challengeId, byte[] codeTag, long expiresAtMillis, int attempts) {
    this.challengeId = challengeId;
    this.codeTag = codeTag;
    this.expiresAtMillis = expiresAtMillis;
    this.attempts = attempts;
  }

  /**
   * Returns a record.
   *
   * @param challengeId the challenge's random id, {@value #ID_AND_TAG_LENGTH} bytes
   * @param codeTag the MAC of its code, bound to the id, {@value #ID_AND_TAG_LENGTH} bytes
   * @param expiresAtMillis when it expires, epoch milliseconds on the engine's clock
   * @param attempts how many codes may be checked against it, 1 to 100
   * @return the record
   * @throws IllegalArgumentException if an array is not of its length, or attempts out of range
   * @throws NullPointerException if an array is null
   */
  public static ChallengeRecord of(
      byte[] challengeId, byte[] codeTag, long expiresAtMillis, int attempts) {
    if (Objects.requireNonNull(challengeId, "challengeId").length != ID_AND_TAG_LENGTH
        || Objects.requireNonNull(codeTag, "codeTag").length != ID_AND_TAG_LENGTH) {
      throw new IllegalArgumentException(
          "a challenge id and a code tag are " + ID_AND_TAG_LENGTH + " bytes each");
    }
    if (attempts < 1 || attempts > 100) {
      throw new IllegalArgumentException("attempts must be 1 to 100");
    }
    return new ChallengeRecord(challengeId.clone(), codeTag.clone(), expiresAtMillis, attempts);
  }

  /**
   * Returns the challenge's id.
   *
   * @return a copy of the {@value #ID_AND_TAG_LENGTH} bytes
   */
  public byte[] challengeId() {
    return challengeId.clone();
  }

  /**
   * Returns the MAC of the challenge's code.
   *
   * @return a copy of the {@value #ID_AND_TAG_LENGTH} bytes
   */
  public byte[] codeTag() {
    return codeTag.clone();
  }

  /**
   * Returns when the challenge expires.
   *
   * @return epoch milliseconds
   */
  public long expiresAtMillis() {
    return expiresAtMillis;
  }

  /**
   * Returns how many codes may be checked against the challenge.
   *
   * @return 1 to 100
   */
  public int attempts() {
    return attempts;
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof ChallengeRecord other
        && Arrays.equals(other.challengeId, challengeId)
        && Arrays.equals(other.codeTag, codeTag)
        && other.expiresAtMillis == expiresAtMillis
        && other.attempts == attempts;
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(expiresAtMillis) + attempts;
  }

  @Override
  public String toString() {
    return "ChallengeRecord[expiresAtMillis=" + expiresAtMillis + ", attempts=" + attempts + "]";
  }
}
