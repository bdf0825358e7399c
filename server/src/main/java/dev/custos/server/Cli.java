package dev.custos.server;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.authz.SourceIps;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.ScopeSet;
import dev.custos.token.KeyRing;
import dev.custos.token.MintedToken;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerificationException;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerificationKey;
import dev.custos.token.VerifiedToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code custos} command: {@code serve}, {@code keygen}, {@code mint}, {@code verify}.
 *
 * <pre>{@code java -jar server/target/custos-server.jar serve --sandbox-passcode}</pre>
 */
@Command(
    name = "custos",
    mixinStandardHelpOptions = true,
    version = Cli.VERSION,
    description = "Customer-token authorization: a reference server and key/token tools.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the command did its work",
      "1:the command failed (an invalid token, an unreadable key file)",
      "2:the command line could not be understood"
    },
    subcommands = {Cli.Serve.class, Cli.Keygen.class, Cli.Mint.class, Cli.Verify.class})
public final class Cli implements Runnable {
  /** What {@code -V} prints, for the command and every subcommand. */
  static final String VERSION = "custos 0.1.0-SNAPSHOT";

  /** Exit status of a command that did its work. */
  static final int EXIT_OK = 0;

  /** Exit status of a command that failed: an invalid token, an unreadable key file. */
  static final int EXIT_FAILED = 1;

  /** Exit status of a command line that could not be understood (picocli's usage error). */
  static final int EXIT_USAGE = 2;

  /** The variable {@code serve} reads the TLS keystore's password from: never an argument. */
  static final String TLS_PASSWORD_VARIABLE = "CUSTOS_TLS_PASSWORD";

  @Spec CommandLine.Model.CommandSpec spec;

  /** The process environment; tests give their own. */
  private final Map<String, String> environment;

  /** Creates the command; picocli fills it in. */
  public Cli() {
    this(System.getenv());
  }

  private Cli(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Runs the command line and exits with its status: 0 on success, 1 for a failed command (such as
   * an invalid token), 2 for bad arguments.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command line with the given streams, without exiting, for a program that embeds the
   * CLI.
   *
   * @param out standard output
   * @param err standard error
   * @param args the arguments
   * @return the exit status
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /** The same, with an environment of the caller's. */
  static int run(
      PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
    CommandLine cli = new CommandLine(new Cli(environment));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return EXIT_FAILED;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Reads a signing key from a PASERK ({@code k2.secret.…}, which names its version) or a private
   * JWK file (which does not: {@code --key-version} is then required, never guessed).
   */
  static SigningKey readSigningKey(Path file, String keyVersion) {
    try {
      // Nobody else may be able to read this key, or to swap it for one of their own.
      KeyFiles.requirePrivate(file.toAbsolutePath().getParent(), false);
      KeyFiles.requirePrivate(file, true);
    } catch (NoSuchFileException e) {
      throw new CommandFailure("cannot read key file " + file + ": no such file");
    } catch (IOException e) {
      throw new CommandFailure("refusing the signing key: " + e.getMessage());
    }
    String text = readKeyFile(file);
    if (text.startsWith("{")) {
      return SigningKey.fromJwk(text, requiredVersion(file, keyVersion));
    }
    SigningKey key = SigningKey.fromPaserk(text);
    checkVersion(file, key.version(), keyVersion);
    return key;
  }

  /** Reads a public key from a PASERK or a public JWK file, with the same version rule. */
  static VerificationKey readVerificationKey(Path file, String keyVersion) {
    String text = readKeyFile(file);
    if (text.startsWith("{")) {
      return VerificationKey.fromJwk(text, requiredVersion(file, keyVersion));
    }
    VerificationKey key = VerificationKey.fromPaserk(text);
    checkVersion(file, key.version(), keyVersion);
    return key;
  }

  static String readKeyFile(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new CommandFailure("cannot read key file " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new CommandFailure("cannot read key file " + file + ": permission denied");
    } catch (IOException e) {
      throw new CommandFailure(
          "cannot read key file " + file + ": " + e.getClass().getSimpleName());
    }
  }

  /** A JWK does not say which PASETO version it signs for: the user must. */
  static PasetoVersion requiredVersion(Path file, String keyVersion) {
    if (keyVersion == null) {
      throw new CommandFailure(
          file
              + " is a JWK, which does not say its PASETO version: pass --key-version v2 or"
              + " --key-version v4");
    }
    return version(keyVersion);
  }

  private static void checkVersion(Path file, PasetoVersion actual, String keyVersion) {
    if (keyVersion != null && version(keyVersion) != actual) {
      throw new CommandFailure(
          file + " holds a " + actual + " key, not " + keyVersion + " as --key-version says");
    }
  }

  static PasetoVersion version(String name) {
    return switch (name) {
      case "v2" -> PasetoVersion.V2_PUBLIC;
      case "v4" -> PasetoVersion.V4_PUBLIC;
      default -> throw new CommandFailure("--key-version must be v2 or v4, not " + name);
    };
  }

  /** A failure a person can act on: its message is printed as is, the exit status is 1. */
  static final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
      super(message, null, false, false);
    }
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      version = Cli.VERSION,
      description = "Run the reference server.")
  static final class Serve implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand Cli parent;

    @Option(
        names = "--tls-keystore",
        paramLabel = "FILE",
        description =
            "Serve HTTPS from this PKCS#12 keystore; its password is read from the environment"
                + " variable "
                + TLS_PASSWORD_VARIABLE
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
        names = "--key",
        description = "Signing key file: PASERK k2.secret/k4.secret or a private JWK.")
    Path key;

    @Option(
        names = "--key-version",
        description = "PASETO version of the key: v2 or v4; required for a JWK key file.")
    String keyVersion;

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
                + " URI), so several servers act as one. Needs --key: every server signs with, and"
                + " derives its OTP key from, the same key.")
    String redis;

    private void tls(CustosServer.Options options) throws java.io.IOException {
      if (tlsKeystore != null && (tlsCert != null || tlsKey != null)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--tls-keystore and --tls-cert/--tls-key exclude each other");
      }
      if ((tlsCert == null) != (tlsKey == null)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--tls-cert and --tls-key go together");
      }
      if (tlsKeystore != null) {
        String password = parent.environment.get(TLS_PASSWORD_VARIABLE);
        if (password == null) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--tls-keystore needs the keystore's password in " + TLS_PASSWORD_VARIABLE);
        }
        options.tlsPkcs12(tlsKeystore, password.toCharArray());
      } else if (tlsCert != null) {
        options.tlsPem(tlsCert, tlsKey);
      }
    }

    @Override
    public Integer call() throws Exception {
      CustosServer.Options options =
          CustosServer.options()
              .bind(bind)
              .port(port)
              .issuer(issuer)
              .sandboxPasscode(passcode)
              .allowedCountryCodes(allowCountries);
      try {
        options.corsOrigins(corsOrigins);
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
      if (key != null) {
        options.signingKey(readSigningKey(key, keyVersion));
      }
      if (redis != null) {
        options.redis(redis);
      }
      tls(options);
      if ((jwtIssuer == null) != (jwtJwks == null)
          || (jwtIssuer == null) != (jwtAudience == null)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--jwt-issuer, --jwt-jwks and --jwt-audience go together: a JWT for any other"
                + " application of the identity provider must not pass");
      }
      if (jwtIssuer != null) {
        options.jwtIdentityProvider(jwtIssuer, jwtJwks, jwtAudience);
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
      out.println("Custos server listening on " + server.uri());
      out.println(
          "Signing key: " + server.keyId() + (key == null ? " (generated for this run)" : ""));
      server
          .sandboxOrgToken()
          .ifPresent(
              token -> {
                out.println();
                out.println("Sandbox org API token (scopes: customers customer-token-write):");
                out.println("  export TOKEN=" + token);
                server
                    .sandboxAdminCredential()
                    .ifPresent(
                        admin -> {
                          out.println(
                              "Sandbox admin credential of user 1 (manages org API tokens):");
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
              });
      out.flush();
      stopped.await();
      return 0;
    }
  }

  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      version = Cli.VERSION,
      description = "Write a new Ed25519 signing key and its public half.")
  static final class Keygen implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Directory to write the key files to.")
    Path out;

    @Option(
        names = "--key-version",
        defaultValue = "v2",
        description = "PASETO version of the key: v2 or v4. Default: ${DEFAULT-VALUE}.")
    String keyVersion;

    @Option(names = "--force", description = "Overwrite existing key files.")
    boolean force;

    @Override
    public Integer call() throws IOException {
      SigningKey key = SigningKey.generate(version(keyVersion));
      KeyFiles.createPrivateDirectory(out);
      writeSecret(out.resolve("signing-key.paserk"), key.exportSecretPaserk());
      writeSecret(out.resolve("signing-key.jwk"), key.exportPrivateJwk());
      write(out.resolve("public-key.paserk"), key.verificationKey().toPaserk());
      write(out.resolve("public-key.jwk"), key.verificationKey().toJwk());
      write(out.resolve("jwks.json"), KeyRing.of(key).toJwkSet());
      spec.commandLine().getOut().println("key id: " + key.keyId());
      spec.commandLine()
          .getOut()
          .println(
              "wrote "
                  + out.toAbsolutePath().normalize()
                  + "/{signing-key.paserk, signing-key.jwk, public-key.paserk, public-key.jwk, jwks.json}");
      return 0;
    }

    private void writeSecret(Path file, String content) throws IOException {
      KeyFiles.write(file, content + "\n", true, force);
    }

    private void write(Path file, String content) throws IOException {
      KeyFiles.write(file, content + "\n", false, force);
    }
  }

  @Command(
      name = "mint",
      mixinStandardHelpOptions = true,
      version = Cli.VERSION,
      description = "Mint a customer or org token and print it.")
  static final class Mint implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--key",
        required = true,
        description = "Signing key file: PASERK or private JWK.")
    Path key;

    @Option(
        names = "--key-version",
        description = "PASETO version of the key: v2 or v4; required for a JWK key file.")
    String keyVersion;

    @Option(names = "--issuer", required = true, description = "Issuer (iss) of the token.")
    String issuer;

    @ArgGroup(multiplicity = "1")
    Subject subject;

    static final class Subject {
      @Option(names = "--customer", description = "Mint a customer token for this customer id.")
      String customer;

      @Option(names = "--org", description = "Mint an org token.")
      boolean org;
    }

    @Option(names = "--scope", required = true, description = "Space-separated scopes.")
    String scope;

    @Option(
        names = "--expires-in",
        defaultValue = "86400",
        description = "Lifetime in seconds. Default: ${DEFAULT-VALUE}.")
    long expiresIn;

    @Option(
        names = "--two-factor",
        description = "Record that the customer passed two-factor verification.")
    boolean twoFactor;

    @Option(
        names = "--source-ip",
        paramLabel = "LIST",
        description =
            "Limit an org token to these client addresses: IPv4/IPv6 addresses and CIDR blocks,"
                + " comma-separated, no spaces.")
    String sourceIp;

    @Override
    public Integer call() throws IOException {
      ScopeSet scopes = ScopeCatalog.unit().parse(scope);
      TokenRequest request =
          subject.org ? TokenRequest.org(scopes) : TokenRequest.customer(subject.customer, scopes);
      request = request.expiresIn(Duration.ofSeconds(expiresIn));
      if (sourceIp != null) {
        if (!subject.org) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--source-ip applies to --org tokens only");
        }
        try {
          SourceIps.parse(sourceIp); // refused here rather than by every server later
          request = request.fromSourceIp(sourceIp);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
      }
      if (twoFactor) {
        request = request.twoFactorVerified();
      } else if (!subject.org && scopes.requiresTwoFactor()) {
        throw new CommandFailure(
            "scopes "
                + scopes.twoFactorScopes()
                + " require two-factor verification: pass --two-factor once the customer passed it");
      }
      TokenMinter minter =
          TokenMinter.builder().signingKey(readSigningKey(key, keyVersion)).issuer(issuer).build();
      MintedToken minted = minter.mint(request);
      spec.commandLine().getOut().println(minted.token());
      return 0;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      version = Cli.VERSION,
      description = "Verify a token and print its claims as JSON; exit 1 if invalid.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Keys keys;

    static final class Keys {
      @Option(
          names = "--public-key",
          description = "Public key file: PASERK k2.public/k4.public or a public JWK.")
      Path publicKey;

      @Option(
          names = "--jwks",
          description = "JWK Set file, such as a server's /.well-known/jwks.json.")
      Path jwks;
    }

    @Option(
        names = "--key-version",
        description = "PASETO version of the keys: v2 or v4; required for JWK and JWK Set files.")
    String keyVersion;

    @Option(names = "--issuer", required = true, description = "Expected issuer (iss).")
    String issuer;

    @Parameters(
        index = "0",
        description = "The token, or - to read it from standard input (keeps it out of ps).")
    String token;

    @Override
    public Integer call() throws IOException {
      TokenVerifier.Builder builder = TokenVerifier.builder().issuer(issuer);
      if (keys.jwks != null) {
        builder.jwkSet(readKeyFile(keys.jwks), requiredVersion(keys.jwks, keyVersion));
      } else {
        builder.keys(readVerificationKey(keys.publicKey, keyVersion));
      }
      String text = token.equals("-") ? readStandardInput() : token;
      VerifiedToken verified;
      try {
        verified = builder.build().verify(text);
      } catch (TokenVerificationException e) {
        spec.commandLine().getErr().println("invalid token: " + e.reason() + ": " + e.getMessage());
        return 1;
      }
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("role", verified.role().name().toLowerCase(Locale.ROOT));
      verified.customerId().ifPresent(id -> claims.put("customerId", id));
      claims.put("scope", verified.scopes().toString());
      claims.put("twoFactor", verified.twoFactorVerified());
      claims.put("iss", verified.issuer());
      claims.put("iat", verified.issuedAt().toString());
      verified.notBefore().ifPresent(nbf -> claims.put("nbf", nbf.toString()));
      claims.put("exp", verified.expiresAt().toString());
      claims.put("jti", verified.tokenId());
      claims.put("kid", verified.keyId());
      spec.commandLine().getOut().println(JSONObjectUtils.toJSONString(claims));
      return 0;
    }

    /** The first line of standard input: a token, at most 8 KiB. */
    private static String readStandardInput() throws IOException {
      byte[] bytes = System.in.readNBytes(8193);
      if (bytes.length > 8192) {
        throw new CommandFailure("the token on standard input is longer than 8 KiB");
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      int newline = text.indexOf('\n');
      return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
  }
}
