package dev.custos.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.Phone;
import dev.custos.token.VerifiedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unit's jwtToken: the platform's identity provider's JWT in place of a one-time code, and every
 * way an attacker would try to pass a bad one.
 */
class JwtTokenTest {
  private static final String ISSUER = "https://idp.example.com/";
  private static RSAKey rsa;
  private static RSAKey unknownRsa;
  private static ECKey ec;
  private static String jwks;

  private final TestPlatform platform = new TestPlatform();
  private final Customer individual =
      Customer.individual("100001", Phone.of("1", "5555550101")).withJwtSubjects("user-100001");
  private final Customer business =
      Customer.business("100002", Phone.of("1", "5555550102"), List.of(Phone.of("1", "5555550103")))
          .withJwtSubjects("user-100002-au");

  @BeforeAll
  static void keys() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    unknownRsa = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    jwks = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString();
  }

  private CustomerTokenService service(JwtIdentityProvider provider) {
    return CustomerTokenService.builder()
        .directory(
            id -> Optional.ofNullable(Map.of("100001", individual, "100002", business).get(id)))
        .otpEngine(platform.otp)
        .minter(platform.minter)
        .authorizer(platform.authorizer)
        .clock(platform.time)
        .identityProvider(provider)
        .build();
  }

  private static final String AUDIENCE = "custos";

  private JwtIdentityProvider.Builder provider() {
    return JwtIdentityProvider.builder(ISSUER).jwkSet(jwks).audience(AUDIENCE).clock(platform.time);
  }

  private String jwt(JWSAlgorithm alg, String kid, JWSSigner signer, JWTClaimsSet claims)
      throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private JWTClaimsSet.Builder claims(String subject) {
    Instant now = platform.time.instant();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .jwtID(java.util.UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
  }

  private String rs256(JWTClaimsSet claims) throws Exception {
    return jwt(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa), claims);
  }

  private VerifiedToken mint(CustomerTokenService service, String customer, String jwt)
      throws Exception {
    VerifiedToken org = platform.authorizer.authenticate(platform.orgHeader());
    return platform.verifier.verify(
        service
            .createToken(
                org, customer, CustomerTokenAttributes.of("cards cards-write").withJwtToken(jwt))
            .token());
  }

  private String refusal(CustomerTokenService service, String jwt) {
    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> mint(service, "100001", jwt))
            .actual();
    assertThat(e.error().code()).isEqualTo(ApiErrorCode.INVALID_JWT);
    assertThat(e.error().pointer()).contains("/data/attributes/jwtToken");
    return (String) e.error().meta().get("reason");
  }

  @Test
  void validRs256Jwt_ofTheCustomerOrAnAuthorizedUser_standsInForTheCode() throws Exception {
    CustomerTokenService service = service(provider().build());

    VerifiedToken token = mint(service, "100001", rs256(claims("user-100001").build()));
    VerifiedToken businessToken = mint(service, "100002", rs256(claims("user-100002-au").build()));

    assertThat(token.twoFactorVerified()).isTrue();
    assertThat(token.scopes()).hasToString("cards cards-write");
    assertThat(businessToken.customerId()).contains("100002");
    assertThat(platform.sender.messages()).as("no code was sent").isEmpty();
  }

  @Test
  void es256_refusedUnlessAllowed() throws Exception {
    String es256 =
        jwt(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec), claims("user-100001").build());

    assertThat(refusal(service(provider().build()), es256)).isEqualTo("algorithm");
    assertThat(
            mint(service(provider().algorithms("RS256", "ES256").build()), "100001", es256)
                .twoFactorVerified())
        .isTrue();
  }

  @Test
  void hmacWithThePublicKeyAsSecret_refusedAsAlgorithm() throws Exception {
    byte[] publicKeyAsSecret = rsa.toPublicJWK().toRSAPublicKey().getEncoded();
    String confused =
        jwt(
            JWSAlgorithm.HS256,
            "rsa-1",
            new MACSigner(publicKeyAsSecret),
            claims("user-100001").build());

    assertThat(refusal(service(provider().build()), confused)).isEqualTo("algorithm");
  }

  @Test
  void everyBadClaimOrKey_refusedWithItsReason() throws Exception {
    CustomerTokenService service = service(provider().build());
    Instant now = platform.time.instant();

    assertThat(
            refusal(
                service,
                rs256(claims("user-100001").audience("custos").issuer("https://evil/").build())))
        .isEqualTo("issuer");
    assertThat(refusal(service, rs256(claims("user-100001").audience("other").build())))
        .isEqualTo("audience");
    assertThat(
            refusal(
                service,
                rs256(
                    claims("user-100001")
                        .audience("custos")
                        .expirationTime(Date.from(now.minusSeconds(61)))
                        .build())))
        .isEqualTo("expired");
    assertThat(refusal(service, rs256(claims("user-100002-au").audience("custos").build())))
        .as("another customer's authorized user")
        .isEqualTo("subject");
    assertThat(
            refusal(
                service,
                jwt(
                    JWSAlgorithm.RS256,
                    "rsa-2",
                    new RSASSASigner(unknownRsa),
                    claims("user-100001").audience("custos").build())))
        .isEqualTo("signature");
    assertThat(refusal(service, "not.a.jwt")).isEqualTo("malformed");
    assertThat(
            refusal(
                service,
                rs256(claims("user-100001").notBeforeTime(Date.from(now.plusSeconds(61))).build())))
        .as("nbf in the future is not 'expired'")
        .isEqualTo("not_yet_valid");
    assertThat(
            mint(
                    service,
                    "100001",
                    rs256(
                        claims("user-100001")
                            .audience("custos")
                            .expirationTime(Date.from(now.minusSeconds(30)))
                            .build()))
                .twoFactorVerified())
        .as("expired within the skew")
        .isTrue();
  }

  @Test
  void jwtAndVerificationTogether_refused() throws Exception {
    CustomerTokenService service = service(provider().build());
    VerifiedToken org = platform.authorizer.authenticate(platform.orgHeader());

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () ->
                    service.createToken(
                        org,
                        "100001",
                        CustomerTokenAttributes.of("cards-write")
                            .withJwtToken(rs256(claims("user-100001").build()))
                            .withVerificationToken("t")
                            .withVerificationCode("123456")))
            .actual();

    assertThat(e.error().code()).isEqualTo(ApiErrorCode.INVALID_VALUE);
    assertThat(e.error().pointer()).contains("/data/attributes/jwtToken");
  }

  @Test
  void provider_noneOrHmacAlgorithms_neverAccepted() {
    for (String alg : new String[] {"none", "HS256", "HS512"}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> JwtIdentityProvider.builder(ISSUER).algorithms(alg));
    }
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> JwtIdentityProvider.builder(ISSUER).jwkSet(new JWKSet(rsa).toString(false)))
        .as("a private key in the set");
  }

  @Test
  void provider_skewSubjectAndBuilderRules() throws Exception {
    Instant now = platform.time.instant();
    CustomerTokenService strict = service(provider().clockSkew(Duration.ZERO).build());
    String expiredJustNow =
        rs256(claims("user-100001").expirationTime(Date.from(now.minusSeconds(30))).build());
    String noSubject = rs256(claims("user-100001").subject(null).build());

    assertThat(refusal(strict, expiredJustNow)).isEqualTo("expired");
    assertThat(refusal(strict, noSubject)).isEqualTo("subject");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JwtIdentityProvider.builder(ISSUER).clockSkew(Duration.ofSeconds(61)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JwtIdentityProvider.builder(ISSUER).clockSkew(Duration.ofSeconds(-1)));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                JwtIdentityProvider.builder(ISSUER).jwksUri(java.net.URI.create("ftp://idp/jwks")));
    assertThatIllegalArgumentException().isThrownBy(() -> JwtIdentityProvider.builder(" "));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JwtIdentityProvider.builder(ISSUER).algorithms())
        .withMessage("at least one algorithm is required");
    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> JwtIdentityProvider.builder(ISSUER).audience(AUDIENCE).build());
    JwtIdentityProvider.Builder b = JwtIdentityProvider.builder(ISSUER).audience(AUDIENCE);
    assertThat(
            b.jwksUri(java.net.URI.create("https://idp.example.com/jwks"))
                .clockSkew(Duration.ofSeconds(60)))
        .isSameAs(b);
    assertThat(b.build()).hasToString("JwtIdentityProvider[" + ISSUER + "]");
    assertThatIllegalArgumentException().isThrownBy(() -> individual.withJwtSubjects(" "));
  }

  @Test
  void provider_withoutAnAudience_refusedToBuild() {
    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> JwtIdentityProvider.builder(ISSUER).jwkSet(jwks).build())
        .withMessageStartingWith("an audience is required");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JwtIdentityProvider.builder(ISSUER).audience(" "));
  }

  /**
   * What the review measured passing: another app's JWT, one valid for years, one from tomorrow.
   */
  @Test
  void freshnessAndAudience_eachStaleOrForeignJwtRefused() throws Exception {
    CustomerTokenService service = service(provider().build());
    Instant now = platform.time.instant();
    List<Map.Entry<String, JWTClaimsSet>> cases = new java.util.ArrayList<>();
    cases.add(Map.entry("audience", claims("user-100001").audience("another-app").build()));
    cases.add(Map.entry("audience", claims("user-100001").audience((String) null).build()));
    cases.add(Map.entry("issued_at", claims("user-100001").issueTime(null).build()));
    cases.add(
        Map.entry(
            "issued_at",
            claims("user-100001")
                .issueTime(Date.from(now.plus(Duration.ofDays(1))))
                .expirationTime(Date.from(now.plus(Duration.ofDays(3650))))
                .build()));
    cases.add(
        Map.entry(
            "too_old",
            claims("user-100001")
                .issueTime(Date.from(now.minus(Duration.ofMinutes(6)).minusSeconds(1)))
                .expirationTime(Date.from(now.plus(Duration.ofDays(3650))))
                .build()));
    cases.add(Map.entry("jwt_id", claims("user-100001").jwtID(null).build()));
    cases.add(Map.entry("jwt_id", claims("user-100001").jwtID("x".repeat(257)).build()));

    List<String> wrong = new java.util.ArrayList<>();
    for (Map.Entry<String, JWTClaimsSet> c : cases) {
      String reason = refusal(service, rs256(c.getValue()));
      if (!reason.equals(c.getKey())) {
        wrong.add(c.getKey() + " expected, " + reason + " given for " + c.getValue());
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(
            mint(
                    service,
                    "100001",
                    rs256(
                        claims("user-100001")
                            .issueTime(Date.from(now.minus(Duration.ofMinutes(5))))
                            .build()))
                .twoFactorVerified())
        .as("5 minutes old: still fresh")
        .isTrue();
  }

  @Test
  void subject_passingJwt_returnsItsSubjectAndKeepsItsIdUntilItWouldBeRefused() throws Exception {
    List<Long> keptUntil = new java.util.ArrayList<>();
    JwtIdentityProvider provider =
        provider()
            .maxAge(Duration.ofMinutes(2))
            .replayStore(
                (issuer, id, keepUntil) -> {
                  keptUntil.add(keepUntil);
                  return true;
                })
            .build();
    Instant now = platform.time.instant();
    String shortLived =
        rs256(claims("user-100001").expirationTime(Date.from(now.plusSeconds(30))).build());
    String longLived =
        rs256(claims("user-100001").expirationTime(Date.from(now.plusSeconds(3600))).build());

    assertThat(provider.subject(shortLived, java.util.Set.of("user-100001", "other")))
        .isEqualTo("user-100001");
    provider.subject(longLived, java.util.Set.of("user-100001"));

    assertThat(keptUntil)
        .as("exp + skew for the first; iat + maxAge + skew for the second")
        .containsExactly(
            now.plusSeconds(30 + 60).toEpochMilli(), now.plusSeconds(120 + 60).toEpochMilli());
  }

  @Test
  void maxAge_setShorter_olderJwtsRefusedAndBoundsChecked() throws Exception {
    CustomerTokenService service = service(provider().maxAge(Duration.ofMinutes(1)).build());
    Instant now = platform.time.instant();

    assertThat(
            refusal(
                service,
                rs256(claims("user-100001").issueTime(Date.from(now.minusSeconds(121))).build())))
        .isEqualTo("too_old");
    assertThat(
            mint(
                    service,
                    "100001",
                    rs256(
                        claims("user-100001").issueTime(Date.from(now.minusSeconds(120))).build()))
                .twoFactorVerified())
        .as("one minute and the skew")
        .isTrue();
    JwtIdentityProvider.Builder b = provider();
    assertThat(b.maxAge(Duration.ofSeconds(1)).maxAge(Duration.ofHours(1))).isSameAs(b);
    assertThatIllegalArgumentException().isThrownBy(() -> b.maxAge(Duration.ofMillis(999)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.maxAge(Duration.ofHours(1).plusMillis(1)));
  }

  @Test
  void jwtId_of256Characters_accepted() throws Exception {
    assertThat(
            mint(
                    service(provider().build()),
                    "100001",
                    rs256(claims("user-100001").jwtID("x".repeat(256)).build()))
                .twoFactorVerified())
        .isTrue();
  }

  @Test
  void sameJwtTwice_secondRefusedAsReplayed() throws Exception {
    CustomerTokenService service = service(provider().build());
    String jwt = rs256(claims("user-100001").build());

    assertThat(mint(service, "100001", jwt).twoFactorVerified()).isTrue();

    assertThat(refusal(service, jwt)).isEqualTo("replayed");
    platform.time.advance(Duration.ofMinutes(3));
    assertThat(refusal(service, jwt))
        .as("still remembered while it could pass")
        .isEqualTo("replayed");
  }

  @Test
  void refusedJwt_notUsedUp() throws Exception {
    CustomerTokenService service = service(provider().build());
    String jwt = rs256(claims("user-100001").build());
    VerifiedToken org = platform.authorizer.authenticate(platform.orgHeader());

    assertThatExceptionOfType(ApiException.class)
        .as("presented for another customer")
        .isThrownBy(
            () ->
                service.createToken(
                    org, "100002", CustomerTokenAttributes.of("cards").withJwtToken(jwt)));

    assertThat(mint(service, "100001", jwt).twoFactorVerified()).isTrue();
  }

  @Test
  void sameJwtRacedFromEightThreads_exactlyOneMint() throws Exception {
    CustomerTokenService service = service(provider().build());
    String jwt = rs256(claims("user-100001").build());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tries.add(
          pool.submit(
              () -> {
                go.await();
                try {
                  mint(service, "100001", jwt);
                  return true;
                } catch (ApiException e) {
                  return false;
                }
              }));
    }
    go.countDown();
    int minted = 0;
    for (java.util.concurrent.Future<Boolean> t : tries) {
      minted += t.get() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(minted).isEqualTo(1);
  }

  @Test
  void replayStoreDown_503NothingMinted() throws Exception {
    CustomerTokenService service =
        service(
            provider()
                .replayStore(
                    (issuer, id, keepUntil) -> {
                      throw new JwtReplayStoreException(
                          JwtReplayStoreException.Reason.UNAVAILABLE, "down", null);
                    })
                .build());

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> mint(service, "100001", rs256(claims("user-100001").build())))
            .actual();

    assertThat(e.status()).isEqualTo(503);
    assertThat(e.error().code()).isEqualTo(ApiErrorCode.STATE_UNAVAILABLE);
    assertThat(e.error().retryAfter()).isPresent();
  }
}
