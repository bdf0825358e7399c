package dev.custos.passkey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A customer's registered passkey, as a {@link PasskeyStore} keeps it: the credential id, its COSE
 * public key and algorithm, the signature counter last seen, the backup flags, the transports the
 * browser reported, when it was registered, and the customer's name for it. No secret: a passkey's
 * private key never leaves the authenticator.
 *
 * <p>Made by {@link Passkeys#register} (and by stores reading their own {@link #encode()}d form);
 * immutable and thread-safe. {@link #toString()} shows the credential id's first characters only.
 */
public final class PasskeyCredential {
  /** The longest credential id WebAuthn allows, in bytes. */
  public static final int MAX_CREDENTIAL_ID_BYTES = 1023;

  /** The longest name, in characters. */
  public static final int MAX_NAME_LENGTH = 64;

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final Pattern TRANSPORT = Pattern.compile("[a-z-]{1,16}");
  private static final String VERSION = "p1";

  private final String customerId;
  private final byte[] credentialId;
  private final byte[] publicKey;
  private final int algorithm;
  private final long signCount;
  private final boolean backupEligible;
  private final boolean backedUp;
  private final Set<String> transports;
  private final Instant createdAt;
  private final String name;

  private PasskeyCredential(
      String customerId,
      byte[] credentialId,
      byte[] publicKey,
      int algorithm,
      long signCount,
      boolean backupEligible,
      boolean backedUp,
      Set<String> transports,
      Instant createdAt,
      String name) {
    this.customerId = customerId;
    this.credentialId = credentialId;
    this.publicKey = publicKey;
    this.algorithm = algorithm;
    this.signCount = signCount;
    this.backupEligible = backupEligible;
    this.backedUp = backedUp;
    this.transports = transports;
    this.createdAt = createdAt;
    this.name = name;
  }

  /**
   * Returns a credential: for stores, and for a host moving passkeys it verified elsewhere. A
   * passkey is registered by {@link Passkeys#register}, which checks what the authenticator sent.
   *
   * @param customerId the owner
   * @param credentialId 1 to {@value #MAX_CREDENTIAL_ID_BYTES} bytes
   * @param publicKey the COSE key's CBOR bytes
   * @param algorithm the COSE algorithm
   * @param signCount 0 to 2<sup>32</sup> - 1
   * @param backupEligible the BE flag
   * @param backedUp the BS flag
   * @param transports lower-case transport names
   * @param createdAt when it was registered
   * @param name the customer's name for it, at most {@value #MAX_NAME_LENGTH} characters, no
   *     control character
   * @return the credential
   * @throws IllegalArgumentException if a value is out of its range
   * @throws NullPointerException if an argument is null
   */
  public static PasskeyCredential of(
      String customerId,
      byte[] credentialId,
      byte[] publicKey,
      int algorithm,
      long signCount,
      boolean backupEligible,
      boolean backedUp,
      Set<String> transports,
      Instant createdAt,
      String name) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(createdAt, "createdAt");
    if (credentialId.length == 0 || credentialId.length > MAX_CREDENTIAL_ID_BYTES) {
      throw new IllegalArgumentException("a credential id is 1 to 1023 bytes");
    }
    if (publicKey.length == 0 || signCount < 0 || signCount > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("a public key is required, a counter is 32 bits");
    }
    Set<String> sorted = new TreeSet<>();
    for (String transport : transports) {
      if (!TRANSPORT.matcher(transport).matches()) {
        throw new IllegalArgumentException("a transport is a short lower-case word");
      }
      sorted.add(transport);
    }
    if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a name is at most 64 characters, none a control");
    }
    return new PasskeyCredential(
        customerId,
        credentialId.clone(),
        publicKey.clone(),
        algorithm,
        signCount,
        backupEligible,
        backedUp,
        Collections.unmodifiableSet(sorted),
        createdAt,
        name);
  }

  /**
   * Returns the customer the passkey belongs to.
   *
   * @return the customer id
   */
  public String customerId() {
    return customerId;
  }

  /**
   * Returns the credential id, as the authenticator chose it.
   *
   * @return a copy of its bytes
   */
  public byte[] credentialId() {
    return credentialId.clone();
  }

  /**
   * Returns the credential id as WebAuthn's JSON writes it.
   *
   * @return unpadded base64url
   */
  public String credentialIdBase64Url() {
    return B64.encodeToString(credentialId);
  }

  /**
   * Returns the public key, as the authenticator gave it.
   *
   * @return a copy of the COSE key's CBOR bytes
   */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * Returns the key's COSE algorithm.
   *
   * @return {@code -7} (ES256), {@code -8} (EdDSA) or {@code -257} (RS256)
   */
  public int algorithm() {
    return algorithm;
  }

  /**
   * Returns the signature counter at registration (a store keeps the latest separately: see {@link
   * PasskeyStore#advanceCounter}).
   *
   * @return 0 to 2<sup>32</sup> - 1; many passkeys always report 0
   */
  public long signCount() {
    return signCount;
  }

  /**
   * Returns whether the authenticator said the passkey may be backed up (synced).
   *
   * @return the BE flag at registration
   */
  public boolean backupEligible() {
    return backupEligible;
  }

  /**
   * Returns whether the passkey was backed up when last seen.
   *
   * @return the BS flag
   */
  public boolean backedUp() {
    return backedUp;
  }

  /**
   * Returns the transports the browser reported ({@code internal}, {@code hybrid}, {@code usb}…),
   * passed back in allow lists as hints.
   *
   * @return an unmodifiable sorted set
   */
  public Set<String> transports() {
    return transports;
  }

  /**
   * Returns when the passkey was registered.
   *
   * @return the instant, on the service's clock
   */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * Returns the customer's name for the passkey.
   *
   * @return the name; empty if none was given
   */
  public String name() {
    return name;
  }

  /**
   * Returns this credential with another counter and backup state, as a store that keeps them
   * together updates it.
   *
   * @param signCount the new counter
   * @param backedUp the new backup state
   * @return a new credential
   * @throws IllegalArgumentException if the counter is out of range
   */
  public PasskeyCredential withCounter(long signCount, boolean backedUp) {
    return of(
        customerId,
        credentialId,
        publicKey,
        algorithm,
        signCount,
        backupEligible,
        backedUp,
        transports,
        createdAt,
        name);
  }

  /**
   * Returns the credential as one line of printable ASCII, for stores that keep strings: {@link
   * #decode} reads it back. Versioned; fields are base64url or decimal, joined by dots.
   *
   * @return the encoded credential
   */
  public String encode() {
    return String.join(
        ".",
        VERSION,
        B64.encodeToString(customerId.getBytes(StandardCharsets.UTF_8)),
        B64.encodeToString(credentialId),
        B64.encodeToString(publicKey),
        Integer.toString(algorithm),
        Long.toString(signCount),
        backupEligible ? "1" : "0",
        backedUp ? "1" : "0",
        B64.encodeToString(String.join(",", transports).getBytes(StandardCharsets.US_ASCII)),
        Long.toString(createdAt.toEpochMilli()),
        B64.encodeToString(name.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Reads a credential {@link #encode()} wrote.
   *
   * @param encoded the encoded credential
   * @return the credential
   * @throws IllegalArgumentException if {@code encoded} is not one
   * @throws NullPointerException if {@code encoded} is null
   */
  public static PasskeyCredential decode(String encoded) {
    String[] f = encoded.split("\\.", -1);
    if (f.length != 11 || !f[0].equals(VERSION)) {
      throw new IllegalArgumentException("not an encoded passkey credential");
    }
    try {
      String transports = new String(B64D.decode(f[8]), StandardCharsets.US_ASCII);
      return of(
          new String(B64D.decode(f[1]), StandardCharsets.UTF_8),
          B64D.decode(f[2]),
          B64D.decode(f[3]),
          Integer.parseInt(f[4]),
          Long.parseLong(f[5]),
          flag(f[6]),
          flag(f[7]),
          transports.isEmpty() ? Set.of() : Set.of(transports.split(",")),
          Instant.ofEpochMilli(Long.parseLong(f[9])),
          new String(B64D.decode(f[10]), StandardCharsets.UTF_8));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an encoded passkey credential", e);
    }
  }

  private static boolean flag(String value) {
    return switch (value) {
      case "1" -> true;
      case "0" -> false;
      default -> throw new IllegalArgumentException("not an encoded passkey credential");
    };
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof PasskeyCredential other
        && other.customerId.equals(customerId)
        && Arrays.equals(other.credentialId, credentialId)
        && Arrays.equals(other.publicKey, publicKey)
        && other.algorithm == algorithm
        && other.signCount == signCount
        && other.backupEligible == backupEligible
        && other.backedUp == backedUp
        && other.transports.equals(transports)
        && other.createdAt.equals(createdAt)
        && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return 31 * customerId.hashCode() + Arrays.hashCode(credentialId);
  }

  @Override
  public String toString() {
    String id = credentialIdBase64Url();
    return "PasskeyCredential[customer="
        + customerId
        + ", id="
        + id.substring(0, Math.min(8, id.length()))
        + "…, alg="
        + algorithm
        + "]";
  }
}
