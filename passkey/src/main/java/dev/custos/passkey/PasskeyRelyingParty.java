package dev.custos.passkey;

import dev.custos.token.SigningKey;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who the passkeys are for: WebAuthn's relying party id (the registrable domain the browser
 * checks), its name, the origins the platform's pages are served from, the key algorithms accepted,
 * and the key that turns a customer id into a user handle (so no authenticator holds a customer id
 * in clear). User verification is always required; attestation is {@code none}.
 *
 * <pre>{@code
 * PasskeyRelyingParty rp = PasskeyRelyingParty.builder()
 *     .id("bank.example").name("Example Bank")
 *     .origins("https://bank.example", "https://app.bank.example")
 *     .userHandleKey(secret32Bytes)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toString()} does not show the key.
 */
public final class PasskeyRelyingParty {
  /** The COSE algorithm ES256: ECDSA on P-256 with SHA-256. */
  public static final int ES256 = -7;

  /** The COSE algorithm EdDSA: Ed25519. */
  public static final int EDDSA = -8;

  /** The COSE algorithm RS256: RSASSA-PKCS1-v1_5 with SHA-256. */
  public static final int RS256 = -257;

  private final String id;
  private final String name;
  private final Set<String> origins;
  private final List<Integer> algorithms;
  private final byte[] userHandleKey;

  private PasskeyRelyingParty(Builder b) {
    this.id = b.id;
    this.name = b.name;
    this.origins = Set.copyOf(b.origins);
    this.algorithms = List.copyOf(b.algorithms);
    this.userHandleKey = b.userHandleKey.clone();
  }

  /**
   * Returns a builder.
   *
   * @return a new builder: algorithms ES256 and EdDSA
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the relying party id.
   *
   * @return a host name such as {@code bank.example}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the name browsers show.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the origins a ceremony may come from.
   *
   * @return the origins, such as {@code https://bank.example}
   */
  public Set<String> origins() {
    return origins;
  }

  /**
   * Returns the COSE algorithms accepted for new passkeys, in order of preference.
   *
   * @return the algorithms
   */
  public List<Integer> algorithms() {
    return algorithms;
  }

  /** The customer's WebAuthn user handle: HMAC-SHA256 of the id under the key, 32 bytes. */
  byte[] userHandle(String customerId) {
    return hmac(userHandleKey, customerId);
  }

  /**
   * Returns a user-handle key derived from the platform's signing key, as its OTP master key is
   * ({@link SigningKey#otpMasterKey()}, under a label of its own): every instance sharing the
   * signing key gives a customer the same handle.
   *
   * @param signingKey the platform's signing key
   * @return 32 bytes for {@link Builder#userHandleKey(byte[])}
   * @throws NullPointerException if {@code signingKey} is null
   */
  public static byte[] userHandleKeyFrom(SigningKey signingKey) {
    return hmac(signingKey.otpMasterKey(), "custos passkey user handle v1");
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "PasskeyRelyingParty[id=" + id + ", origins=" + origins + "]";
  }

  /** Configures a {@link PasskeyRelyingParty}. Not thread-safe. */
  public static final class Builder {
    private String id;
    private String name;
    private final Set<String> origins = new LinkedHashSet<>();
    private List<Integer> algorithms = List.of(ES256, EDDSA);
    private byte[] userHandleKey;

    private Builder() {}

    /**
     * Sets the relying party id: the host name of the platform's pages or a registrable suffix of
     * it (required).
     *
     * @param id a lower-case host name, such as {@code bank.example} or {@code localhost}
     * @return this builder
     * @throws IllegalArgumentException if {@code id} is not a lower-case host name
     * @throws NullPointerException if {@code id} is null
     */
    public Builder id(String id) {
      if (!id.matches(
          "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")) {
        throw new IllegalArgumentException("a relying party id is a lower-case host name");
      }
      this.id = id;
      return this;
    }

    /**
     * Sets the name browsers show when they ask for the passkey (required).
     *
     * @param name 1 to 64 characters
     * @return this builder
     * @throws IllegalArgumentException if the length is out of range
     * @throws NullPointerException if {@code name} is null
     */
    public Builder name(String name) {
      if (name.isEmpty() || name.length() > 64) {
        throw new IllegalArgumentException("a relying party name is 1 to 64 characters");
      }
      this.name = name;
      return this;
    }

    /**
     * Adds the origins ceremonies may come from (at least one): {@code https://host[:port]}, or
     * {@code http://localhost[:port]} for development, as browsers allow.
     *
     * @param origins the origins, without path
     * @return this builder
     * @throws IllegalArgumentException if an origin is not of that form
     * @throws NullPointerException if an origin is null
     */
    public Builder origins(String... origins) {
      for (String origin : origins) {
        URI uri = URI.create(Objects.requireNonNull(origin, "origin"));
        boolean local = "localhost".equals(uri.getHost());
        if (!("https".equals(uri.getScheme()) || (local && "http".equals(uri.getScheme())))
            || uri.getHost() == null
            || !origin.equals(uri.getScheme() + "://" + uri.getRawAuthority())
            || uri.getRawUserInfo() != null) {
          throw new IllegalArgumentException(
              "an origin is https://host[:port] (or http://localhost[:port]): " + origin);
        }
        this.origins.add(origin.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /**
     * Sets the COSE algorithms accepted for new passkeys, in order of preference; ES256 and EdDSA
     * by default.
     *
     * @param algorithms among {@link #ES256}, {@link #EDDSA} and {@link #RS256}
     * @return this builder
     * @throws IllegalArgumentException if empty or another algorithm is named
     */
    public Builder algorithms(int... algorithms) {
      if (algorithms.length == 0) {
        throw new IllegalArgumentException("at least one algorithm");
      }
      for (int a : algorithms) {
        if (a != ES256 && a != EDDSA && a != RS256) {
          throw new IllegalArgumentException("algorithms are ES256, EdDSA and RS256: " + a);
        }
      }
      this.algorithms = Arrays.stream(algorithms).distinct().boxed().toList();
      return this;
    }

    /**
     * Sets the key that turns customer ids into user handles (required): the same on every
     * instance, and kept, since a passkey carries its handle for its life.
     *
     * @param key 32 random bytes; copied
     * @return this builder
     * @throws IllegalArgumentException if not 32 bytes
     * @throws NullPointerException if {@code key} is null
     */
    public Builder userHandleKey(byte[] key) {
      if (key.length != 32) {
        throw new IllegalArgumentException("the user handle key is 32 bytes");
      }
      this.userHandleKey = key.clone();
      return this;
    }

    /**
     * Builds the relying party.
     *
     * @return the relying party
     * @throws IllegalStateException if the id, name, an origin or the key is missing, or an
     *     origin's host is not the id or under it
     */
    public PasskeyRelyingParty build() {
      if (id == null || name == null || origins.isEmpty() || userHandleKey == null) {
        throw new IllegalStateException("id, name, origins and userHandleKey are required");
      }
      for (String origin : origins) {
        String host = URI.create(origin).getHost();
        if (!host.equals(id) && !host.endsWith("." + id)) {
          throw new IllegalStateException(
              "origin " + origin + " is not on the relying party id " + id);
        }
      }
      return new PasskeyRelyingParty(this);
    }
  }
}
