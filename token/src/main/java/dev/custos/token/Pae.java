package dev.custos.token;

/**
 * PASETO's pre-authentication encoding: an unambiguous byte string of a list of pieces, so that no
 * two different lists sign the same bytes.
 *
 * <p>PAE(pieces) = LE64(count) ‖ for each piece: LE64(length) ‖ piece; LE64 is an unsigned 64-bit
 * little-endian integer with its top bit cleared. Written straight into a {@link TokenBuffer}, so a
 * piece (the payload) can be produced in place, its length filled in after it.
 */
final class Pae {
  private static final int LENGTH_BYTES = 8;

  private Pae() {}

  /** Starts an encoding of {@code count} pieces. */
  static void begin(TokenBuffer out, int count) {
    length(out, count);
  }

  /** Appends a whole piece. */
  static void piece(TokenBuffer out, byte[] piece, int offset, int length) {
    length(out, length);
    out.write(piece, offset, length);
  }

  /** Appends a whole piece. */
  static void piece(TokenBuffer out, byte[] piece) {
    piece(out, piece, 0, piece.length);
  }

  /**
   * Reserves a piece's length, for a piece written next; returns where it starts, for {@link
   * #endPiece}.
   */
  static int startPiece(TokenBuffer out) {
    out.skip(LENGTH_BYTES);
    return out.size();
  }

  /**
   * Fills in the length of the piece started at {@code start}, which ends where the buffer does.
   */
  static void endPiece(TokenBuffer out, int start) {
    le64(out.array(), start - LENGTH_BYTES, out.size() - start);
  }

  private static void length(TokenBuffer out, long n) {
    out.reserve(LENGTH_BYTES);
    le64(out.array(), out.size(), n);
    out.skip(LENGTH_BYTES);
  }

  private static void le64(byte[] out, int at, long n) {
    long value = n & Long.MAX_VALUE;
    for (int i = 0; i < LENGTH_BYTES; i++) {
      out[at + i] = (byte) (value >>> (8 * i));
    }
  }
}
