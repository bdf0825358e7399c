package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PaeTest {
  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** PAE of whole pieces, as the token code writes it into its buffer. */
  private static byte[] encode(byte[]... pieces) {
    TokenBuffer buffer = TokenBuffer.acquire();
    try {
      Pae.begin(buffer, pieces.length);
      for (byte[] piece : pieces) {
        Pae.piece(buffer, piece);
      }
      return java.util.Arrays.copyOf(buffer.array(), buffer.size());
    } finally {
      buffer.release();
    }
  }

  @Test
  void startAndEndPiece_pieceWrittenInPlace_sameAsWholePiece() {
    byte[] message = "in place".getBytes(StandardCharsets.US_ASCII);
    TokenBuffer buffer = TokenBuffer.acquire();
    try {
      Pae.begin(buffer, 2);
      int start = Pae.startPiece(buffer);
      buffer.write(message, 0, message.length);
      Pae.endPiece(buffer, start);
      Pae.piece(buffer, new byte[] {1});

      assertThat(java.util.Arrays.copyOf(buffer.array(), buffer.size()))
          .isEqualTo(encode(message, new byte[] {1}));
    } finally {
      buffer.release();
    }
  }

  @Test
  void encode_noPieces_eightZeroBytes() {
    assertThat(hex(encode())).isEqualTo("0000000000000000");
  }

  @Test
  void encode_oneEmptyPiece_countThenZeroLength() {
    assertThat(hex(encode(new byte[0]))).isEqualTo("0100000000000000" + "0000000000000000");
  }

  @Test
  void encode_test_matchesSpecification() {
    assertThat(hex(encode("test".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("0100000000000000" + "0400000000000000" + "74657374");
  }

  @Test
  void encode_piecesThatConcatenateAlike_differ() {
    byte[] ab = "ab".getBytes(StandardCharsets.US_ASCII);
    byte[] a = "a".getBytes(StandardCharsets.US_ASCII);
    byte[] b = "b".getBytes(StandardCharsets.US_ASCII);

    assertThat(encode(ab, new byte[0])).isNotEqualTo(encode(a, b));
  }

  @Test
  void encode_pieceOf256BytesOrMore_lengthInLittleEndianSixtyFourBits() {
    byte[] piece = new byte[0x1_02_03];

    byte[] encoded = encode(piece);

    assertThat(hex(java.util.Arrays.copyOf(encoded, 16)))
        .isEqualTo("0100000000000000" + "0302010000000000");
    assertThat(encoded).hasSize(16 + piece.length);
  }
}
