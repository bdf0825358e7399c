package dev.custos.server;

import dev.custos.authz.SourceIps;
import dev.custos.customer.IdentityProviderPresets;
import dev.custos.customer.JwtIdentityProvider;
import dev.custos.otp.OtpEngine;
import dev.custos.redis.CustosRedis;
import dev.custos.token.SigningKey;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how a {@link CustosServer} runs: address, keys, sandbox, limits, TLS, the identity
 * provider, Redis. Made by {@link CustosServer#options()}; every setter returns these options. Not
 * thread-safe.
 */
public final class ServerOptions {
  String bind = "127.0.0.1";
  int port = 8080;
  Path fixtures;

  /** Null until set: sandbox mode then follows the key (on with a generated key only). */
  Boolean sandbox;

  String[] allowedCountryCodes = new String[0];
  boolean sandboxPasscode;
  SigningKey signingKey;
  String issuer = "custos-sandbox";
  String brand = "Unit";
  String redis;
  boolean redisCluster;
  Duration redisTimeout = Duration.ofMillis(500);
  Clock clock = Clock.systemUTC();
  int shutdownGraceSeconds = 2;
  Set<String> corsOrigins = Set.of();
  KeyStore tlsKeyStore;
  char[] tlsPassword;
  JwtProviderOption jwtProvider;
  Duration jwtMaxAge = Duration.ofMinutes(5);
  SourceIps trustedProxies;
  String[] trustedProxyCidrs = new String[0];
  long idleTimeoutMillis = 30_000;
  int maxConnections = 1_000;
  int maxConnectionsPerClient = 50;
  Duration requestHeadTimeout = Duration.ofSeconds(10);
  String passkeyRpId;
  String[] passkeyOrigins;

  ServerOptions() {}

  /**
   * Lets browser front ends of these origins call the API (CORS): responses to them carry {@code
   * Access-Control-Allow-Origin} with the origin itself, and OPTIONS preflights allow {@code
   * Authorization} and {@code Content-Type} with the route's methods. None by default: no CORS
   * header at all; never a wildcard.
   *
   * @param origins origins such as {@code https://app.example.com}: scheme, host and an optional
   *     port, nothing else
   * @return these options
   * @throws IllegalArgumentException if an origin is not of that form, or is {@code *}
   * @throws NullPointerException if the array or an origin is null
   */
  public ServerOptions corsOrigins(String... origins) {
    this.corsOrigins = HttpAdapter.checkedOrigins(origins);
    return this;
  }

  /**
   * Accepts JWTs of the platform's identity provider in place of one-time codes (Unit's {@code
   * jwtToken}): RS256-signed by a key of its JWK Set, of this issuer, for this audience, fresh
   * ({@link #jwtMaxAge}), used once (across servers with {@link #redis}), naming a customer's (or
   * an authorized user's) {@code jwtSubject} from the fixtures. Off by default.
   *
   * @param issuer the provider's {@code iss}
   * @param jwks the provider's JWKS URL ({@code https://...}), or a JWK Set file
   * @param audience the {@code aud} the provider puts in JWTs for this application
   * @return these options
   * @throws NullPointerException if an argument is null
   */
  public ServerOptions jwtIdentityProvider(String issuer, String jwks, String audience) {
    this.jwtProvider = JwtProviderOption.issuer(issuer, jwks, audience);
    return this;
  }

  /**
   * Accepts JWTs of an identity provider Unit names, by its preset ({@link
   * IdentityProviderPresets#of}: {@code auth0:<domain>}, {@code cognito:<user pool id>}, {@code
   * stytch:<project id>}), in place of {@link #jwtIdentityProvider}'s issuer and keys.
   *
   * @param preset the provider and its tenant, pool or project
   * @param audience Auth0's API identifier or Cognito's app client id; null for Stytch
   * @return these options
   * @throws IllegalArgumentException if the preset is unknown or malformed, or the audience does
   *     not fit it
   * @throws NullPointerException if {@code preset} is null
   */
  public ServerOptions jwtIdentityProviderPreset(String preset, String audience) {
    this.jwtProvider = JwtProviderOption.preset(preset, audience);
    return this;
  }

  /**
   * Sets how long after its {@code iat} an identity provider's JWT is accepted; 5 minutes by
   * default.
   *
   * @param maxAge 1 second to 1 hour
   * @return these options
   * @throws IllegalArgumentException if out of range
   * @throws NullPointerException if {@code maxAge} is null
   */
  public ServerOptions jwtMaxAge(Duration maxAge) {
    JwtIdentityProvider.builder("check").maxAge(maxAge); // validates
    this.jwtMaxAge = maxAge;
    return this;
  }

  /**
   * Trusts these proxies to name the client in {@code X-Forwarded-For} (for org tokens' {@code
   * sourceIp}); none by default, when only the connection's address counts.
   *
   * @param cidrs addresses and CIDR blocks of the proxies
   * @return these options
   * @throws IllegalArgumentException if an entry is not an address or block
   * @throws NullPointerException if the array or an entry is null
   */
  public ServerOptions trustedProxies(String... cidrs) {
    for (String cidr : cidrs) {
      Objects.requireNonNull(cidr, "cidr");
    }
    this.trustedProxies = cidrs.length == 0 ? null : SourceIps.parse(String.join(",", cidrs));
    this.trustedProxyCidrs = cidrs.clone();
    return this;
  }

  /**
   * Serves HTTPS with the key and certificate chain of a keystore (see {@link #tlsPkcs12(Path,
   * char[])} and {@link #tlsPem(Path, Path)} for files); plain HTTP by default. With TLS every
   * response also carries {@code Strict-Transport-Security} (one year).
   *
   * @param keyStore a keystore holding one private key entry and its chain
   * @param password the key's password, copied; clear your array after the call
   * @return these options
   * @throws NullPointerException if an argument is null
   */
  public ServerOptions tls(KeyStore keyStore, char[] password) {
    this.tlsKeyStore = Objects.requireNonNull(keyStore, "keyStore");
    this.tlsPassword = Objects.requireNonNull(password, "password").clone();
    return this;
  }

  /**
   * Serves HTTPS from a PKCS#12 keystore file.
   *
   * @param file the keystore, holding one private key entry and its certificate chain
   * @param password the keystore's password (read it from the environment or a file, never from a
   *     command line)
   * @return these options
   * @throws IOException if the file cannot be read, is not PKCS#12, the password is wrong, or it
   *     holds no private key
   * @throws NullPointerException if an argument is null
   */
  public ServerOptions tlsPkcs12(Path file, char[] password) throws IOException {
    return tls(
        TlsKeys.pkcs12(Objects.requireNonNull(file, "file"), password),
        Objects.requireNonNull(password, "password"));
  }

  /**
   * Serves HTTPS from PEM files: a certificate chain (the server's first) and an unencrypted PKCS#8
   * private key ({@code BEGIN PRIVATE KEY}; RSA, EC or Ed25519).
   *
   * @param certificates the certificate chain
   * @param privateKey the private key
   * @return these options
   * @throws IOException if a file cannot be read or is not of that form, or the key does not fit
   *     the certificate
   * @throws NullPointerException if an argument is null
   */
  public ServerOptions tlsPem(Path certificates, Path privateKey) throws IOException {
    char[] password = new char[0];
    return tls(
        TlsKeys.pem(
            Objects.requireNonNull(certificates, "certificates"),
            Objects.requireNonNull(privateKey, "privateKey"),
            password),
        password);
  }

  /**
   * Sets how long a connection may stay silent (a request half sent, or none at all) before it is
   * closed; 30 seconds by default.
   *
   * @param millis 100 ms to 10 minutes
   * @return these options
   * @throws IllegalArgumentException if out of range
   */
  public ServerOptions idleTimeoutMillis(long millis) {
    this.idleTimeoutMillis =
        OptionRules.within(millis, 100, 600_000, "idle timeout must be 100 ms to 10 minutes");
    return this;
  }

  /**
   * Sets how many connections are open at most; beyond it the server stops accepting until one
   * closes; 1,000 by default.
   *
   * @param max 1 to 100,000
   * @return these options
   * @throws IllegalArgumentException if out of range
   */
  public ServerOptions maxConnections(int max) {
    this.maxConnections =
        OptionRules.within(max, 1, 100_000, "max connections must be 1 to 100000");
    return this;
  }

  /**
   * Sets how many connections one client address may hold open; a connection beyond it is closed as
   * soon as it opens. Trusted proxies ({@link #trustedProxies}) are exempt, as every client behind
   * one shares its address. 50 by default.
   *
   * @param max 1 to 100,000
   * @return these options
   * @throws IllegalArgumentException if out of range
   */
  public ServerOptions maxConnectionsPerClient(int max) {
    this.maxConnectionsPerClient =
        OptionRules.within(max, 1, 100_000, "max connections per client must be 1 to 100000");
    return this;
  }

  /**
   * Sets how long a connection may take to send a whole request head (request line and headers),
   * from its opening or from the end of its previous exchange; a connection that has not by then is
   * closed. 10 seconds by default.
   *
   * @param timeout 100 ms to 10 minutes
   * @return these options
   * @throws IllegalArgumentException if out of range
   * @throws NullPointerException if {@code timeout} is null
   */
  public ServerOptions requestHeadTimeout(Duration timeout) {
    OptionRules.within(
        Objects.requireNonNull(timeout, "timeout").toMillis(),
        100,
        Duration.ofMinutes(10).toMillis(),
        "request head timeout must be 100 ms to 10 minutes");
    this.requestHeadTimeout = timeout;
    return this;
  }

  /**
   * Sets how long {@link CustosServer#close()} waits for requests in flight; 2 seconds by default.
   *
   * @param seconds 0 to 60
   * @return these options
   * @throws IllegalArgumentException if out of range
   */
  public ServerOptions shutdownGrace(int seconds) {
    this.shutdownGraceSeconds =
        OptionRules.within(seconds, 0, 60, "shutdown grace must be 0 to 60 seconds");
    return this;
  }

  /**
   * Sets the address to bind; 127.0.0.1 by default.
   *
   * @param bind an IP address or host name
   * @return these options
   * @throws NullPointerException if {@code bind} is null
   */
  public ServerOptions bind(String bind) {
    this.bind = Objects.requireNonNull(bind, "bind");
    return this;
  }

  /**
   * Sets the port; 8080 by default, 0 for any free port.
   *
   * @param port 0 to 65535
   * @return these options
   * @throws IllegalArgumentException if out of range
   */
  public ServerOptions port(int port) {
    this.port = OptionRules.within(port, 0, 65535, "port must be 0 to 65535");
    return this;
  }

  /**
   * Reads customers, accounts and cards from a JSON file instead of the built-in fixtures.
   *
   * @param file a fixtures file of the built-in one's shape
   * @return these options
   * @throws NullPointerException if {@code file} is null
   */
  public ServerOptions fixtures(Path file) {
    this.fixtures = Objects.requireNonNull(file, "file");
    return this;
  }

  /**
   * Turns sandbox mode on or off. Sandbox mode keeps "delivered" codes for {@code GET
   * /sandbox/messages} and mints a sandbox org token; outside it the server has no SMS provider and
   * needs a signing key. By default it is on with a generated key and off with a given one: a real
   * key never serves codes or prints an org token unless asked to.
   *
   * @param sandbox whether to run in sandbox mode
   * @return these options
   */
  public ServerOptions sandbox(boolean sandbox) {
    this.sandbox = sandbox;
    return this;
  }

  /**
   * Accepts Unit's sandbox passcode {@code 000001} for any pending verification (sandbox only).
   *
   * @param enabled whether to accept it
   * @return these options
   */
  public ServerOptions sandboxPasscode(boolean enabled) {
    this.sandboxPasscode = enabled;
    return this;
  }

  /**
   * Signs with the given key instead of one generated at start.
   *
   * @param key the signing key
   * @return these options
   * @throws NullPointerException if {@code key} is null
   */
  public ServerOptions signingKey(SigningKey key) {
    this.signingKey = Objects.requireNonNull(key, "key");
    return this;
  }

  /**
   * Sets the tokens' issuer; {@code custos-sandbox} by default.
   *
   * @param issuer the issuer
   * @return these options
   * @throws NullPointerException if {@code issuer} is null
   */
  public ServerOptions issuer(String issuer) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    return this;
  }

  /**
   * Sets the one time source of every component: token times, verification expiry, send windows and
   * lockouts; {@link Clock#systemUTC()} by default.
   *
   * @param clock the clock
   * @return these options
   * @throws NullPointerException if {@code clock} is null
   */
  public ServerOptions clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Shares verification, limit and revocation state through Redis, so that several servers act as
   * one; needs a {@link #signingKey} shared by all of them.
   *
   * @param redisUri a {@code redis://}, {@code rediss://} or {@code redis-sentinel://} URI
   * @return these options
   * @throws NullPointerException if {@code redisUri} is null
   */
  public ServerOptions redis(String redisUri) {
    this.redis = Objects.requireNonNull(redisUri, "redisUri");
    this.redisCluster = false;
    return this;
  }

  /**
   * Sets how long a Redis command may take, half of it for a replica to acknowledge a security
   * write; 500 ms by default. Past it the request fails closed (503): raise it where replicas are
   * far away or the machine is loaded.
   *
   * @param timeout 10 ms to 60 s
   * @return these options
   * @throws IllegalArgumentException if out of range
   */
  public ServerOptions redisTimeout(Duration timeout) {
    CustosRedis.builder("redis://localhost").timeout(timeout); // validates
    this.redisTimeout = timeout;
    return this;
  }

  /**
   * Shares that state through a Redis Cluster instead, as {@link #redis} does through one Redis.
   *
   * @param seeds some of the cluster's nodes, {@code redis://h1:p1,h2:p2,…}
   * @return these options
   * @throws NullPointerException if {@code seeds} is null
   */
  public ServerOptions redisCluster(String seeds) {
    this.redis = Objects.requireNonNull(seeds, "seeds");
    this.redisCluster = true;
    return this;
  }

  /**
   * Restricts one-time codes to phone numbers of these country calling codes (against SMS pumping
   * to premium numbers abroad); every country by default.
   *
   * @param countryCodes calling codes such as {@code 1} or {@code 34}
   * @return these options
   * @throws IllegalArgumentException if a code is not 1 to 3 digits without a leading 0
   * @throws NullPointerException if the array or a code is null
   */
  public ServerOptions allowedCountryCodes(String... countryCodes) {
    OtpEngine.builder().allowedCountryCodes(countryCodes); // validates
    this.allowedCountryCodes = countryCodes.clone();
    return this;
  }

  /**
   * Accepts passkeys as the second factor for this relying party id and these origins (WebAuthn's
   * checks): the pages that enrol and use passkeys are served from the origins. In sandbox mode the
   * default is {@code localhost} and {@code http://localhost:<port>}, with the sandbox page at
   * {@code /sandbox/passkeys}; elsewhere passkeys are off unless set.
   *
   * @param rpId the relying party id, a host name such as {@code bank.example}
   * @param origins the origins, {@code https://host[:port]} (or {@code http://localhost[:port]})
   * @return these options
   * @throws IllegalArgumentException if an origin is malformed or not on the id
   * @throws NullPointerException if an argument is null
   */
  public ServerOptions passkeys(String rpId, String... origins) {
    PasskeyRoutes.relyingParty(rpId, origins, new byte[32]); // validates
    this.passkeyRpId = rpId;
    this.passkeyOrigins = origins.clone();
    return this;
  }

  /** Checks the options belong together and fills in the defaults that depend on others. */
  ServerOptions validated() {
    OptionRules.check(this);
    return this;
  }
}
