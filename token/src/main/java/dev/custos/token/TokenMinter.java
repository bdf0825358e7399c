package dev.custos.token;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Mints signed tokens: PASETO {@code v2.public} (or {@code v4.public}) with an Ed25519 signature
 * and the key id in the footer.
 *
 * <pre>{@code
 * TokenMinter minter = TokenMinter.builder().keyRing(ring).issuer("https://api.example.com").build();
 * MintedToken minted = minter.mint(TokenRequest.customer("100042", catalog.parse("customers accounts")));
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 *
 * <p>Compatibility: implemented by Custos only (get one from its builder). A minor release may add
 * methods to it; do not implement it.
 */
public interface TokenMinter {
  /**
   * Mints a token.
   *
   * @param request what to mint
   * @return the token with its id and validity
   * @throws IllegalArgumentException if the request is for a customer token holding a scope that
   *     requires two-factor authentication and is not marked {@link
   *     TokenRequest#twoFactorVerified()}
   * @throws NullPointerException if {@code request} is null
   */
  MintedToken mint(TokenRequest request);

  /**
   * Returns the clock that dates the tokens this minter mints. A service built over the minter
   * measures lifetimes on it, so that the two never disagree.
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
   * Configures a {@link TokenMinter}: the signing key (or ring) and the issuer are required.
   *
   * <p>Not thread-safe; the minters it builds are.
   */
  final class Builder {
    private SigningKey key;
    private Supplier<KeyRing> ringSource;
    private String issuer;
    private Clock clock = Clock.systemUTC();
    private byte[] implicitAssertion = new byte[0];
    private final java.util.Set<String> keySetBy = new java.util.TreeSet<>();

    private Builder() {}

    /**
     * Signs with the ring's active key.
     *
     * @param ring the issuer's keys
     * @return this builder
     * @throws NullPointerException if {@code ring} is null
     */
    public Builder keyRing(KeyRing ring) {
      this.key = Objects.requireNonNull(ring, "ring").signingKey();
      this.ringSource = null;
      keySetBy.add("keyRing");
      return this;
    }

    /**
     * Follows a ring that the host rotates: each token is signed with the active key of the ring
     * the source returns at that moment, so a rotation needs no new minter. Typically {@code
     * ringReference::get} over an {@code AtomicReference<KeyRing>}; the ring's version may not
     * change.
     *
     * @param source returns the current ring; called on every mint, must be fast
     * @return this builder
     * @throws NullPointerException if {@code source} is null
     */
    public Builder followKeyRing(Supplier<KeyRing> source) {
      this.ringSource = Objects.requireNonNull(source, "source");
      this.key = null;
      keySetBy.add("followKeyRing");
      return this;
    }

    /**
     * Signs with the given key; its version decides the tokens' version.
     *
     * @param key the signing key
     * @return this builder
     * @throws NullPointerException if {@code key} is null
     */
    public Builder signingKey(SigningKey key) {
      this.key = Objects.requireNonNull(key, "key");
      this.ringSource = null;
      keySetBy.add("signingKey");
      return this;
    }

    /**
     * Sets the issuer recorded in every token ({@code iss}); verifiers require the same.
     *
     * @param issuer 1 to 256 printable ASCII characters, such as the API's base URL
     * @return this builder
     * @throws IllegalArgumentException if the issuer is empty, too long or not printable ASCII
     * @throws NullPointerException if {@code issuer} is null
     */
    public Builder issuer(String issuer) {
      this.issuer = Claims.checkIssuer(issuer);
      return this;
    }

    /**
     * Sets the clock that dates tokens; {@link Clock#systemUTC()} by default.
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
     * Sets the implicit assertion signed into {@code v4.public} tokens (never carried in them):
     * verifiers must supply the same bytes.
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
     * Builds the minter.
     *
     * @return a new minter
     * @throws IllegalStateException if the key or issuer is missing, the key was set in more than
     *     one way ({@code keyRing}, {@code followKeyRing}, {@code signingKey}: the last would
     *     silently win), or an implicit assertion is set for a {@code v2.public} key (version 2 has
     *     none)
     */
    public TokenMinter build() {
      if (keySetBy.size() > 1) {
        throw new IllegalStateException(
            String.join(" and ", keySetBy) + " exclude each other: give the minter one key source");
      }
      Supplier<KeyRing> source = ringSource;
      if (source != null) {
        KeyRing ring = source.get();
        if (ring == null) {
          throw new IllegalStateException("the followed key ring source returned null");
        }
        key = ring.signingKey();
      }
      if (key == null) {
        throw new IllegalStateException("a signing key or key ring is required");
      }
      if (issuer == null) {
        throw new IllegalStateException("issuer is required");
      }
      if (implicitAssertion.length > 0 && key.version() != PasetoVersion.V4_PUBLIC) {
        throw new IllegalStateException("implicit assertions need v4.public keys");
      }
      SigningKey fixed = key;
      Supplier<SigningKey> keySource =
          source == null
              ? () -> fixed
              : () -> {
                KeyRing ring = source.get();
                return ring == null ? null : ring.signingKey();
              };
      return new DefaultTokenMinter(keySource, issuer, clock, implicitAssertion);
    }
  }
}
