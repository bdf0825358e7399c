package dev.custos.server;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.otp.OtpEngine;
import dev.custos.passkey.PasskeyEndpoints;
import dev.custos.passkey.PasskeyRelyingParty;
import dev.custos.passkey.PasskeyStore;
import dev.custos.passkey.Passkeys;
import dev.custos.redis.CustosRedis;
import dev.custos.redis.RedisPasskeys;
import dev.custos.token.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Passkeys on the reference server: the library's {@link Passkeys} and {@link PasskeyEndpoints},
 * their routes, and in sandbox mode the page that enrols a passkey and mints a token with it.
 */
final class PasskeyRoutes {
  // The page's own files only: no inline script, no other origin.
  private static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self';"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final Passkeys passkeys;

  private PasskeyRoutes(Passkeys passkeys) {
    this.passkeys = passkeys;
  }

  /** The relying party of the options, its user handle key derived from the signing key. */
  static PasskeyRelyingParty relyingParty(String rpId, String[] origins, byte[] userHandleKey) {
    try {
      return PasskeyRelyingParty.builder()
          .id(rpId)
          .name("Custos")
          .origins(origins)
          .userHandleKey(userHandleKey)
          .build();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Passkeys for the server, or null when the options have none. Every server sharing a Redis and a
   * signing key gives a customer the same user handle, and sees the same passkeys.
   */
  static PasskeyRoutes create(
      ServerOptions options,
      SigningKey key,
      OtpEngine otp,
      RequestAuthorizer authorizer,
      CustomerDirectory directory,
      CustosRedis redis,
      Clock clock) {
    if (options.passkeyRpId == null) {
      return null;
    }
    PasskeyStore store =
        redis == null ? PasskeyStore.inMemory(100_000) : RedisPasskeys.store(redis);
    return new PasskeyRoutes(
        Passkeys.builder()
            .relyingParty(
                relyingParty(
                    options.passkeyRpId,
                    options.passkeyOrigins,
                    PasskeyRelyingParty.userHandleKeyFrom(key)))
            .store(store)
            .otpEngine(otp)
            .authorizer(authorizer)
            .directory(directory)
            .clock(clock)
            .build());
  }

  Passkeys passkeys() {
    return passkeys;
  }

  /** The passkey routes, and the sandbox page when asked. */
  void addTo(Routes routes, JsonApiEndpoints api, boolean sandboxPage) {
    PasskeyEndpoints endpoints = new PasskeyEndpoints(passkeys, api);
    // The registration route first: its literal segment must win over the {id} route beside it.
    routes
        .add(
            "POST",
            "/customers/{id}/passkeys/registration",
            c -> Reply.of(endpoints.startRegistration(c.id(0), c.request)))
        .add(
            "POST",
            "/customers/{id}/passkeys",
            c -> Reply.of(endpoints.register(c.id(0), c.request)))
        .add("GET", "/customers/{id}/passkeys", c -> Reply.of(endpoints.list(c.id(0), c.request)))
        .add(
            "DELETE",
            "/customers/{id}/passkeys/{id}",
            c -> Reply.of(endpoints.delete(c.id(0), c.id(1), c.request)));
    if (sandboxPage) {
      String html = resource("passkeys.html");
      String script = resource("passkeys.js");
      routes
          .add("GET", "/sandbox/passkeys", c -> page("text/html; charset=utf-8", html))
          .add("GET", "/sandbox/passkeys.js", c -> page("text/javascript; charset=utf-8", script));
    }
  }

  private static Reply page(String contentType, String body) {
    return new Reply(
        200, Map.of("Content-Type", contentType, "Content-Security-Policy", PAGE_POLICY), body);
  }

  private static String resource(String name) {
    try (InputStream in = PasskeyRoutes.class.getResourceAsStream("sandbox/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the server jar lacks sandbox/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
