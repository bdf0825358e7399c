package dev.custos.token;

import static dev.custos.token.TokenFixtures.CATALOG;
import static dev.custos.token.TokenFixtures.ISSUER;
import static dev.custos.token.TokenFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.testing.FakeClock;
import dev.custos.token.TokenVerificationException.Reason;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A minter and a verifier that follow a rotated ring: rotation needs no new instances. */
class FollowedKeyRingTest {
  private final FakeClock clock = FakeClock.at(NOW);
  private final AtomicReference<KeyRing> ring =
      new AtomicReference<>(KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC)));
  private final TokenMinter minter =
      TokenMinter.builder().followKeyRing(ring::get).issuer(ISSUER).clock(clock).build();
  private final TokenVerifier verifier =
      TokenVerifier.builder().followKeyRing(ring::get).issuer(ISSUER).clock(clock).build();

  private String mint() {
    return minter
        .mint(
            TokenRequest.customer("100042", CATALOG.parse("accounts"))
                .expiresIn(Duration.ofHours(2)))
        .token();
  }

  @Test
  void rotate_newTokensSignedWithTheNewKey_oldOnesAcceptedUntilTheDeadline() throws Exception {
    String old = mint();
    String oldKey = ring.get().signingKey().keyId();

    ring.updateAndGet(
        r -> r.rotate(SigningKey.generate(PasetoVersion.V2_PUBLIC), NOW.plus(Duration.ofHours(1))));
    String fresh = mint();

    assertThat(verifier.verify(fresh).keyId()).isEqualTo(ring.get().signingKey().keyId());
    assertThat(verifier.verify(old).keyId()).isEqualTo(oldKey);
    clock.advance(Duration.ofHours(1).plusMillis(1));
    assertThatExceptionOfType(TokenVerificationException.class)
        .isThrownBy(() -> verifier.verify(old))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
    assertThat(verifier.verify(fresh).customerId()).contains("100042");
  }

  @Test
  void keyDroppedFromTheRing_itsTokensRefusedAtOnce() throws Exception {
    String old = mint();
    ring.set(KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC)));

    assertThatExceptionOfType(TokenVerificationException.class)
        .isThrownBy(() -> verifier.verify(old))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
  }

  @Test
  void ringOfAnotherVersion_refusedNotMixed() {
    ring.set(KeyRing.of(SigningKey.generate(PasetoVersion.V4_PUBLIC)));

    assertThatExceptionOfType(IllegalStateException.class).isThrownBy(this::mint);
    assertThatExceptionOfType(TokenVerificationException.class)
        .isThrownBy(() -> verifier.verify("v2.public.AAAA"));
  }

  @Test
  void builders_twoKeySourcesThatWouldOverrideEachOther_refused() {
    KeyRing fixed = ring.get();
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TokenMinter.builder()
                    .keyRing(fixed)
                    .followKeyRing(ring::get)
                    .issuer(ISSUER)
                    .build())
        .withMessage(
            "followKeyRing and keyRing exclude each other: give the minter one key source");
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TokenMinter.builder()
                    .signingKey(fixed.signingKey())
                    .keyRing(fixed)
                    .issuer(ISSUER)
                    .build())
        .withMessageStartingWith("keyRing and signingKey exclude each other");
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TokenVerifier.builder()
                    .keyRing(fixed)
                    .followKeyRing(ring::get)
                    .issuer(ISSUER)
                    .build())
        .withMessageStartingWith("followKeyRing excludes keyRing, keys and jwkSet");
    assertThat(TokenMinter.builder().keyRing(fixed).keyRing(fixed).issuer(ISSUER).build())
        .as("the same setting twice is no conflict")
        .isNotNull();
  }

  @Test
  void clock_theOneTokensAreDatedAndCheckedBy() {
    assertThat(minter.clock()).isSameAs(clock);
    assertThat(verifier.clock()).isSameAs(clock);
  }
}
