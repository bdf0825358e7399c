package dev.custos.customer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The platform's own identity provider (Auth0, Cognito, Stytch...), whose signed JWT may stand in
 * for a one-time code when a customer token is created (Unit's {@code jwtToken}). A JWT passes when
 * it is signed by a key of the provider's JWK Set with an allowed algorithm (RS256 by default;
 * never {@code none} or an HMAC, so a public key can never be used as a shared secret), its {@code
 * iss} is the provider's, its {@code exp} is in the future (within the clock skew, at most 60
 * seconds), its {@code aud} holds the configured audience (if one is), and it names a subject.
 *
 * <p>Built once, immutable and thread-safe. A remote JWK Set is cached, refetched at most every 30
 * seconds when a JWT names a key it does not hold, and refreshed ahead of expiry (nimbus-jose-jwt's
 * {@code JWKSourceBuilder}).
 */
public final class JwtIdentityProvider {
  /** Why a JWT was refused: a stable reason, reported as {@code meta.reason}. */
  public enum Refusal {
    /** Not a signed JWT. */
    MALFORMED,
    /** Signed with an algorithm not on the allow-list. */
    ALGORITHM,
    /** Signed by a key the provider's JWK Set does not hold, or the signature does not verify. */
    SIGNATURE,
    /** Another issuer. */
    ISSUER,
    /** Not for the configured audience. */
    AUDIENCE,
    /** Expired, or without an expiry. */
    EXPIRED,
    /** Without a subject, or one that is not the customer's or an authorized user's. */
    SUBJECT,
    /** The provider's JWK Set could not be fetched. */
    UNAVAILABLE
  }

  /** A JWT the provider refused, with its reason. */
  public static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The reason. */
    private final Refusal refusal;

    RefusedException(Refusal refusal, String message) {
      super(message);
      this.refusal = refusal;
    }

    /**
     * Returns why the JWT was refused.
     *
     * @return the reason
     */
    public Refusal refusal() {
      return refusal;
    }
  }

  private static final Set<String> ALLOWED =
      Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final String issuer;
  private final Set<JWSAlgorithm> algorithms;

  private JwtIdentityProvider(Builder b) {
    this.issuer = b.issuer;
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    b.algorithms.forEach(name -> algorithms.add(JWSAlgorithm.parse(name)));
    this.algorithms = Set.copyOf(algorithms);
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, b.keys));
    Clock clock = b.clock;
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            // A mutable set: nimbus asks it whether it contains null (an optional audience).
            b.audience == null ? null : new java.util.HashSet<>(Set.of(b.audience)),
            new JWTClaimsSet.Builder().issuer(b.issuer).build(),
            Set.of("iss", "exp", "sub"),
            null) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    claims.setMaxClockSkew((int) b.clockSkew.toSeconds());
    p.setJWTClaimsSetVerifier(claims);
    this.processor = p;
  }

  /**
   * Returns a builder for a provider of this issuer.
   *
   * @param issuer the {@code iss} every JWT must carry, exactly
   * @return a new builder
   * @throws NullPointerException if {@code issuer} is null
   * @throws IllegalArgumentException if {@code issuer} is blank
   */
  public static Builder builder(String issuer) {
    Objects.requireNonNull(issuer, "issuer");
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("issuer is blank");
    }
    return new Builder(issuer);
  }

  /**
   * Verifies a JWT and returns its subject.
   *
   * @param jwt the compact JWT
   * @return the verified {@code sub}
   * @throws RefusedException naming why the JWT does not pass
   * @throws NullPointerException if {@code jwt} is null
   */
  public String subject(String jwt) throws RefusedException {
    Objects.requireNonNull(jwt, "jwt");
    SignedJWT parsed;
    try {
      parsed = SignedJWT.parse(jwt);
    } catch (ParseException e) {
      throw new RefusedException(Refusal.MALFORMED, "jwtToken is not a signed JWT");
    }
    // Checked before any key is looked at: an HMAC "signed" with a public key never gets that far.
    if (!algorithms.contains(parsed.getHeader().getAlgorithm())) {
      throw new RefusedException(
          Refusal.ALGORITHM,
          "jwtToken is signed with " + parsed.getHeader().getAlgorithm() + ", not " + algorithms);
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(parsed, null);
    } catch (BadJWTException e) {
      throw claimRefusal(e.getMessage());
    } catch (BadJOSEException e) {
      throw new RefusedException(
          Refusal.SIGNATURE, "jwtToken is not signed by a key of the identity provider");
    } catch (JOSEException e) {
      throw new RefusedException(
          Refusal.UNAVAILABLE, "the identity provider's keys cannot be read now");
    }
    return claims.getSubject();
  }

  /**
   * Names a claim failure from nimbus's message ("JWT iss claim has value ...", "JWT missing
   * required claims: [sub]", "JWT audience rejected ...", "Expired JWT"). Whole words only:
   * "missing" holds "iss".
   */
  private RefusedException claimRefusal(String message) {
    String m = String.valueOf(message);
    if (m.contains("aud")) {
      return new RefusedException(Refusal.AUDIENCE, "jwtToken is not for this audience");
    }
    if (m.matches(".*\\bsub\\b.*")) {
      return new RefusedException(Refusal.SUBJECT, "jwtToken names no subject");
    }
    if (m.matches(".*\\biss\\b.*")) {
      return new RefusedException(Refusal.ISSUER, "jwtToken is not issued by " + issuer);
    }
    return new RefusedException(Refusal.EXPIRED, "jwtToken has expired or has no expiry");
  }

  @Override
  public String toString() {
    return "JwtIdentityProvider[" + issuer + "]";
  }

  /** Configures a {@link JwtIdentityProvider}. Not thread-safe. */
  public static final class Builder {
    private final String issuer;
    private JWKSource<SecurityContext> keys;
    private Set<String> algorithms = Set.of("RS256");
    private String audience;
    private Duration clockSkew = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();

    private Builder(String issuer) {
      this.issuer = issuer;
    }

    /**
     * Reads the provider's keys from its JWKS endpoint: cached, refetched (at most every 30
     * seconds) when a JWT names an unknown key.
     *
     * @param jwksUri the JWKS URL, {@code https} (or {@code http} on loopback for tests)
     * @return this builder
     * @throws IllegalArgumentException if the URI is not an absolute http(s) URL
     * @throws NullPointerException if {@code jwksUri} is null
     */
    public Builder jwksUri(URI jwksUri) {
      Objects.requireNonNull(jwksUri, "jwksUri");
      if (!"https".equals(jwksUri.getScheme()) && !"http".equals(jwksUri.getScheme())) {
        throw new IllegalArgumentException("the JWKS location must be an http(s) URL");
      }
      try {
        this.keys =
            JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL()).rateLimited(30_000).build();
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new IllegalArgumentException("the JWKS location is not a URL: " + jwksUri, e);
      }
      return this;
    }

    /**
     * Uses a fixed JWK Set (read from a file, for example).
     *
     * @param jwkSet the JWK Set document
     * @return this builder
     * @throws IllegalArgumentException if it is not a JWK Set with at least one public key
     * @throws NullPointerException if {@code jwkSet} is null
     */
    public Builder jwkSet(String jwkSet) {
      Objects.requireNonNull(jwkSet, "jwkSet");
      JWKSet set;
      try {
        set = JWKSet.parse(jwkSet);
      } catch (ParseException e) {
        throw new IllegalArgumentException("not a JWK Set: " + e.getMessage());
      }
      if (set.getKeys().isEmpty() || set.getKeys().stream().anyMatch(k -> k.isPrivate())) {
        throw new IllegalArgumentException("the JWK Set must hold public keys only, at least one");
      }
      this.keys = new ImmutableJWKSet<>(set);
      return this;
    }

    /**
     * Sets the accepted signature algorithms; {@code RS256} by default.
     *
     * @param names algorithm names among RS256/384/512, PS256/384/512, ES256/384/512
     * @return this builder
     * @throws IllegalArgumentException if a name is another algorithm ({@code none} and the HMACs
     *     are never accepted) or none is given
     * @throws NullPointerException if an argument is null
     */
    public Builder algorithms(String... names) {
      Set<String> chosen = new LinkedHashSet<>();
      for (String name : names) {
        if (!ALLOWED.contains(Objects.requireNonNull(name, "algorithm"))) {
          throw new IllegalArgumentException(
              "algorithm " + name + " is not accepted; choose among " + ALLOWED);
        }
        chosen.add(name);
      }
      if (chosen.isEmpty()) {
        throw new IllegalArgumentException("at least one algorithm is required");
      }
      this.algorithms = Set.copyOf(chosen);
      return this;
    }

    /**
     * Requires this audience in {@code aud}; none is checked by default.
     *
     * @param audience the audience
     * @return this builder
     * @throws NullPointerException if {@code audience} is null
     */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /**
     * Sets the tolerated clock skew for {@code exp}; 60 seconds by default.
     *
     * @param skew zero to 60 seconds
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws NullPointerException if {@code skew} is null
     */
    public Builder clockSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew");
      if (skew.isNegative() || skew.compareTo(Duration.ofSeconds(60)) > 0) {
        throw new IllegalArgumentException("clock skew must be zero to 60 seconds");
      }
      this.clockSkew = skew;
      return this;
    }

    /**
     * Sets the clock expiry is checked against; {@link Clock#systemUTC()} by default.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     * @throws IllegalStateException if no JWK source was set
     */
    public JwtIdentityProvider build() {
      if (keys == null) {
        throw new IllegalStateException(
            "the identity provider's JWKS location or JWK Set is required");
      }
      return new JwtIdentityProvider(this);
    }
  }
}
