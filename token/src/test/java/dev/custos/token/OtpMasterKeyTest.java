package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class OtpMasterKeyTest {
  private static SigningKey zeroSeed() {
    return SigningKey.fromSeed(PasetoVersion.V4_PUBLIC, new byte[32]);
  }

  @Test
  void otpMasterKey_knownKey_sameBytesAsEveryEarlierRelease() {
    // Instances of different releases share one Redis during a rolling upgrade: the derivation
    // (HKDF-SHA256 of the PASERK, its label) must never change.
    assertThat(HexFormat.of().formatHex(zeroSeed().otpMasterKey()))
        .isEqualTo("5930b4baa6fd7a798016dc7aa9b66b6913ff9613de7944aaf9fd12623bc61e33");
  }

  @Test
  void otpMasterKey_sameKeyTwice_sameBytes_otherKey_otherBytes() {
    SigningKey key = SigningKey.generate(PasetoVersion.V2_PUBLIC);

    assertThat(key.otpMasterKey()).hasSize(32).isEqualTo(key.otpMasterKey());
    assertThat(key.otpMasterKey()).isNotEqualTo(zeroSeed().otpMasterKey());
  }
}
