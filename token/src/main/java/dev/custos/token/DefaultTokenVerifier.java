package dev.custos.token;

import static dev.custos.token.TokenVerificationException.Reason.MALFORMED;
import static dev.custos.token.TokenVerificationException.Reason.UNKNOWN_KEY;

import dev.custos.scopes.ScopeCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Structure, key, signature, claims: cheapest checks first, nothing trusted before the signature.
 */
final class DefaultTokenVerifier implements TokenVerifier {
  private static final int MAX_FOOTER_BYTES = 256;

  /** The keys derived from one state of a followed ring. */
  private record Snapshot(KeyRing ring, Map<String, AcceptedKey> keys) {}

  private final PasetoVersion version;
  private final Map<String, AcceptedKey> keys;
  private final Supplier<KeyRing> ringSource;
  private volatile Snapshot snapshot;
  private final ScopeCatalog catalog;
  private final String issuer;
  private final Clock clock;
  private final Duration clockSkew;
  private final byte[] implicitAssertion;

  DefaultTokenVerifier(
      PasetoVersion version,
      Map<String, AcceptedKey> keys,
      Supplier<KeyRing> ringSource,
      ScopeCatalog catalog,
      String issuer,
      Clock clock,
      Duration clockSkew,
      byte[] implicitAssertion) {
    this.version = version;
    this.keys = keys;
    this.ringSource = ringSource;
    this.catalog = catalog;
    this.issuer = issuer;
    this.clock = clock;
    this.clockSkew = clockSkew;
    this.implicitAssertion = implicitAssertion;
  }

  @Override
  public VerifiedToken verify(String token) throws TokenVerificationException {
    PasetoPublic.Parts parts = PasetoPublic.parse(version, token);
    String keyId = keyId(parts.footer);
    AcceptedKey entry = currentKeys().get(keyId);
    Instant now = clock.instant();
    if (entry == null || !entry.acceptedAt(now)) {
      throw new TokenVerificationException(UNKNOWN_KEY, "token is signed by an unknown key");
    }
    PasetoPublic.checkSignature(entry.key(), parts, implicitAssertion);
    return Claims.read(parts.payload, catalog, issuer, now, clockSkew, keyId);
  }

  /**
   * The fixed keys, plus those of the followed ring as it is now (rebuilt only when it changed).
   */
  private Map<String, AcceptedKey> currentKeys() throws TokenVerificationException {
    if (ringSource == null) {
      return keys;
    }
    KeyRing ring = ringSource.get();
    Snapshot s = snapshot;
    if (s != null && s.ring() == ring) {
      return s.keys();
    }
    if (ring == null || ring.version() != version) {
      throw new TokenVerificationException(
          UNKNOWN_KEY, "the followed key ring is missing or of another version");
    }
    Map<String, AcceptedKey> all = new LinkedHashMap<>(keys);
    all.putAll(TokenVerifier.Builder.keysOf(ring));
    s = new Snapshot(ring, Map.copyOf(all));
    snapshot = s;
    return s.keys();
  }

  /** The footer is unauthenticated until the signature checks: bound it, read only the key id. */
  private static String keyId(byte[] footer) throws TokenVerificationException {
    if (footer.length == 0) {
      throw new TokenVerificationException(MALFORMED, "token has no footer naming its key");
    }
    if (footer.length > MAX_FOOTER_BYTES) {
      throw new TokenVerificationException(MALFORMED, "token footer is too long");
    }
    Map<String, Object> json;
    try {
      json = Claims.jsonObject(footer);
    } catch (TokenVerificationException e) {
      throw new TokenVerificationException(MALFORMED, "token footer is not a JSON object");
    }
    if (!(json.get("kid") instanceof String kid)) {
      throw new TokenVerificationException(MALFORMED, "token footer has no kid");
    }
    return kid;
  }

  @Override
  public String toString() {
    return "TokenVerifier[" + version + ", keys=" + keys.keySet() + ", iss=" + issuer + "]";
  }
}
