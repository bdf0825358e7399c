package dev.custos.token;

import dev.custos.scopes.ScopeCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Fixed keys and clocks for token tests. */
final class TokenFixtures {
  static final ScopeCatalog CATALOG = ScopeCatalog.unit();
  static final String ISSUER = "https://api.custos.test";
  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  static final SigningKey V2_KEY = SigningKey.fromSeed(PasetoVersion.V2_PUBLIC, seed(1));
  static final SigningKey V4_KEY = SigningKey.fromSeed(PasetoVersion.V4_PUBLIC, seed(2));

  private TokenFixtures() {}

  static byte[] seed(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    return seed;
  }

  static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  /** The JSON claims of a v2.public token: its body less the 64-byte signature. */
  static String payloadOf(String token) {
    String body = token.substring("v2.public.".length(), token.indexOf('.', "v2.public.".length()));
    byte[] bytes = Base64Url.decode(body);
    return new String(bytes, 0, bytes.length - 64, java.nio.charset.StandardCharsets.UTF_8);
  }

  static TokenMinter minter(SigningKey key, Instant now) {
    return TokenMinter.builder().signingKey(key).issuer(ISSUER).clock(at(now)).build();
  }

  static TokenVerifier verifier(VerificationKey key, Instant now) {
    return TokenVerifier.builder().keys(key).issuer(ISSUER).clock(at(now)).build();
  }
}
