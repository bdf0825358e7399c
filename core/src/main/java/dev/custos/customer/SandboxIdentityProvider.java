package dev.custos.customer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sandbox's own identity provider, so that Unit's {@code jwtToken} can be tried without one: an
 * ES256 key made at creation (each instance its own), its public JWK Set, and JWTs for the sample
 * customers' subjects. Each JWT lives 5 minutes and carries {@code iss}, {@code sub}, {@code aud},
 * {@code iat}, {@code exp} and a random {@code jti}, so it meets every rule a real provider's must,
 * and is used once. The verifying side is {@link #trust()}; the endpoint that hands JWTs to a
 * sandbox's admin is {@code JsonApiEndpoints.sandboxIdentityProvider()}. Never for production.
 *
 * <p>Thread-safe.
 */
public final class SandboxIdentityProvider {
  /** The issuer of its JWTs. */
  public static final String ISSUER = "custos-sandbox-idp";

  /** The audience its JWTs are for: the API that trusts it. */
  public static final String AUDIENCE = "custos-sandbox";

  /** How long its JWTs live, and how old the verifying side accepts them. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  private final ECKey key;
  private final ECDSASigner signer;
  private final Clock clock;
  private final Set<String> subjects;
  private final SecureRandom random = new SecureRandom();

  private SandboxIdentityProvider(ECKey key, Clock clock, Set<String> subjects)
      throws JOSEException {
    this.key = key;
    this.signer = new ECDSASigner(key);
    this.clock = clock;
    this.subjects = Set.copyOf(subjects);
  }

  /**
   * Makes a provider with a new key.
   *
   * @param clock the clock its JWTs' times are read from: the platform's
   * @param subjects the subjects it signs JWTs for (the sample customers' and authorized users')
   * @return the provider
   * @throws NullPointerException if an argument or a subject is null
   */
  public static SandboxIdentityProvider create(Clock clock, Set<String> subjects) {
    try {
      return new SandboxIdentityProvider(
          new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate(),
          Objects.requireNonNull(clock, "clock"),
          Objects.requireNonNull(subjects, "subjects"));
    } catch (JOSEException e) {
      throw new IllegalStateException("the JDK has no P-256", e);
    }
  }

  /**
   * Returns the verifying side, as a sandbox trusts it: add a replay store if several instances
   * share state, then build.
   *
   * @return a builder of this issuer, audience, key, algorithm, age and clock
   */
  public JwtIdentityProvider.Builder trust() {
    return JwtIdentityProvider.builder(ISSUER)
        .audience(AUDIENCE)
        .algorithms("ES256")
        .jwkSet(jwkSet())
        .maxAge(LIFETIME)
        .clock(clock);
  }

  /**
   * Returns the public key as a JWK Set.
   *
   * @return the JWK Set's JSON
   */
  public String jwkSet() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /**
   * Signs a fresh JWT for a subject.
   *
   * @param subject one of the provider's subjects
   * @return the compact JWT
   * @throws IllegalArgumentException if the provider does not sign for this subject (the message
   *     lists the ones it does)
   * @throws NullPointerException if {@code subject} is null
   */
  public String jwtFor(String subject) {
    if (!subjects.contains(Objects.requireNonNull(subject, "subject"))) {
      throw new IllegalArgumentException(
          "subject must be a sample customer's jwtSubject, one of " + new TreeSet<>(subjects));
    }
    Instant now = clock.instant();
    byte[] jti = new byte[16];
    random.nextBytes(jti);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(subject)
            .audience(AUDIENCE)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .jwtID(Base64.getUrlEncoder().withoutPadding().encodeToString(jti))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("ES256 signing failed", e);
    }
    return jwt.serialize();
  }

  @Override
  public String toString() {
    return "SandboxIdentityProvider[" + ISSUER + "]";
  }
}
