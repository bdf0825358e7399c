package dev.custos.token;

/**
 * PASETO's pre-authentication encoding: an unambiguous byte string of a list of pieces, so that no
 * two different lists sign the same bytes.
 *
 * <p>PAE(pieces) = LE64(count) ‖ for each piece: LE64(length) ‖ piece; LE64 is an unsigned 64-bit
 * little-endian integer with its top bit cleared.
 */
final class Pae {
  private Pae() {}

  static byte[] encode(byte[]... pieces) {
    int size = 8;
    for (byte[] piece : pieces) {
      size = Math.addExact(size, Math.addExact(8, piece.length));
    }
    byte[] out = new byte[size];
    int at = le64(out, 0, pieces.length);
    for (byte[] piece : pieces) {
      at = le64(out, at, piece.length);
      System.arraycopy(piece, 0, out, at, piece.length);
      at += piece.length;
    }
    return out;
  }

  private static int le64(byte[] out, int at, long n) {
    long value = n & Long.MAX_VALUE;
    for (int i = 0; i < 8; i++) {
      out[at + i] = (byte) (value >>> (8 * i));
    }
    return at + 8;
  }
}
