package dev.custos.token;

import static dev.custos.token.TokenFixtures.CATALOG;
import static dev.custos.token.TokenFixtures.NOW;
import static dev.custos.token.TokenFixtures.V2_KEY;
import static dev.custos.token.TokenFixtures.V4_KEY;
import static dev.custos.token.TokenFixtures.minter;
import static dev.custos.token.TokenFixtures.verifier;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.scopes.ScopeSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The per-thread buffer tokens are assembled in, and the shortcuts of the hot path: each must give
 * the answer the general path gives.
 */
class TokenBufferTest {
  private static final ScopeSet SCOPES = CATALOG.parse("customers accounts");

  @Test
  void acquire_whileInUseOnTheSameThread_givesAnotherBuffer() {
    TokenBuffer outer = TokenBuffer.acquire();
    try {
      outer.write(1);
      TokenBuffer inner = TokenBuffer.acquire();
      inner.write(2);
      inner.release();

      assertThat(inner).isNotSameAs(outer);
      assertThat(outer.size()).isEqualTo(1);
      assertThat(outer.array()[0]).isEqualTo((byte) 1);
    } finally {
      outer.release();
    }
    assertThat(TokenBuffer.acquire()).isSameAs(outer);
    outer.release();
  }

  @Test
  void mint_tokensLargerThanTheBuffer_growItAndVerify() throws Exception {
    List<String> accounts = IntStream.rangeClosed(1, 400).mapToObj(i -> "1" + i).toList();
    TokenRequest big =
        TokenRequest.customer("100042", SCOPES).limitedTo(Resources.of(accounts, List.of()));

    String token = minter(V2_KEY, NOW).mint(big).token();
    String small = minter(V2_KEY, NOW).mint(TokenRequest.customer("7", SCOPES)).token();

    assertThat(token.length()).isGreaterThan(4096);
    assertThat(
            verifier(V2_KEY.verificationKey(), NOW).verify(token).resources().allowsAccount("1400"))
        .isTrue();
    assertThat(verifier(V2_KEY.verificationKey(), NOW).verify(small).customerId()).contains("7");
  }

  @Test
  void mintAndVerify_everyLengthAcrossTheBuffersBoundaries_verifies() throws Exception {
    // While this thread's buffer is held, each mint and verify starts from a fresh, smallest
    // buffer. One more account id moves the token by a few bytes and one more character of the
    // customer id by one, so every part of the assembly (PAE lengths, payload, signature, text,
    // footer) ends, in some case, exactly at or just past each size the buffer grows through.
    TokenMinter minter = minter(V4_KEY, NOW);
    TokenVerifier verifier = verifier(V4_KEY.verificationKey(), NOW);
    TokenBuffer held = TokenBuffer.acquire();
    try {
      for (int n = 1; n <= 700; n++) {
        List<String> accounts = IntStream.rangeClosed(1, n).mapToObj(i -> "1" + i).toList();
        for (int idLength = 1; idLength <= 8; idLength++) {
          String customer = "9".repeat(idLength);
          String token =
              minter
                  .mint(
                      TokenRequest.customer(customer, SCOPES)
                          .limitedTo(Resources.of(accounts, List.of())))
                  .token();
          VerifiedToken verified = verifier.verify(token);
          assertThat(verified.customerId()).as("n=%d, id=%s", n, customer).contains(customer);
          assertThat(verified.resources().allowsAccount("1" + n)).isTrue();
        }
      }
    } finally {
      held.release();
    }
  }

  @Test
  void verify_footerWrittenDifferentlyForAKnownKey_verifiesByItsKid() throws Exception {
    byte[] payload =
        PasetoPublic.parse(
                PasetoVersion.V2_PUBLIC,
                minter(V2_KEY, NOW).mint(TokenRequest.customer("100042", SCOPES)).token())
            .payload();
    byte[] spaced = ("{ \"kid\" : \"" + V2_KEY.keyId() + "\" }").getBytes(StandardCharsets.UTF_8);

    String token = PasetoPublic.sign(V2_KEY, payload, spaced, new byte[0]);

    VerifiedToken verified = verifier(V2_KEY.verificationKey(), NOW).verify(token);
    assertThat(verified.keyId()).isEqualTo(V2_KEY.keyId());
    assertThat(verified.customerId()).contains("100042");
  }

  @Test
  void verify_knownFooterOfAnotherVersionsKey_unknownKey() {
    String v4 = minter(V4_KEY, NOW).mint(TokenRequest.customer("1", SCOPES)).token();
    String asV2 = "v2.public." + v4.substring("v4.public.".length());

    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> verifier(V2_KEY.verificationKey(), NOW).verify(asV2),
                    TokenVerificationException.class)
                .reason())
        .isEqualTo(TokenVerificationException.Reason.UNKNOWN_KEY);
  }

  @Test
  void scopeSetCache_sameString_sameSetAndBoundedBeyondMaxEntries() {
    ScopeSetCache cache = new ScopeSetCache(CATALOG);
    ScopeSet first = cache.allowed(dev.custos.scopes.TokenRole.CUSTOMER, "customers accounts");

    assertThat(cache.allowed(dev.custos.scopes.TokenRole.CUSTOMER, "customers accounts"))
        .isSameAs(first)
        .isEqualTo(SCOPES);
    // Past the bound, sets are still right, just parsed each time.
    List<String> names =
        CATALOG.allowedIn(dev.custos.scopes.TokenRole.CUSTOMER).names().stream().toList();
    int distinct = 0;
    for (int i = 0; i < names.size() && distinct <= ScopeSetCache.MAX_ENTRIES; i++) {
      for (int j = 0; j < names.size() && distinct <= ScopeSetCache.MAX_ENTRIES; j++, distinct++) {
        // A name once: the grammar refuses one given twice.
        String text = i == j ? names.get(i) : names.get(i) + " " + names.get(j);
        assertThat(cache.allowed(dev.custos.scopes.TokenRole.CUSTOMER, text))
            .isEqualTo(CATALOG.parse(text));
      }
    }
    assertThat(distinct).isGreaterThan(ScopeSetCache.MAX_ENTRIES);
  }

  @Test
  void scopeSetCache_full_keepsWhatItHoldsAndAddsNothing() {
    ScopeSetCache cache = new ScopeSetCache(CATALOG);
    List<String> names =
        CATALOG.allowedIn(dev.custos.scopes.TokenRole.CUSTOMER).names().stream().toList();
    List<String> texts =
        IntStream.range(0, ScopeSetCache.MAX_ENTRIES + 1)
            .mapToObj(
                k ->
                    k / names.size() == k % names.size()
                        ? names.get(k / names.size())
                        : names.get(k / names.size()) + " " + names.get(k % names.size()))
            .toList();
    assertThat(texts).doesNotHaveDuplicates();
    ScopeSet firstSeen = null;
    for (String text : texts) {
      ScopeSet set = cache.allowed(dev.custos.scopes.TokenRole.CUSTOMER, text);
      firstSeen = firstSeen == null ? set : firstSeen;
    }
    String lastHeld = texts.get(ScopeSetCache.MAX_ENTRIES - 1);
    String overflow = texts.get(ScopeSetCache.MAX_ENTRIES);

    assertThat(cache.allowed(dev.custos.scopes.TokenRole.CUSTOMER, texts.get(0)))
        .isSameAs(firstSeen);
    assertThat(cache.allowed(dev.custos.scopes.TokenRole.CUSTOMER, lastHeld))
        .isSameAs(cache.allowed(dev.custos.scopes.TokenRole.CUSTOMER, lastHeld));
    assertThat(cache.allowed(dev.custos.scopes.TokenRole.CUSTOMER, overflow))
        .isEqualTo(CATALOG.parse(overflow))
        .isNotSameAs(cache.allowed(dev.custos.scopes.TokenRole.CUSTOMER, overflow));
    assertThat(cache.allowed(dev.custos.scopes.TokenRole.ORG, overflow))
        .as("each role has its own bound")
        .isSameAs(cache.allowed(dev.custos.scopes.TokenRole.ORG, overflow));
  }

  @Test
  void scopeSetCache_scopeNotAllowedForTheRole_refusedEveryTime() {
    ScopeSetCache cache = new ScopeSetCache(CATALOG);
    String orgOnly =
        CATALOG.scopes().stream()
            .filter(s -> !s.customerTokenAllowed())
            .findFirst()
            .orElseThrow()
            .name();

    for (int i = 0; i < 2; i++) {
      org.assertj.core.api.Assertions.assertThatExceptionOfType(
              dev.custos.scopes.InvalidScopeException.class)
          .isThrownBy(() -> cache.allowed(dev.custos.scopes.TokenRole.CUSTOMER, orgOnly));
    }
    assertThat(cache.allowed(dev.custos.scopes.TokenRole.ORG, orgOnly).contains(orgOnly)).isTrue();
  }
}
