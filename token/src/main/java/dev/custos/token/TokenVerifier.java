package dev.custos.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.custos.scopes.ScopeCatalog;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Verifies untrusted token strings: exact header, strict base64url, a known key id, the Ed25519
 * signature, then the claims ({@code exp} required and enforced, {@code nbf} and {@code iat} not in
 * the future, the expected issuer, scopes of the catalog allowed for the token's role).
 *
 * <pre>{@code
 * TokenVerifier verifier =
 *     TokenVerifier.builder().keyRing(ring).issuer("https://api.example.com").build();
 * try {
 *   VerifiedToken token = verifier.verify(bearer);
 * } catch (TokenVerificationException e) {
 *   // 401, with e.reason()
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 *
 * <p>Compatibility: implemented by Custos only (get one from its builder). A minor release may add
 * methods to it; do not implement it.
 */
public interface TokenVerifier {
  /**
   * The most clock skew a verifier tolerates ({@link Builder#clockSkew}): a token is accepted up to
   * this long after its {@code exp}, so anything kept "until a token expires", such as a
   * revocation, is kept this much longer.
   */
  Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * Verifies a token.
   *
   * @param token the token string, as received; may be null or anything at all
   * @return the verified token
   * @throws TokenVerificationException for every invalid input, with the reason; no other exception
   *     is thrown for any input
   */
  VerifiedToken verify(String token) throws TokenVerificationException;

  /**
   * Returns the clock expiry is checked against. An authorizer built over the verifier uses it for
   * its cached tokens, so that the two never disagree.
   *
   * @return the clock
   */
  Clock clock();

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Configures a {@link TokenVerifier}: at least one key and the expected issuer are required.
   *
   * <p>Not thread-safe; the verifiers it builds are.
   */
  final class Builder {
    private final Map<String, AcceptedKey> keys = new LinkedHashMap<>();
    private Supplier<KeyRing> ringSource;
    private ScopeCatalog catalog = ScopeCatalog.unit();
    private String issuer;
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = Duration.ZERO;
    private byte[] implicitAssertion = new byte[0];

    private Builder() {}

    /**
     * Accepts the ring's active key, and each retired key until its acceptance ends.
     *
     * @param ring the issuer's keys
     * @return this builder
     * @throws NullPointerException if {@code ring} is null
     */
    public Builder keyRing(KeyRing ring) {
      keys.putAll(keysOf(Objects.requireNonNull(ring, "ring")));
      return this;
    }

    /**
     * Follows a ring that the host rotates: each verification accepts the keys of the ring the
     * source returns at that moment, so a rotation needs no new verifier (nor a new authorizer over
     * it). Typically {@code ringReference::get} over an {@code AtomicReference<KeyRing>}.
     *
     * @param source returns the current ring; called on every verification, must be fast
     * @return this builder
     * @throws NullPointerException if {@code source} is null
     */
    public Builder followKeyRing(Supplier<KeyRing> source) {
      this.ringSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /** The active key and each retired key until its acceptance ends. */
    static Map<String, AcceptedKey> keysOf(KeyRing ring) {
      Map<String, AcceptedKey> ringKeys = new LinkedHashMap<>();
      VerificationKey active = ring.signingKey().verificationKey();
      ringKeys.put(active.keyId(), new AcceptedKey(active, null));
      ring.retired().values().forEach(r -> ringKeys.put(r.key().keyId(), r));
      return ringKeys;
    }

    /**
     * Accepts the given keys.
     *
     * @param keys verification keys, all of one version
     * @return this builder
     * @throws NullPointerException if the array or a key is null
     */
    public Builder keys(VerificationKey... keys) {
      for (VerificationKey key : keys) {
        add(Objects.requireNonNull(key, "key"), null);
      }
      return this;
    }

    /**
     * Accepts the Ed25519 keys of a JWK Set document, such as another service's {@link
     * KeyRing#toJwkSet()}. Keys of other types are skipped.
     *
     * @param jwkSet the JWK Set as JSON
     * @param version the PASETO version the keys verify
     * @return this builder
     * @throws IllegalArgumentException if the document is not a JWK Set, holds a private key, an
     *     Ed25519 key whose {@code kid} does not match it, or no Ed25519 key at all
     * @throws NullPointerException if an argument is null
     */
    public Builder jwkSet(String jwkSet, PasetoVersion version) {
      Objects.requireNonNull(jwkSet, "jwkSet");
      Objects.requireNonNull(version, "version");
      JWKSet set;
      try {
        set = JWKSet.parse(jwkSet);
      } catch (ParseException e) {
        throw new IllegalArgumentException("not a JWK Set: " + e.getMessage());
      }
      List<JWK> octetKeys = set.getKeys().stream().filter(OctetKeyPair.class::isInstance).toList();
      if (octetKeys.isEmpty()) {
        throw new IllegalArgumentException("the JWK Set holds no Ed25519 key");
      }
      for (JWK jwk : octetKeys) {
        add(VerificationKey.fromJwk(jwk, version), null);
      }
      return this;
    }

    /**
     * Sets the catalog that scope claims are parsed with; {@link ScopeCatalog#unit()} by default.
     *
     * @param catalog the platform's catalog
     * @return this builder
     * @throws NullPointerException if {@code catalog} is null
     */
    public Builder catalog(ScopeCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * Sets the issuer every token must carry ({@code iss}).
     *
     * @param issuer the minter's issuer
     * @return this builder
     * @throws IllegalArgumentException if the issuer is empty, too long or not printable ASCII
     * @throws NullPointerException if {@code issuer} is null
     */
    public Builder issuer(String issuer) {
      this.issuer = Claims.checkIssuer(issuer);
      return this;
    }

    /**
     * Sets the clock that expiry is checked against; {@link Clock#systemUTC()} by default.
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
     * Sets how far the minter's clock may be ahead of or behind this one; zero by default.
     *
     * @param skew zero to {@link #MAX_CLOCK_SKEW}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws NullPointerException if {@code skew} is null
     */
    public Builder clockSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew");
      if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
        throw new IllegalArgumentException("clock skew must be zero to 5 minutes");
      }
      this.clockSkew = skew;
      return this;
    }

    /**
     * Sets the implicit assertion {@code v4.public} tokens were signed with.
     *
     * @param implicitAssertion the assertion; copied
     * @return this builder
     * @throws NullPointerException if {@code implicitAssertion} is null
     */
    public Builder implicitAssertion(byte[] implicitAssertion) {
      this.implicitAssertion =
          Objects.requireNonNull(implicitAssertion, "implicitAssertion").clone();
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return a new verifier
     * @throws IllegalStateException if no key or no issuer was given, a followed ring is combined
     *     with fixed keys, the keys are of different versions, or an implicit assertion is set for
     *     {@code v2.public} keys
     */
    public TokenVerifier build() {
      if (ringSource != null && !keys.isEmpty()) {
        // Fixed keys beside a followed ring would stay accepted after the ring drops them.
        throw new IllegalStateException(
            "followKeyRing excludes keyRing, keys and jwkSet: a key the followed ring drops would"
                + " stay accepted");
      }
      KeyRing followed = ringSource == null ? null : ringSource.get();
      if (ringSource != null && followed == null) {
        throw new IllegalStateException("the followed key ring source returned null");
      }
      if (keys.isEmpty() && followed == null) {
        throw new IllegalStateException("at least one verification key is required");
      }
      if (issuer == null) {
        throw new IllegalStateException("issuer is required");
      }
      PasetoVersion version =
          followed != null ? followed.version() : keys.values().iterator().next().key().version();
      if (keys.values().stream().anyMatch(e -> e.key().version() != version)) {
        throw new IllegalStateException("all keys of a verifier must be of one PASETO version");
      }
      if (implicitAssertion.length > 0 && version != PasetoVersion.V4_PUBLIC) {
        throw new IllegalStateException("implicit assertions need v4.public keys");
      }
      return new DefaultTokenVerifier(
          version,
          Map.copyOf(keys),
          ringSource,
          catalog,
          issuer,
          clock,
          clockSkew,
          implicitAssertion);
    }

    private void add(VerificationKey key, Instant acceptedUntil) {
      keys.put(key.keyId(), new AcceptedKey(key, acceptedUntil));
    }
  }
}
