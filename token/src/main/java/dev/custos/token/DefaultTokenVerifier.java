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

  /**
   * Accepted keys by id, and the footer each one's tokens carry when Custos minted them: a token
   * whose footer text is one of these is matched to its key without decoding or parsing the footer.
   * Any other footer takes the general path, so a footer written differently (spacing, member
   * order) is still read by its {@code kid}.
   */
  private static final class KeyTable {
    final Map<String, AcceptedKey> byId;
    final String[] footerTexts;
    final byte[][] footers;
    final String[] keyIds;

    KeyTable(Map<String, AcceptedKey> byId) {
      this.byId = byId;
      int n = byId.size();
      footerTexts = new String[n];
      footers = new byte[n][];
      keyIds = new String[n];
      int i = 0;
      for (String keyId : byId.keySet()) {
        keyIds[i] = keyId;
        footers[i] = Claims.footer(keyId);
        footerTexts[i] = Base64Url.encode(footers[i]);
        i++;
      }
    }

    /** The index of the known footer the token carries, or -1. */
    int recognize(PasetoPublic.Parts parts) {
      for (int i = 0; i < footerTexts.length; i++) {
        if (parts.footerIs(footerTexts[i])) {
          return i;
        }
      }
      return -1;
    }
  }

  /** The keys derived from one state of a followed ring. */
  private record Snapshot(KeyRing ring, KeyTable keys) {}

  private final PasetoVersion version;
  private final KeyTable keys;
  private final Supplier<KeyRing> ringSource;
  private volatile Snapshot snapshot;
  private final ScopeSetCache scopeSets;
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
    this.keys = new KeyTable(keys);
    this.ringSource = ringSource;
    this.scopeSets = new ScopeSetCache(catalog);
    this.issuer = issuer;
    this.clock = clock;
    this.clockSkew = clockSkew;
    this.implicitAssertion = implicitAssertion;
  }

  @Override
  public VerifiedToken verify(String token) throws TokenVerificationException {
    PasetoPublic.Parts parts = PasetoPublic.parse(version, token);
    KeyTable table = currentKeys();
    int known = table.recognize(parts);
    byte[] footer = known >= 0 ? table.footers[known] : parts.footer();
    String keyId = known >= 0 ? table.keyIds[known] : keyId(footer);
    AcceptedKey entry = table.byId.get(keyId);
    Instant now = clock.instant();
    if (entry == null || !entry.acceptedAt(now)) {
      throw new TokenVerificationException(UNKNOWN_KEY, "token is signed by an unknown key");
    }
    PasetoPublic.checkSignature(entry.key(), parts, footer, implicitAssertion);
    return Claims.read(
        parts.body(), 0, parts.payloadLength(), scopeSets, issuer, now, clockSkew, keyId);
  }

  /**
   * The fixed keys, plus those of the followed ring as it is now (rebuilt only when it changed).
   */
  private KeyTable currentKeys() throws TokenVerificationException {
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
    Map<String, AcceptedKey> all = new LinkedHashMap<>(keys.byId);
    all.putAll(TokenVerifier.Builder.keysOf(ring));
    s = new Snapshot(ring, new KeyTable(Map.copyOf(all)));
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
      json = Claims.jsonObject(footer, 0, footer.length);
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
    return "TokenVerifier[" + version + ", keys=" + keys.byId.keySet() + ", iss=" + issuer + "]";
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
