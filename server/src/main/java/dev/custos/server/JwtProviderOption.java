package dev.custos.server;

import dev.custos.customer.IdentityProviderPresets;
import dev.custos.customer.JwtIdentityProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The platform's identity provider as the options name it: a preset, or an issuer, its keys and the
 * audience. Immutable.
 */
final class JwtProviderOption {
  private final String preset;
  private final String issuer;
  private final String jwks;
  private final String audience;

  private JwtProviderOption(String preset, String issuer, String jwks, String audience) {
    this.preset = preset;
    this.issuer = issuer;
    this.jwks = jwks;
    this.audience = audience;
  }

  /** An issuer, its JWKS URL or JWK Set file, and the audience. */
  static JwtProviderOption issuer(String issuer, String jwks, String audience) {
    return new JwtProviderOption(
        null,
        Objects.requireNonNull(issuer, "issuer"),
        Objects.requireNonNull(jwks, "jwks"),
        Objects.requireNonNull(audience, "audience"));
  }

  /** A preset ({@link IdentityProviderPresets#of}), checked now so a bad one fails at once. */
  static JwtProviderOption preset(String preset, String audience) {
    IdentityProviderPresets.of(preset, audience);
    return new JwtProviderOption(preset, null, null, audience);
  }

  /**
   * The provider's builder, its maximum age and clock set; the caller adds the replay store.
   *
   * @throws IOException if a JWK Set file cannot be read
   */
  JwtIdentityProvider.Builder builder(Duration maxAge, Clock clock) throws IOException {
    JwtIdentityProvider.Builder b;
    if (preset != null) {
      b = IdentityProviderPresets.of(preset, audience);
    } else {
      b = JwtIdentityProvider.builder(issuer).audience(audience);
      if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
        b.jwksUri(URI.create(jwks));
      } else {
        try {
          b.jwkSet(Files.readString(Path.of(jwks), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
          throw new IOException("cannot read JWK Set file " + jwks + ": no such file", e);
        }
      }
    }
    return b.maxAge(maxAge).clock(clock);
  }
}
