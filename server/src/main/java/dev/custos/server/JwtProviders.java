package dev.custos.server;

import dev.custos.customer.IdentityProviderPresets;
import dev.custos.customer.JwtIdentityProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The platform's identity provider as the options name it: a preset, or issuer and keys. */
final class JwtProviders {
  private JwtProviders() {}

  /**
   * The provider's builder, its maximum age and clock set; the caller adds the replay store.
   *
   * @throws IOException if a JWK Set file cannot be read
   */
  static JwtIdentityProvider.Builder of(ServerOptions options) throws IOException {
    JwtIdentityProvider.Builder b;
    if (options.jwtPreset != null) {
      b = IdentityProviderPresets.of(options.jwtPreset, options.jwtAudience);
    } else {
      b = JwtIdentityProvider.builder(options.jwtIssuer).audience(options.jwtAudience);
      String jwks = options.jwtJwks;
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
    return b.maxAge(options.jwtMaxAge).clock(options.clock);
  }
}
