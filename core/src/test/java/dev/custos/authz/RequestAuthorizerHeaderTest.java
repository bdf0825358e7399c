package dev.custos.authz;

import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiException;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Authorization header as RFC 6750 spells it, and what the cache does with it. */
class RequestAuthorizerHeaderTest {
  private final TestPlatform platform = new TestPlatform();
  private final AtomicInteger verifications = new AtomicInteger();
  private final TokenVerifier counting = platform.countingVerifier(verifications);
  private final AtomicInteger revocationChecks = new AtomicInteger();
  private final CaffeineRevocationStore revocations =
      new CaffeineRevocationStore(1_000, platform.time);
  private final RevocationStore countingStore =
      new RevocationStore() {
        @Override
        public void revokeToken(String tokenId, long expiresAtMillis) {
          revocations.revokeToken(tokenId, expiresAtMillis);
        }

        @Override
        public void revokeCustomerTokens(
            String customerId, long issuedBeforeMillis, long keepUntilMillis) {
          revocations.revokeCustomerTokens(customerId, issuedBeforeMillis, keepUntilMillis);
        }

        @Override
        public boolean isRevoked(String tokenId, String customerId, long issuedAtMillis) {
          revocationChecks.incrementAndGet();
          return revocations.isRevoked(tokenId, customerId, issuedAtMillis);
        }

        @Override
        public void onRevocation(Runnable listener) {
          revocations.onRevocation(listener);
        }
      };
  private final RequestAuthorizer authorizer =
      RequestAuthorizer.builder()
          .verifier(counting)
          .clock(platform.time)
          .revocationStore(countingStore)
          .build();

  private String token() {
    return token(TokenRequest.MAX_CUSTOMER_LIFETIME);
  }

  private String token(Duration lifetime) {
    return platform
        .minter
        .mint(
            TokenRequest.customer(INDIVIDUAL, platform.catalog.parse("cards")).expiresIn(lifetime))
        .token();
  }

  private ApiException refused(String header) {
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> authorizer.authenticate(header))
        .actual();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void authenticate_noHeader_401MissingWithABareChallenge(String header) {
    ApiException e = refused(header);

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.error().detail()).isEqualTo("the Authorization header is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic abc", "Bearer", "Bearerabc", "Bearer\tabc", "Bearex abc"})
  void authenticate_otherScheme_401NamingTheScheme(String header) {
    assertThat(refused(header).error().detail())
        .isEqualTo("the Authorization header must use the Bearer scheme");
    assertThat(verifications).hasValue(0);
  }

  @Test
  void authenticate_schemeWithoutToken_invalidTokenWithItsDescription() {
    ApiException e = refused("Bearer    ");

    assertThat(e.error().detail()).isEqualTo("the Authorization header has no token after Bearer");
    assertThat(e.error().authenticate())
        .contains(
            "Bearer error=\"invalid_token\","
                + " error_description=\"the Authorization header has no token after Bearer\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "z", "A", "Z", "0", "9", "-", "_", "."})
  void authenticate_tokenCharactersAtTheAlphabetsEdges_reachTheVerifier(String c) {
    refused("Bearer v2.public.AAAA" + c);

    assertThat(verifications).hasValue(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"`", "{", "@", "[", "/", ":", "+", "=", "~", "é", "\"", "\u0000"})
  void authenticate_otherCharacters_malformedWithoutVerifying(String c) {
    assertThat(refused("Bearer v2.public.AA" + c + "AA").error().detail())
        .isEqualTo("the token is malformed");
    assertThat(verifications).hasValue(0);
  }

  @Test
  void authenticate_tokenAtItsLengthBound_verifiedAndOneMoreRefusedUnverified() {
    String longest = "v2.public." + "A".repeat(8192 - 10);

    refused("Bearer " + longest);
    assertThat(verifications).hasValue(1);
    assertThat(refused("Bearer  " + longest + "A").error().detail())
        .isEqualTo("the token is malformed");
    assertThat(verifications).hasValue(1);
  }

  @Test
  void authenticate_lowerCaseSchemeThenCanonical_oneVerification() throws Exception {
    String token = token();

    authorizer.authenticate("bearer " + token);
    authorizer.authenticate("Bearer " + token);
    authorizer.authenticate("BEARER  " + token);

    assertThat(verifications).hasValue(1);
  }

  @Test
  void authenticate_cacheHits_askTheRevocationStoreOnlyAfterARevocation() throws Exception {
    String header = "Bearer " + token();
    authorizer.authenticate(header);
    authorizer.authenticate(header);
    assertThat(revocationChecks).hasValue(1);

    authorizer.revokeToken("another-token", platform.time.instant().plusSeconds(60));
    authorizer.authenticate(header);
    authorizer.authenticate(header);

    assertThat(revocationChecks).as("once after the revocation, then the fast path").hasValue(2);
    assertThat(verifications).hasValue(1);
  }

  @Test
  void customerFilter_tokenWithoutTheScope_403() throws Exception {
    VerifiedToken caller = authorizer.authenticate("Bearer " + token());

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () ->
                    authorizer.customerFilter(
                        caller, platform.catalog.find("accounts").orElseThrow(), null))
            .actual();
    assertThat(e.status()).isEqualTo(403);
  }

  @Test
  void builder_boundsAtTheirEdges_acceptedAndOneBeyondRefused() {
    RequestAuthorizerBuilder b = RequestAuthorizer.builder();

    assertThat(b.cacheSize(1).cacheSize(10_000_000).maxRevocations(1_000)).isSameAs(b);
    assertThat(b.maxRevocations(100_000_000)).isSameAs(b);
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> b.cacheSize(10_000_001));
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> b.maxRevocations(999));
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> b.maxRevocations(100_000_001));
  }

  @Test
  void verifierFailure_isAnInvalidTokenChallengeNamingTheReason() {
    String expired = token(Duration.ofSeconds(1));
    platform.time.advance(Duration.ofSeconds(2));

    ApiException e = refused("Bearer " + expired);

    assertThat(e.error().detail()).isNotBlank();
    assertThat(e.error().authenticate())
        .contains(
            "Bearer error=\"invalid_token\", error_description=\"" + e.error().detail() + "\"");
  }

  @Test
  void listener_hearsEachRefusalWithItsReasonOnly() throws Exception {
    java.util.List<AuthorizationListener.Denial> heard =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    RequestAuthorizer listened =
        RequestAuthorizer.builder()
            .verifier(platform.verifier)
            .clock(platform.time)
            .listener(heard::add)
            .build();
    String valid = token();
    VerifiedToken caller = listened.authenticate("Bearer " + valid);
    String expiring = token(Duration.ofSeconds(1));
    String revoked = token();
    listened.revoke(listened.authenticate("Bearer " + revoked));

    refusedBy(listened, null);
    refusedBy(listened, "Basic abc");
    refusedBy(listened, "Bearer v2.public.AAAA");
    refusedBy(listened, "Bearer " + revoked);
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(
            () -> listened.authorize(caller, platform.catalog.find("accounts").orElseThrow(), "x"));
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(
            () ->
                listened.authorize(
                    caller, platform.catalog.find("cards").orElseThrow(), "someone-else"));
    platform.time.advance(Duration.ofSeconds(2));
    refusedBy(listened, "Bearer " + expiring);

    assertThat(heard)
        .containsExactly(
            AuthorizationListener.Denial.MISSING_CREDENTIALS,
            AuthorizationListener.Denial.MALFORMED_CREDENTIALS,
            AuthorizationListener.Denial.INVALID_TOKEN,
            AuthorizationListener.Denial.REVOKED_TOKEN,
            AuthorizationListener.Denial.MISSING_SCOPE,
            AuthorizationListener.Denial.OTHER_CUSTOMER,
            AuthorizationListener.Denial.EXPIRED_TOKEN);
  }

  @Test
  void listener_thatThrows_changesNoDecision() {
    RequestAuthorizer listened =
        RequestAuthorizer.builder()
            .verifier(platform.verifier)
            .clock(platform.time)
            .listener(
                denial -> {
                  throw new IllegalStateException("metrics down");
                })
            .build();

    assertThat(refusedBy(listened, null).status()).isEqualTo(401);
  }

  private static ApiException refusedBy(RequestAuthorizer a, String header) {
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> a.authenticate(header))
        .actual();
  }
}
