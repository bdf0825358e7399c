package dev.custos.passkey.testing;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.EdDSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A passkey authenticator in software, for tests: it answers WebAuthn options as a browser with a
 * platform authenticator would ({@code PublicKeyCredential.toJSON()}), and each answer can be bent
 * the ways an attacker or a broken client would (another origin or relying party, user verification
 * off, a counter going back, another challenge). Encodings are webauthn4j's, signing the JDK's. Not
 * thread-safe.
 */
public final class SoftwareAuthenticator {
  /** The flag bits of authenticator data. */
  private static final byte UP = 0x01;

  private static final byte UV = 0x04;
  private static final byte BE = 0x08;
  private static final byte BS = 0x10;
  private static final byte AT = 0x40;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final ObjectConverter CONVERTER = new ObjectConverter();

  private final String algorithm;
  private final KeyPair keys;
  private final byte[] credentialId = new byte[16];
  private byte[] userHandle;
  private long counter;

  /** What one answer changes: the defaults are an honest browser's. */
  public static final class Bend {
    String origin;
    String rpId;
    boolean userVerified = true;
    String type;
    byte[] challenge;
    Long counter;

    private Bend() {}

    /**
     * An honest answer.
     *
     * @return a bend that changes nothing
     */
    public static Bend none() {
      return new Bend();
    }

    /**
     * Claims another origin in the client data.
     *
     * @param origin the origin
     * @return this
     */
    public Bend origin(String origin) {
      this.origin = origin;
      return this;
    }

    /**
     * Signs for another relying party id.
     *
     * @param rpId the id
     * @return this
     */
    public Bend rpId(String rpId) {
      this.rpId = rpId;
      return this;
    }

    /**
     * Leaves the UV flag clear.
     *
     * @return this
     */
    public Bend withoutUserVerification() {
      this.userVerified = false;
      return this;
    }

    /**
     * Signs another challenge.
     *
     * @param challenge the bytes
     * @return this
     */
    public Bend challenge(byte[] challenge) {
      this.challenge = challenge.clone();
      return this;
    }

    /**
     * Writes another ceremony type into the client data.
     *
     * @param type such as {@code webauthn.create}
     * @return this
     */
    public Bend type(String type) {
      this.type = type;
      return this;
    }

    /**
     * Reports this counter (and does not advance its own).
     *
     * @param counter the counter
     * @return this
     */
    public Bend counter(long counter) {
      this.counter = counter;
      return this;
    }
  }

  private SoftwareAuthenticator(String algorithm, KeyPair keys, long counter) {
    this.algorithm = algorithm;
    this.keys = keys;
    this.counter = counter;
    new SecureRandom().nextBytes(credentialId);
  }

  /**
   * Returns an ES256 (P-256) authenticator whose counter starts at 0 and counts.
   *
   * @return the authenticator
   */
  public static SoftwareAuthenticator es256() {
    return create("ES256", 1);
  }

  /**
   * Returns an EdDSA (Ed25519) authenticator whose counter starts at 0 and counts.
   *
   * @return the authenticator
   */
  public static SoftwareAuthenticator eddsa() {
    return create("EdDSA", 1);
  }

  /**
   * Returns an ES256 authenticator that never counts (reports 0), as synced passkeys do.
   *
   * @return the authenticator
   */
  public static SoftwareAuthenticator es256WithoutCounter() {
    return create("ES256", -1);
  }

  private static SoftwareAuthenticator create(String algorithm, long counter) {
    try {
      KeyPairGenerator generator;
      if (algorithm.equals("ES256")) {
        generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else {
        generator = KeyPairGenerator.getInstance("Ed25519");
      }
      return new SoftwareAuthenticator(algorithm, generator.generateKeyPair(), counter);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns the credential id.
   *
   * @return its base64url
   */
  public String credentialId() {
    return B64.encodeToString(credentialId);
  }

  /**
   * Returns the key pair (for benchmarks that sign or verify beside the ceremony).
   *
   * @return the keys
   */
  public KeyPair keys() {
    return keys;
  }

  /**
   * Answers creation options ({@code navigator.credentials.create}) as an honest browser at the
   * relying party's first origin would.
   *
   * @param options the {@code publicKey} creation options
   * @param origin the page's origin
   * @return the credential's JSON
   */
  public Map<String, Object> register(Map<String, Object> options, String origin) {
    return register(options, origin, Bend.none());
  }

  /**
   * Answers creation options, bent.
   *
   * @param options the {@code publicKey} creation options
   * @param origin the page's origin
   * @param bend what to change
   * @return the credential's JSON
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> register(Map<String, Object> options, String origin, Bend bend) {
    Map<String, Object> rp = (Map<String, Object>) options.get("rp");
    Map<String, Object> user = (Map<String, Object>) options.get("user");
    userHandle = B64D.decode((String) user.get("id"));
    String rpId = bend.rpId != null ? bend.rpId : (String) rp.get("id");
    byte[] clientData =
        clientData(
            bend.type != null ? bend.type : "webauthn.create",
            challenge(options, bend),
            bend.origin != null ? bend.origin : origin);
    AttestedCredentialData attested =
        new AttestedCredentialData(AAGUID.ZERO, credentialId, coseKey());
    byte flags = (byte) (UP | AT | BE | (bend.userVerified ? UV : 0));
    AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data =
        new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, 0, attested);
    byte[] attestation =
        new AttestationObjectConverter(CONVERTER)
            .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("clientDataJSON", B64.encodeToString(clientData));
    response.put("attestationObject", B64.encodeToString(attestation));
    response.put("transports", List.of("internal"));
    return credential(response);
  }

  /**
   * Answers request options ({@code navigator.credentials.get}) honestly.
   *
   * @param options the {@code publicKey} request options
   * @param origin the page's origin
   * @return the assertion's JSON
   */
  public Map<String, Object> assertion(Map<String, Object> options, String origin) {
    return assertion(options, origin, Bend.none());
  }

  /**
   * Answers request options, bent.
   *
   * @param options the {@code publicKey} request options
   * @param origin the page's origin
   * @param bend what to change
   * @return the assertion's JSON
   */
  public Map<String, Object> assertion(Map<String, Object> options, String origin, Bend bend) {
    String rpId = bend.rpId != null ? bend.rpId : (String) options.get("rpId");
    byte[] clientData =
        clientData(
            bend.type != null ? bend.type : "webauthn.get",
            challenge(options, bend),
            bend.origin != null ? bend.origin : origin);
    long count;
    if (bend.counter != null) {
      count = bend.counter;
    } else if (counter < 0) {
      count = 0;
    } else {
      count = ++counter;
    }
    byte flags = (byte) (UP | BE | BS | (bend.userVerified ? UV : 0));
    byte[] authenticatorData =
        new AuthenticatorDataConverter(CONVERTER)
            .convert(
                new AuthenticatorData<AuthenticationExtensionAuthenticatorOutput>(
                    sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, count));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("clientDataJSON", B64.encodeToString(clientData));
    response.put("authenticatorData", B64.encodeToString(authenticatorData));
    response.put("signature", B64.encodeToString(sign(authenticatorData, clientData)));
    response.put("userHandle", userHandle == null ? null : B64.encodeToString(userHandle));
    return credential(response);
  }

  private Map<String, Object> credential(Map<String, Object> response) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", credentialId());
    json.put("rawId", credentialId());
    json.put("type", "public-key");
    json.put("response", response);
    json.put("clientExtensionResults", Map.of());
    json.put("authenticatorAttachment", "platform");
    return json;
  }

  private static String challenge(Map<String, Object> options, Bend bend) {
    return bend.challenge != null
        ? B64.encodeToString(bend.challenge)
        : (String) options.get("challenge");
  }

  private static byte[] clientData(String type, String challenge, String origin) {
    return ("{\"type\":\""
            + type
            + "\",\"challenge\":\""
            + challenge
            + "\",\"origin\":\""
            + origin
            + "\",\"crossOrigin\":false}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private COSEKey coseKey() {
    return algorithm.equals("ES256")
        ? EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256)
        : EdDSACOSEKey.create((EdECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.EdDSA);
  }

  /** The signature over authenticator data and the client data's hash, as WebAuthn defines. */
  public byte[] sign(byte[] authenticatorData, byte[] clientData) {
    try {
      Signature signer =
          Signature.getInstance(algorithm.equals("ES256") ? "SHA256withECDSA" : "Ed25519");
      signer.initSign(keys.getPrivate());
      signer.update(authenticatorData);
      signer.update(sha256(clientData));
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
