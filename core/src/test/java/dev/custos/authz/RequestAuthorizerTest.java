package dev.custos.authz;

import static dev.custos.core.testing.TestPlatform.BUSINESS;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.scopes.Scope;
import dev.custos.token.MintedToken;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestAuthorizerTest {
  private final TestPlatform platform = new TestPlatform();
  private final AtomicInteger verifications = new AtomicInteger();
  private final TokenVerifier counting = platform.countingVerifier(verifications);
  private final RequestAuthorizer authorizer =
      RequestAuthorizer.builder().verifier(counting).clock(platform.time).build();
  private final Scope cards = platform.catalog.find("cards").orElseThrow();
  private final Scope cardsWrite = platform.catalog.find("cards-write").orElseThrow();

  private MintedToken customerToken(String customer, String scopes, Duration lifetime) {
    TokenRequest request =
        TokenRequest.customer(customer, platform.catalog.parse(scopes)).expiresIn(lifetime);
    return platform.minter.mint(
        request.scopes().requiresTwoFactor() ? request.twoFactorVerified() : request);
  }

  private ApiException refused(String header) {
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> authorizer.authenticate(header))
        .actual();
  }

  @Test
  void authenticate_sameTokenTwice_verifiesOnce() throws Exception {
    String header = "Bearer " + customerToken(INDIVIDUAL, "cards", Duration.ofHours(1)).token();

    VerifiedToken first = authorizer.authenticate(header);
    VerifiedToken second = authorizer.authenticate(header);

    assertThat(second).isSameAs(first);
    assertThat(verifications).hasValue(1);
  }

  @Test
  void authenticate_cachedTokenAtItsExpiry_refusedAsExpired() throws Exception {
    String header = "Bearer " + customerToken(INDIVIDUAL, "cards", Duration.ofMinutes(5)).token();
    authorizer.authenticate(header);
    platform.time.advance(Duration.ofMinutes(4).plusSeconds(59));
    authorizer.authenticate(header);

    platform.time.advance(Duration.ofSeconds(1));

    ApiException e = refused(header);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.error().detail()).isEqualTo("the token has expired");
  }

  @Test
  void revokeToken_cachedToken_refusedOnTheNextRequest() throws Exception {
    MintedToken minted = customerToken(INDIVIDUAL, "cards", Duration.ofHours(1));
    MintedToken other = customerToken(INDIVIDUAL, "cards", Duration.ofHours(1));
    authorizer.authenticate("Bearer " + minted.token());
    authorizer.authenticate("Bearer " + other.token());

    authorizer.revokeToken(minted.tokenId(), minted.expiresAt());

    assertThat(refused("Bearer " + minted.token()).error().detail())
        .isEqualTo("the token has been revoked");
    assertThat(authorizer.authenticate("Bearer " + other.token()).tokenId())
        .isEqualTo(other.tokenId());
  }

  @Test
  void revokeToken_notYetSeenToken_refused() {
    MintedToken minted = customerToken(INDIVIDUAL, "cards", Duration.ofHours(1));

    authorizer.revokeToken(minted.tokenId(), minted.expiresAt());

    assertThat(refused("Bearer " + minted.token()).status()).isEqualTo(401);
  }

  @Test
  void revokeCustomerTokens_earlierTokensRefusedLaterOnesAndOtherCustomersKept() throws Exception {
    MintedToken before = customerToken(INDIVIDUAL, "cards", Duration.ofHours(1));
    MintedToken otherCustomer = customerToken(BUSINESS, "cards", Duration.ofHours(1));
    authorizer.authenticate("Bearer " + before.token());
    platform.time.advance(Duration.ofSeconds(1));

    authorizer.revokeCustomerTokens(INDIVIDUAL, platform.time.instant());
    MintedToken after = customerToken(INDIVIDUAL, "cards", Duration.ofHours(1));

    assertThat(refused("Bearer " + before.token()).error().detail())
        .isEqualTo("the token has been revoked");
    assertThat(authorizer.authenticate("Bearer " + after.token()).customerId())
        .contains(INDIVIDUAL);
    assertThat(authorizer.authenticate("Bearer " + otherCustomer.token()).customerId())
        .contains(BUSINESS);
  }

  @Test
  void revokeCustomerTokens_earlierCutoffDoesNotUndoLaterOne() throws Exception {
    MintedToken token = customerToken(INDIVIDUAL, "cards", Duration.ofHours(1));
    platform.time.advance(Duration.ofSeconds(10));
    authorizer.revokeCustomerTokens(INDIVIDUAL, platform.time.instant());
    authorizer.revokeCustomerTokens(INDIVIDUAL, platform.time.instant().minusSeconds(60));

    assertThat(refused("Bearer " + token.token()).status()).isEqualTo(401);
  }

  @Test
  void revocation_doesNotDropValidCachedTokensFromTheFastPath() throws Exception {
    String header = "Bearer " + customerToken(INDIVIDUAL, "cards", Duration.ofHours(1)).token();
    authorizer.authenticate(header);
    authorizer.revokeToken("some-other-token", platform.time.instant().plusSeconds(60));

    authorizer.authenticate(header);
    authorizer.authenticate(header);

    assertThat(verifications).hasValue(1);
  }

  @Test
  void authorize_ownResourceWithScope_allowed() throws Exception {
    VerifiedToken caller =
        authorizer.authenticate(
            "Bearer " + customerToken(INDIVIDUAL, "cards-write", Duration.ofHours(1)).token());

    authorizer.authorize(caller, cardsWrite, INDIVIDUAL);
  }

  @Test
  void authorize_anotherCustomersResource_404() throws Exception {
    VerifiedToken caller =
        authorizer.authenticate(
            "Bearer " + customerToken(INDIVIDUAL, "cards", Duration.ofHours(1)).token());

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> authorizer.authorize(caller, cards, BUSINESS))
            .actual();

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.error().code()).isEqualTo(ApiErrorCode.NOT_FOUND);
  }

  @Test
  void authorize_missingReadScope_403WithoutStepUpHint() throws Exception {
    VerifiedToken caller =
        authorizer.authenticate(
            "Bearer " + customerToken(INDIVIDUAL, "accounts", Duration.ofHours(1)).token());

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> authorizer.authorize(caller, cards, INDIVIDUAL))
            .actual();

    assertThat(e.error().detail()).isEqualTo("the token lacks scope cards");
    assertThat(e.error().meta())
        .containsEntry("requiredScope", "cards")
        .containsEntry("twoFactorRequired", false);
  }

  @Test
  void authorize_orgToken_anyCustomer() throws Exception {
    VerifiedToken org = authorizer.authenticate(platform.orgHeader("cards"));

    authorizer.authorize(org, cards, INDIVIDUAL);
    authorizer.authorize(org, cards, BUSINESS);
  }

  @Test
  void customerFilter_customerToken_ownIdWithOrWithoutFilter() throws Exception {
    VerifiedToken caller =
        authorizer.authenticate(
            "Bearer " + customerToken(INDIVIDUAL, "cards", Duration.ofHours(1)).token());

    assertThat(authorizer.customerFilter(caller, cards, null)).contains(INDIVIDUAL);
    assertThat(authorizer.customerFilter(caller, cards, INDIVIDUAL)).contains(INDIVIDUAL);
    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> authorizer.customerFilter(caller, cards, BUSINESS))
            .actual();
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.error().parameter()).contains("filter[customerId]");
  }

  @Test
  void customerFilter_orgToken_passesTheFilterThrough() throws Exception {
    VerifiedToken org = authorizer.authenticate(platform.orgHeader("cards"));

    assertThat(authorizer.customerFilter(org, cards, null)).isEmpty();
    assertThat(authorizer.customerFilter(org, cards, BUSINESS)).contains(BUSINESS);
  }

  @Test
  void builder_invalidSettings_refused() {
    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> RequestAuthorizer.builder().build());
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> RequestAuthorizer.builder().cacheSize(0));
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> RequestAuthorizer.builder().maxRevocations(10));
  }

  @Test
  void revoke_sharedStore_holdsOnAnotherAuthorizerAndOutlivesThisOne() throws Exception {
    RevocationStore shared = new CaffeineRevocationStore(1_000, platform.time);
    RequestAuthorizer a =
        RequestAuthorizer.builder()
            .verifier(platform.verifier)
            .clock(platform.time)
            .revocationStore(shared)
            .build();
    RequestAuthorizer b =
        RequestAuthorizer.builder()
            .verifier(platform.verifier)
            .clock(platform.time)
            .revocationStore(shared)
            .build();
    String header = "Bearer " + customerToken(INDIVIDUAL, "cards", Duration.ofHours(1)).token();
    VerifiedToken cachedOnB = b.authenticate(header);

    a.revoke(a.authenticate(header));

    assertThat(refusedBy(b, header).error().detail()).isEqualTo("the token has been revoked");
    RequestAuthorizer rebuilt =
        RequestAuthorizer.builder()
            .verifier(platform.verifier)
            .clock(platform.time)
            .revocationStore(shared)
            .build();
    assertThat(refusedBy(rebuilt, header).status()).isEqualTo(401);
    assertThat(cachedOnB.tokenId()).isNotBlank();
  }

  @Test
  void revokeToken_keptUntilTheTokensExpiryThenForgotten() {
    CaffeineRevocationStore store = new CaffeineRevocationStore(1_000, platform.time);
    long exp = platform.time.millis() + Duration.ofDays(2).toMillis();
    store.revokeToken("jti", exp);

    platform.time.advance(Duration.ofDays(2).minusMillis(1));
    assertThat(store.isRevoked("jti", null, 0)).isTrue();
    platform.time.advance(Duration.ofMillis(1));
    assertThat(store.isRevoked("jti", null, 0)).isFalse();
  }

  @Test
  void revocations_verifierWithClockSkew_outliveTheSkewPastExp() throws Exception {
    TokenVerifier lenient =
        TokenVerifier.builder()
            .keyRing(platform.keys)
            .issuer(TestPlatform.ISSUER)
            .clock(platform.time)
            .clockSkew(TokenVerifier.MAX_CLOCK_SKEW)
            .build();
    RequestAuthorizer skewed =
        RequestAuthorizer.builder().verifier(lenient).clock(platform.time).build();
    MintedToken one = customerToken(INDIVIDUAL, "cards", Duration.ofHours(1));
    MintedToken all = customerToken(BUSINESS, "cards", TokenRequest.MAX_CUSTOMER_LIFETIME);
    skewed.revokeToken(one.tokenId(), one.expiresAt());
    skewed.revokeCustomerTokens(BUSINESS, platform.time.instant().plusMillis(1));

    platform.time.advance(Duration.ofHours(1).plusMinutes(4));
    assertThat(refusedBy(skewed, "Bearer " + one.token()).error().detail())
        .as("4 minutes past exp, within the skew")
        .isEqualTo("the token has been revoked");

    platform.time.advance(Duration.ofHours(23));
    assertThat(refusedBy(skewed, "Bearer " + all.token()).error().detail())
        .as("4 minutes past the latest exp the cutoff reaches")
        .isEqualTo("the token has been revoked");
  }

  @Test
  void revokeToken_storeFull_refusedAndEarlierRevocationsKept() {
    RequestAuthorizer small =
        RequestAuthorizer.builder()
            .verifier(platform.verifier)
            .clock(platform.time)
            .maxRevocations(1_000)
            .build();
    MintedToken first = customerToken(INDIVIDUAL, "cards", Duration.ofHours(1));
    small.revokeToken(first.tokenId(), first.expiresAt());
    for (int i = 1; i < 1_000; i++) {
      small.revokeToken("filler-" + i, first.expiresAt());
    }

    assertThatExceptionOfType(RevocationStoreException.class)
        .isThrownBy(() -> small.revokeToken("one-too-many", first.expiresAt()))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(RevocationStoreException.Reason.FULL));
    assertThat(refusedBy(small, "Bearer " + first.token()).status()).isEqualTo(401);
  }

  @Test
  void authenticate_revocationStoreDown_503NotAccepted() throws Exception {
    RevocationStore down =
        new RevocationStore() {
          @Override
          public void revokeToken(String tokenId, long expiresAtMillis) {}

          @Override
          public void revokeCustomerTokens(
              String customerId, long issuedBeforeMillis, long keepUntilMillis) {}

          @Override
          public boolean isRevoked(String tokenId, String customerId, long issuedAtMillis) {
            throw new RevocationStoreException(
                RevocationStoreException.Reason.UNAVAILABLE, "down", null);
          }

          @Override
          public void onRevocation(Runnable listener) {}
        };
    RequestAuthorizer blind =
        RequestAuthorizer.builder()
            .verifier(platform.verifier)
            .clock(platform.time)
            .revocationStore(down)
            .build();
    String header = "Bearer " + customerToken(INDIVIDUAL, "cards", Duration.ofHours(1)).token();

    ApiException e = refusedBy(blind, header);

    assertThat(e.status()).isEqualTo(503);
    assertThat(e.error().code()).isEqualTo(ApiErrorCode.STATE_UNAVAILABLE);
  }

  @Test
  void keyRotation_sameAuthorizer_newKeyAcceptedAndRevocationsKept() throws Exception {
    java.util.concurrent.atomic.AtomicReference<dev.custos.token.KeyRing> ring =
        new java.util.concurrent.atomic.AtomicReference<>(platform.keys);
    dev.custos.token.TokenMinter minter =
        dev.custos.token.TokenMinter.builder()
            .followKeyRing(ring::get)
            .issuer(TestPlatform.ISSUER)
            .clock(platform.time)
            .build();
    RequestAuthorizer following =
        RequestAuthorizer.builder()
            .verifier(
                TokenVerifier.builder()
                    .followKeyRing(ring::get)
                    .issuer(TestPlatform.ISSUER)
                    .clock(platform.time)
                    .build())
            .clock(platform.time)
            .build();
    MintedToken revoked =
        minter.mint(TokenRequest.customer(INDIVIDUAL, platform.catalog.parse("cards")));
    following.revoke(following.authenticate("Bearer " + revoked.token()));

    ring.updateAndGet(
        r ->
            r.rotate(
                dev.custos.token.SigningKey.generate(dev.custos.token.PasetoVersion.V2_PUBLIC),
                platform.time.instant().plus(Duration.ofDays(1))));
    MintedToken fresh =
        minter.mint(TokenRequest.customer(INDIVIDUAL, platform.catalog.parse("cards")));

    assertThat(following.authenticate("Bearer " + fresh.token()).keyId())
        .isEqualTo(ring.get().signingKey().keyId());
    assertThat(refusedBy(following, "Bearer " + revoked.token()).error().detail())
        .isEqualTo("the token has been revoked");
  }

  @Test
  void authenticate_manySpellingsOfOneHeader_oneVerificationOneCacheEntry() throws Exception {
    String token = customerToken(INDIVIDUAL, "cards", Duration.ofHours(1)).token();

    for (int spaces = 1; spaces <= 200; spaces++) {
      String scheme = spaces % 2 == 0 ? "bearer" : "Bearer";
      authorizer.authenticate(scheme + " ".repeat(spaces) + token);
    }

    assertThat(verifications).hasValue(1);
  }

  @Test
  void authorize_missingScope_insufficientScopeChallenge() throws Exception {
    VerifiedToken caller =
        authorizer.authenticate(
            "Bearer " + customerToken(INDIVIDUAL, "cards", Duration.ofHours(1)).token());

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> authorizer.authorize(caller, cardsWrite, INDIVIDUAL))
            .actual();

    assertThat(e.error().authenticate())
        .contains("Bearer error=\"insufficient_scope\", scope=\"cards-write\"");
  }

  @Test
  void revokeCustomerTokens_thenMintInTheSameSecond_newTokenValidOlderRefused() throws Exception {
    platform.time.set(java.time.Instant.parse("2026-11-29T10:00:01.100Z"));
    MintedToken before = customerToken(INDIVIDUAL, "cards", Duration.ofHours(1));
    platform.time.set(java.time.Instant.parse("2026-11-29T10:00:01.300Z"));
    authorizer.revokeCustomerTokens(INDIVIDUAL, platform.time.instant());
    platform.time.set(java.time.Instant.parse("2026-11-29T10:00:01.500Z"));

    MintedToken after = customerToken(INDIVIDUAL, "cards", Duration.ofHours(1));

    assertThat(authorizer.authenticate("Bearer " + after.token()).tokenId())
        .isEqualTo(after.tokenId());
    assertThat(refused("Bearer " + before.token()).error().detail())
        .isEqualTo("the token has been revoked");
  }

  private static ApiException refusedBy(RequestAuthorizer authorizer, String header) {
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> authorizer.authenticate(header))
        .actual();
  }
}
