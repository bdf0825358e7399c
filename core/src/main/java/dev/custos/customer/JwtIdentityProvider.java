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
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The platform's own identity provider (Auth0, Cognito, Stytch...), whose signed JWT may stand in
 * for a one-time code when a customer token is created (Unit's {@code jwtToken}). A second factor
 * is a fresh event, so a JWT passes once, and only while it is young. It passes when:
 *
 * <ul>
 *   <li>it is signed by a key of the provider's JWK Set with an allowed algorithm (RS256 by
 *       default; never {@code none} or an HMAC, so a public key can never be used as a shared
 *       secret; checked before any key is looked at);
 *   <li>its {@code iss} is the provider's and its {@code aud} holds the configured audience (an
 *       audience is required: a JWT the provider issued for another application never passes);
 *   <li>its {@code exp} is in the future and any {@code nbf} is not, within the clock skew (at most
 *       60 seconds);
 *   <li>its {@code iat} is present, not beyond the skew in the future, and no older than the
 *       maximum age (5 minutes by default, plus the skew);
 *   <li>its {@code sub} is one the caller accepts (the customer's or an authorized user's);
 *   <li>every claim the provider requires ({@link Builder#requireClaim}) has its value;
 *   <li>its {@code jti} (at most 256 characters) was never used before: the {@link JwtReplayStore}
 *       remembers it until the JWT would be refused anyway.
 * </ul>
 *
 * <p>Built once, immutable and thread-safe. A remote JWK Set is cached, refetched at most every 30
 * seconds when a JWT names a key it does not hold, and refreshed ahead of expiry (nimbus-jose-jwt's
 * {@code JWKSourceBuilder}).
 */
public final class JwtIdentityProvider {
  /** Why a JWT was refused: a stable reason, reported as {@code meta.reason}. */
  public enum Refusal {
    /** Not a signed JWT, or its claims are not a JWT claims set. */
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
    /** Not valid yet: its {@code nbf} is beyond the clock skew in the future. */
    NOT_YET_VALID,
    /** Without an issue time, or with one beyond the clock skew in the future. */
    ISSUED_AT,
    /** Issued longer ago than the maximum age allows. */
    TOO_OLD,
    /** Without a subject, or one that is not the customer's or an authorized user's. */
    SUBJECT,
    /** Without a JWT id ({@code jti}), or with one longer than 256 characters. */
    JWT_ID,
    /** Used before: a JWT stands in for a second factor once. */
    REPLAYED,
    /** The provider's JWK Set could not be fetched. */
    UNAVAILABLE,
    /**
     * A claim the provider requires ({@link Builder#requireClaim}, such as Cognito's {@code
     * token_use}) is missing or has another value.
     */
    CLAIM
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
  private static final int MAX_JWT_ID_LENGTH = 256;
  private static final long DEFAULT_MAX_REMEMBERED = 100_000;

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final String issuer;
  private final JwtClaimRules rules;
  private final Set<JWSAlgorithm> algorithms;
  private final Duration skew;
  private final Duration maxAge;
  private final Clock clock;
  private final JwtReplayStore replays;

  private JwtIdentityProvider(Builder b) {
    this.issuer = b.issuer;
    this.rules = new JwtClaimRules(b.issuer, b.audience, b.requiredClaims, b.clockSkew, b.maxAge);
    this.skew = b.clockSkew;
    this.maxAge = b.maxAge;
    this.clock = b.clock;
    this.replays =
        b.replays != null ? b.replays : new InMemoryJwtReplayStore(b.clock, DEFAULT_MAX_REMEMBERED);
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    b.algorithms.forEach(name -> algorithms.add(JWSAlgorithm.parse(name)));
    this.algorithms = Set.copyOf(algorithms);
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, b.keys));
    // Claims are checked here, after the signature, each with its own reason.
    p.setJWTClaimsSetVerifier(null);
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
   * Verifies a JWT for one of the accepted subjects and uses it up: the same JWT is refused from
   * then on, here and on every instance sharing the {@link JwtReplayStore}.
   *
   * @param jwt the compact JWT
   * @param acceptedSubjects the subjects it may name (a customer's and its authorized users')
   * @return the verified {@code sub}
   * @throws RefusedException naming why the JWT does not pass; a refused JWT is not used up
   * @throws JwtReplayStoreException if used JWT ids cannot be checked now; the JWT is not accepted
   * @throws NullPointerException if an argument is null
   */
  public String subject(String jwt, Set<String> acceptedSubjects) throws RefusedException {
    Objects.requireNonNull(jwt, "jwt");
    Objects.requireNonNull(acceptedSubjects, "acceptedSubjects");
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
      throw new RefusedException(Refusal.MALFORMED, "jwtToken's claims are not a JWT claims set");
    } catch (BadJOSEException e) {
      throw new RefusedException(
          Refusal.SIGNATURE, "jwtToken is not signed by a key of the identity provider");
    } catch (JOSEException e) {
      throw new RefusedException(
          Refusal.UNAVAILABLE, "the identity provider's keys cannot be read now");
    }
    Instant now = clock.instant();
    Instant issuedAt = rules.check(claims, now);
    String subject = claims.getSubject();
    if (subject == null || !acceptedSubjects.contains(subject)) {
      throw new RefusedException(
          Refusal.SUBJECT,
          "jwtToken's subject is neither this customer nor one of its authorized users");
    }
    String jwtId = claims.getJWTID();
    if (jwtId == null || jwtId.isEmpty() || jwtId.length() > MAX_JWT_ID_LENGTH) {
      throw new RefusedException(
          Refusal.JWT_ID, "jwtToken needs a jti of 1 to " + MAX_JWT_ID_LENGTH + " characters");
    }
    // Remembered until the JWT would be refused anyway: past its exp, or past its maximum age.
    Instant refusedFrom = claims.getExpirationTime().toInstant();
    if (issuedAt.plus(maxAge).isBefore(refusedFrom)) {
      refusedFrom = issuedAt.plus(maxAge);
    }
    if (!replays.firstUse(issuer, jwtId, refusedFrom.plus(skew).toEpochMilli())) {
      throw new RefusedException(Refusal.REPLAYED, "jwtToken has been used before");
    }
    return subject;
  }

  /** The clock JWT times are checked against; the service refuses one of another clock. */
  Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "JwtIdentityProvider[" + issuer + "]";
  }

  /** Configures a {@link JwtIdentityProvider}. Not thread-safe. */
  public static final class Builder {
    final String issuer;
    private JWKSource<SecurityContext> keys;
    private final java.util.Set<String> keysSetBy = new java.util.TreeSet<>();
    String keysLocation;
    Set<String> algorithms = Set.of("RS256");
    String audience;
    private Duration clockSkew = Duration.ofSeconds(60);
    private Duration maxAge = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private JwtReplayStore replays;
    final Map<String, String> requiredClaims = new LinkedHashMap<>();

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
        keysSetBy.add("jwksUri");
        keysLocation = jwksUri.toString();
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
      keysSetBy.add("jwkSet");
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
     * Sets the audience every JWT's {@code aud} must hold: the identifier the identity provider
     * gives this application. Required.
     *
     * @param audience the audience
     * @return this builder
     * @throws NullPointerException if {@code audience} is null
     * @throws IllegalArgumentException if {@code audience} is blank
     */
    public Builder audience(String audience) {
      Objects.requireNonNull(audience, "audience");
      if (audience.isBlank()) {
        throw new IllegalArgumentException("audience is blank");
      }
      this.audience = audience;
      return this;
    }

    /**
     * Requires a claim of this exact string value, beside the standard ones: a provider's own rule
     * (Cognito's {@code token_use} is {@code id} on ID tokens), so that another kind of token the
     * same provider signs does not pass.
     *
     * @param name the claim's name
     * @param value its required value
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is a claim this provider checks anyway
     */
    public Builder requireClaim(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (Set.of("iss", "aud", "exp", "nbf", "iat", "sub", "jti").contains(name)) {
        throw new IllegalArgumentException(name + " is checked anyway; set it with its own method");
      }
      requiredClaims.put(name, value);
      return this;
    }

    /**
     * Sets how long after its {@code iat} a JWT is accepted (plus the clock skew); 5 minutes by
     * default. A JWT proves a login that just happened, not one from yesterday.
     *
     * @param maxAge 1 second to 1 hour
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws NullPointerException if {@code maxAge} is null
     */
    public Builder maxAge(Duration maxAge) {
      Objects.requireNonNull(maxAge, "maxAge");
      if (maxAge.compareTo(Duration.ofSeconds(1)) < 0
          || maxAge.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("maxAge must be 1 second to 1 hour");
      }
      this.maxAge = maxAge;
      return this;
    }

    /**
     * Sets where used JWT ids are remembered; by default in this process (at most 100,000 at a
     * time, each until its JWT would be refused anyway). Instances that accept the same provider's
     * JWTs share one store, such as {@code custos-redis}'s, so that a JWT is used once across all.
     *
     * @param store the store
     * @return this builder
     * @throws NullPointerException if {@code store} is null
     */
    public Builder replayStore(JwtReplayStore store) {
      this.replays = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the tolerated clock skew for {@code exp}, {@code nbf} and {@code iat}; 60 seconds by
     * default.
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
     * Sets the clock times are checked against; {@link Clock#systemUTC()} by default.
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
     * @throws IllegalStateException if no JWK source or no audience was set, or both a JWKS URL and
     *     a JWK Set were
     */
    public JwtIdentityProvider build() {
      if (keys == null) {
        throw new IllegalStateException(
            "the identity provider's JWKS location or JWK Set is required");
      }
      if (keysSetBy.size() > 1) {
        throw new IllegalStateException(
            "jwkSet and jwksUri exclude each other: give the provider one source of keys");
      }
      if (audience == null) {
        throw new IllegalStateException(
            "an audience is required: without one, a JWT the identity provider issued for any"
                + " other application would pass");
      }
      return new JwtIdentityProvider(this);
    }
  }
}
