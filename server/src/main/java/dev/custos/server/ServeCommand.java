package dev.custos.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code custos serve}: runs the reference server until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    version = Cli.VERSION,
    description = "Run the reference server.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin SigningKeyOptions keys;

  @CommandLine.ParentCommand Cli parent;

  @Option(
      names = "--tls-keystore",
      paramLabel = "FILE",
      description =
          "Serve HTTPS from this PKCS#12 keystore; its password is read from the environment"
              + " variable "
              + Cli.TLS_PASSWORD_VARIABLE
              + ", never from the command line.")
  Path tlsKeystore;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description = "Serve HTTPS with this PEM certificate chain (with --tls-key).")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description = "The unencrypted PKCS#8 PEM private key of --tls-cert.")
  Path tlsKey;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address to bind. Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(
      names = "--fixtures",
      description = "Customers, accounts and cards JSON (default: built in).")
  Path fixtures;

  @Option(
      names = "--issuer",
      defaultValue = "custos-sandbox",
      description = "Issuer of minted tokens. Default: ${DEFAULT-VALUE}.")
  String issuer;

  @Option(
      names = "--no-sandbox",
      description =
          "Leave sandbox mode (the default with a generated key): no /sandbox/messages, no SMS.")
  boolean noSandbox;

  @Option(
      names = "--sandbox",
      description =
          "Sandbox mode with the --key given: print an org token signed with it and serve every"
              + " code at /sandbox/messages. Off by default with a real key.")
  boolean sandbox;

  @Option(
      names = "--allow-country",
      paramLabel = "CODE",
      description =
          "Send codes only to phones of this country calling code (repeatable); every country"
              + " by default.")
  String[] allowCountries = new String[0];

  @Option(
      names = "--cors-origin",
      paramLabel = "ORIGIN",
      description =
          "Let a browser front end of this origin call the API, such as"
              + " https://app.example.com (repeatable); none by default, never a wildcard.")
  String[] corsOrigins = new String[0];

  @Option(
      names = "--passkey-origin",
      paramLabel = "ORIGIN",
      description =
          "Accept passkeys made on pages of this origin, such as https://bank.example"
              + " (repeatable; needs --passkey-rp-id). In sandbox mode http://localhost:PORT by"
              + " default, with the page /sandbox/passkeys.")
  String[] passkeyOrigins = new String[0];

  @Option(
      names = "--passkey-rp-id",
      paramLabel = "HOST",
      description =
          "The passkeys' relying party id: the origins' host or a registrable suffix of it, such"
              + " as bank.example.")
  String passkeyRpId;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "CIDR",
      description =
          "Trust X-Forwarded-For from this proxy address or block (repeatable), for org tokens'"
              + " sourceIp; by default only the connection's address counts.")
  String[] trustedProxies = new String[0];

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Connections open at most; beyond them none is accepted. Default: ${DEFAULT-VALUE}.")
  int maxConnections;

  @Option(
      names = "--max-connections-per-client",
      paramLabel = "N",
      defaultValue = "50",
      description =
          "Connections one client address may hold open; more are closed at once (trusted"
              + " proxies exempt). Default: ${DEFAULT-VALUE}.")
  int maxConnectionsPerClient;

  @Option(
      names = "--request-head-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "Seconds a connection may take to send a whole request head; slower ones are closed."
              + " Default: ${DEFAULT-VALUE}.")
  int requestHeadTimeoutSeconds;

  @Option(
      names = "--jwt-issuer",
      paramLabel = "ISS",
      description =
          "Accept the platform identity provider's JWTs (jwtToken) of this issuer in place of"
              + " one-time codes; with --jwt-jwks.")
  String jwtIssuer;

  @Option(
      names = "--jwt-jwks",
      paramLabel = "URL|FILE",
      description = "The identity provider's JWKS URL (https://...) or JWK Set file.")
  String jwtJwks;

  @Option(
      names = "--jwt-audience",
      paramLabel = "AUD",
      description =
          "The audience (aud) the identity provider puts in JWTs for this server; required with"
              + " --jwt-issuer.")
  String jwtAudience;

  @Option(
      names = "--jwt-provider",
      paramLabel = "PRESET",
      description =
          "An identity provider Unit names, by preset: auth0:DOMAIN, cognito:USER_POOL_ID or"
              + " stytch:PROJECT_ID (with --jwt-audience for auth0 and cognito); instead of"
              + " --jwt-issuer and --jwt-jwks.")
  String jwtProvider;

  @Option(
      names = "--jwt-max-age",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "Seconds after its iat an identity provider's JWT is accepted. Default:"
              + " ${DEFAULT-VALUE}.")
  int jwtMaxAgeSeconds;

  @Option(
      names = "--sandbox-passcode",
      description = "Accept Unit's sandbox passcode 000001 (sandbox only).")
  boolean passcode;

  @Option(
      names = "--redis",
      description =
          "Share verification, limit and revocation state through Redis (redis:// or rediss://"
              + " URI, or redis-sentinel://h1:p1,h2:p2,h3:p3/#master for the master Sentinel"
              + " names, followed through failovers), so several servers act as one. Needs --key:"
              + " every server signs with, and derives its OTP key from, the same key.")
  String redis;

  @Option(
      names = "--redis-cluster",
      description =
          "Share that state through a Redis Cluster instead: some of its nodes, as"
              + " redis://h1:p1,h2:p2,h3:p3 (every script runs on the master of its keys' slot).")
  String redisCluster;

  private void tls(ServerOptions options) throws java.io.IOException {
    if (tlsKeystore != null && (tlsCert != null || tlsKey != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--tls-keystore and --tls-cert/--tls-key exclude each other");
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--tls-cert and --tls-key go together");
    }
    if (tlsKeystore != null) {
      String password = parent.environment.get(Cli.TLS_PASSWORD_VARIABLE);
      if (password == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--tls-keystore needs the keystore's password in " + Cli.TLS_PASSWORD_VARIABLE);
      }
      options.tlsPkcs12(tlsKeystore, password.toCharArray());
    } else if (tlsCert != null) {
      options.tlsPem(tlsCert, tlsKey);
    }
  }

  @Override
  public Integer call() throws Exception {
    ServerOptions options =
        CustosServer.options()
            .bind(bind)
            .port(port)
            .issuer(issuer)
            .sandboxPasscode(passcode)
            .allowedCountryCodes(allowCountries);
    try {
      options.corsOrigins(corsOrigins);
      if (passkeyRpId != null || passkeyOrigins.length > 0) {
        if (passkeyRpId == null || passkeyOrigins.length == 0) {
          throw new IllegalArgumentException("--passkey-rp-id and --passkey-origin go together");
        }
        options.passkeys(passkeyRpId, passkeyOrigins);
      }
      options.trustedProxies(trustedProxies);
      options.maxConnections(maxConnections);
      options.maxConnectionsPerClient(maxConnectionsPerClient);
      options.requestHeadTimeout(Duration.ofSeconds(requestHeadTimeoutSeconds));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (sandbox && noSandbox) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--sandbox and --no-sandbox exclude each other");
    }
    if (sandbox || noSandbox) {
      options.sandbox(sandbox);
    }
    if (fixtures != null) {
      options.fixtures(fixtures);
    }
    if (keys.key != null) {
      options.signingKey(keys.signingKeyOrNull());
    }
    if (redis != null && redisCluster != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--redis and --redis-cluster exclude each other");
    }
    if (redis != null) {
      options.redis(redis);
    }
    if (redisCluster != null) {
      options.redisCluster(redisCluster);
    }
    tls(options);
    if (jwtProvider != null) {
      if (jwtIssuer != null || jwtJwks != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--jwt-provider names the issuer and keys: drop --jwt-issuer/--jwt-jwks");
      }
      try {
        options.jwtIdentityProviderPreset(jwtProvider, jwtAudience);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--jwt-provider: " + e.getMessage());
      }
    } else if ((jwtIssuer == null) != (jwtJwks == null)
        || (jwtIssuer == null) != (jwtAudience == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--jwt-issuer, --jwt-jwks and --jwt-audience go together: a JWT for any other"
              + " application of the identity provider must not pass");
    }
    if (jwtIssuer != null) {
      options.jwtIdentityProvider(jwtIssuer, jwtJwks, jwtAudience);
    }
    if (jwtIssuer != null || jwtProvider != null) {
      try {
        options.jwtMaxAge(Duration.ofSeconds(jwtMaxAgeSeconds));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--jwt-max-age: " + e.getMessage());
      }
    }
    if (allowCountries.length == 0) {
      spec.commandLine()
          .getErr()
          .println(
              "warning: one-time codes go to phones of every country; pass --allow-country"
                  + " CODE for each country you serve (SMS pumping sends codes to premium"
                  + " numbers abroad)");
    }
    CustosServer server = CustosServer.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    PrintWriter out = spec.commandLine().getOut();
    welcome(out, server, keys.key == null);
    out.flush();
    stopped.await();
    return 0;
  }

  /** What the server prints once it listens: where, its key, and in sandbox mode how to start. */
  static void welcome(PrintWriter out, CustosServer server, boolean generatedKey) {
    out.println("Custos server listening on " + server.uri());
    out.println(
        "Signing key: " + server.keyId() + (generatedKey ? " (generated for this run)" : ""));
    server
        .sandboxOrgToken()
        .ifPresent(
            token -> {
              out.println();
              out.println(
                  "Sandbox org API token (scopes: customers customer-token-write cards-write):");
              out.println("  export TOKEN=" + token);
              server
                  .sandboxAdminCredential()
                  .ifPresent(
                      admin -> {
                        out.println("Sandbox admin credential of user 1 (manages org API tokens):");
                        out.println("  export ADMIN_TOKEN=" + admin);
                      });
              out.println();
              out.println("Try:");
              out.println(
                  "  curl -X POST '"
                      + server.uri()
                      + "/customers/100001/token' -H 'Content-Type: application/vnd.api+json'"
                      + " -H \"Authorization: Bearer ${TOKEN}\" --data-raw"
                      + " '{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"customers accounts cards\"}}}'");
              server
                  .sandboxPasskeyPage()
                  .ifPresent(
                      page ->
                          out.println(
                              "Passkeys: open " + page + " in a browser and paste the TOKEN."));
            });
  }
}
