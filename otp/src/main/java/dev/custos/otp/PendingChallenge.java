package dev.custos.otp;

/**
 * The stored state of a customer's pending challenge: its id, the MAC of its code, when it expires
 * and how many checks it has left. Immutable: a wrong code stores a new instance. Kept to seven
 * primitive fields, since a million of these may be pending.
 */
final class PendingChallenge implements Expiring {
  final long idHi;
  final long idLo;
  final long tagHi;
  final long tagLo;
  final long expiresAtMillis;
  final long deadlineNanos;
  final int attemptsLeft;

  PendingChallenge(
      long idHi,
      long idLo,
      long tagHi,
      long tagLo,
      long expiresAtMillis,
      long deadlineNanos,
      int attemptsLeft) {
    this.idHi = idHi;
    this.idLo = idLo;
    this.tagHi = tagHi;
    this.tagLo = tagLo;
    this.expiresAtMillis = expiresAtMillis;
    this.deadlineNanos = deadlineNanos;
    this.attemptsLeft = attemptsLeft;
  }

  boolean hasId(long hi, long lo) {
    return ((idHi ^ hi) | (idLo ^ lo)) == 0;
  }

  /**
   * Compares without branching on the data, so timing does not reveal how much of a tag matched.
   */
  boolean codeMatches(long[] tag) {
    return ((tagHi ^ tag[0]) | (tagLo ^ tag[1])) == 0;
  }

  PendingChallenge withAttemptsLeft(int left) {
    return new PendingChallenge(idHi, idLo, tagHi, tagLo, expiresAtMillis, deadlineNanos, left);
  }

  @Override
  public long deadlineNanos() {
    return deadlineNanos;
  }

  @Override
  public String toString() {
    return "PendingChallenge[attemptsLeft=" + attemptsLeft + "]";
  }
}
