package dev.custos.otp;

import java.nio.ByteBuffer;

/**
 * The stored state of a customer's pending challenge in the in-process store: its id, the MAC of
 * its code, when it expires and how many checks it has left. Immutable: a wrong code stores a new
 * instance. Kept to six primitive fields, since a million of these may be pending.
 */
final class PendingChallenge implements Expiring {
  final long idHi;
  final long idLo;
  final long tagHi;
  final long tagLo;
  final long expiresAtMillis;
  final int attemptsLeft;

  private PendingChallenge(
      long idHi, long idLo, long tagHi, long tagLo, long expiresAtMillis, int attemptsLeft) {
    this.idHi = idHi;
    this.idLo = idLo;
    this.tagHi = tagHi;
    this.tagLo = tagLo;
    this.expiresAtMillis = expiresAtMillis;
    this.attemptsLeft = attemptsLeft;
  }

  static PendingChallenge of(byte[] id, byte[] tag, long expiresAtMillis, int attempts) {
    ByteBuffer i = ByteBuffer.wrap(id);
    ByteBuffer t = ByteBuffer.wrap(tag);
    return new PendingChallenge(
        i.getLong(), i.getLong(), t.getLong(), t.getLong(), expiresAtMillis, attempts);
  }

  boolean hasId(byte[] id) {
    ByteBuffer i = ByteBuffer.wrap(id);
    return ((idHi ^ i.getLong()) | (idLo ^ i.getLong())) == 0;
  }

  /**
   * Compares without branching on the data, so timing does not reveal how much of a tag matched.
   */
  boolean codeMatches(byte[] tag) {
    ByteBuffer t = ByteBuffer.wrap(tag);
    return ((tagHi ^ t.getLong()) | (tagLo ^ t.getLong())) == 0;
  }

  PendingChallenge withAttemptsLeft(int left) {
    return new PendingChallenge(idHi, idLo, tagHi, tagLo, expiresAtMillis, left);
  }

  @Override
  public long deadlineMillis() {
    return expiresAtMillis;
  }

  @Override
  public String toString() {
    return "PendingChallenge[attemptsLeft=" + attemptsLeft + "]";
  }
}
