package dev.custos.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The keys of one issuer: one active {@link SigningKey} that mints, and the public halves of
 * retired signing keys that verifiers still accept until the tokens they signed have expired.
 *
 * <p>Rotate by minting with a new key while verifying with both:
 *
 * <pre>{@code
 * KeyRing next = ring.rotate(SigningKey.generate(PasetoVersion.V2_PUBLIC),
 *     clock.instant().plus(Duration.ofHours(24)));   // the longest token lifetime
 * }</pre>
 *
 * <p>then build a new {@link TokenMinter} and {@link TokenVerifier} from {@code next}, and publish
 * {@link #toJwkSet()} to other verifiers. All keys of a ring are of one {@link PasetoVersion}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class KeyRing {
  private final SigningKey active;
  private final Map<String, AcceptedKey> retired;

  private KeyRing(SigningKey active, Map<String, AcceptedKey> retired) {
    this.active = active;
    this.retired = retired;
  }

  /**
   * Returns a ring with one key and nothing retired.
   *
   * @param active the key that signs
   * @return the ring
   * @throws NullPointerException if {@code active} is null
   */
  public static KeyRing of(SigningKey active) {
    return new KeyRing(Objects.requireNonNull(active, "active"), Map.of());
  }

  /**
   * Returns a ring in which {@code next} signs and the current signing key is retired: verifiers
   * built from the ring accept its tokens until {@code acceptOldUntil}.
   *
   * @param next the new signing key, of this ring's version
   * @param acceptOldUntil until when the current key's tokens stay acceptable: at least the issue
   *     time of its last token plus the longest token lifetime
   * @return the rotated ring
   * @throws IllegalArgumentException if {@code next} is of another version, or already in the ring
   * @throws NullPointerException if an argument is null
   */
  public KeyRing rotate(SigningKey next, Instant acceptOldUntil) {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(acceptOldUntil, "acceptOldUntil");
    if (next.version() != active.version()) {
      throw new IllegalArgumentException(
          "a ring holds keys of one version: " + active.version() + ", not " + next.version());
    }
    if (next.keyId().equals(active.keyId()) || retired.containsKey(next.keyId())) {
      throw new IllegalArgumentException("key " + next.keyId() + " is already in the ring");
    }
    Map<String, AcceptedKey> keys = new LinkedHashMap<>();
    keys.put(active.keyId(), new AcceptedKey(active.verificationKey(), acceptOldUntil));
    keys.putAll(retired);
    return new KeyRing(next, Map.copyOf(keys));
  }

  /**
   * Returns this ring without the retired keys no longer accepted at {@code now}.
   *
   * @param now the current instant
   * @return the pruned ring
   * @throws NullPointerException if {@code now} is null
   */
  public KeyRing pruned(Instant now) {
    Objects.requireNonNull(now, "now");
    Map<String, AcceptedKey> keys = new LinkedHashMap<>(retired);
    keys.values().removeIf(r -> !r.acceptedAt(now));
    return new KeyRing(active, Map.copyOf(keys));
  }

  /**
   * Returns the key that signs new tokens.
   *
   * @return the active signing key
   */
  public SigningKey signingKey() {
    return active;
  }

  /**
   * Returns the PASETO version of every key in the ring.
   *
   * @return the version
   */
  public PasetoVersion version() {
    return active.version();
  }

  /**
   * Returns the public keys verifiers accept: the active key's, then the retired ones.
   *
   * @return an immutable list of verification keys
   */
  public List<VerificationKey> verificationKeys() {
    List<VerificationKey> keys = new ArrayList<>();
    keys.add(active.verificationKey());
    retired.values().forEach(r -> keys.add(r.key()));
    return List.copyOf(keys);
  }

  /**
   * Returns the public keys as a JWK Set document ({@code {"keys":[…]}}), for services in any
   * language to verify this ring's tokens. Each key's {@code kid} is its PASERK id, which tokens
   * carry in their footer. No private material is included.
   *
   * @return the JWK Set as JSON
   */
  public String toJwkSet() {
    List<JWK> jwks = new ArrayList<>();
    for (VerificationKey key : verificationKeys()) {
      jwks.add(key.jwk());
    }
    return new JWKSet(jwks).toString(true);
  }

  Map<String, AcceptedKey> retired() {
    return retired;
  }

  /**
   * Returns the version and key ids; never private material.
   *
   * @return a description of the ring
   */
  @Override
  public String toString() {
    return "KeyRing["
        + version().header().substring(0, 9)
        + ", signing="
        + active.keyId()
        + ", retired="
        + retired.keySet()
        + "]";
  }
}
