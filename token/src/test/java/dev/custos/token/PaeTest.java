package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PaeTest {
  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Test
  void encode_noPieces_eightZeroBytes() {
    assertThat(hex(Pae.encode())).isEqualTo("0000000000000000");
  }

  @Test
  void encode_oneEmptyPiece_countThenZeroLength() {
    assertThat(hex(Pae.encode(new byte[0]))).isEqualTo("0100000000000000" + "0000000000000000");
  }

  @Test
  void encode_test_matchesSpecification() {
    assertThat(hex(Pae.encode("test".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("0100000000000000" + "0400000000000000" + "74657374");
  }

  @Test
  void encode_piecesThatConcatenateAlike_differ() {
    byte[] ab = "ab".getBytes(StandardCharsets.US_ASCII);
    byte[] a = "a".getBytes(StandardCharsets.US_ASCII);
    byte[] b = "b".getBytes(StandardCharsets.US_ASCII);

    assertThat(Pae.encode(ab, new byte[0])).isNotEqualTo(Pae.encode(a, b));
  }

  @Test
  void encode_pieceOf256BytesOrMore_lengthInLittleEndianSixtyFourBits() {
    byte[] piece = new byte[0x1_02_03];

    byte[] encoded = Pae.encode(piece);

    assertThat(hex(java.util.Arrays.copyOf(encoded, 16)))
        .isEqualTo("0100000000000000" + "0302010000000000");
    assertThat(encoded).hasSize(16 + piece.length);
  }
}
