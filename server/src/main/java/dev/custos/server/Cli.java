package dev.custos.server;

import com.nimbusds.jose.util.JSONObjectUtils;
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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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
    version = "custos 0.1.0-SNAPSHOT",
    description = "Customer-token authorization: a reference server and key/token tools.",
    subcommands = {Cli.Serve.class, Cli.Keygen.class, Cli.Mint.class, Cli.Verify.class})
public final class Cli implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli fills it in. */
  public Cli() {}

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
    CommandLine cli = new CommandLine(new Cli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return 1;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads a signing key from a PASERK ({@code k2.secret.…}) or private JWK file. */
  static SigningKey readSigningKey(Path file, PasetoVersion version) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    return text.startsWith("{") ? SigningKey.fromJwk(text, version) : SigningKey.fromPaserk(text);
  }

  static PasetoVersion version(String name) {
    return switch (name) {
      case "v2" -> PasetoVersion.V2_PUBLIC;
      case "v4" -> PasetoVersion.V4_PUBLIC;
      default -> throw new CommandLine.TypeConversionException("version must be v2 or v4");
    };
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Run the reference server.")
  static final class Serve implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

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
        defaultValue = "v2",
        description = "PASETO version of a JWK key file: v2 or v4.")
    String keyVersion;

    @Option(
        names = "--issuer",
        defaultValue = "custos-sandbox",
        description = "Issuer of minted tokens. Default: ${DEFAULT-VALUE}.")
    String issuer;

    @Option(
        names = "--no-sandbox",
        description = "Leave sandbox mode: no /sandbox/messages, no generated key, no SMS sent.")
    boolean noSandbox;

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

    @Override
    public Integer call() throws Exception {
      CustosServer.Options options =
          CustosServer.options()
              .bind(bind)
              .port(port)
              .issuer(issuer)
              .sandbox(!noSandbox)
              .sandboxPasscode(passcode);
      if (fixtures != null) {
        options.fixtures(fixtures);
      }
      if (key != null) {
        options.signingKey(readSigningKey(key, version(keyVersion)));
      }
      if (redis != null) {
        options.redis(redis);
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
      description = "Write a new Ed25519 signing key and its public half.")
  static final class Keygen implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Directory to write the key files to.")
    Path out;

    @Option(
        names = "--version",
        defaultValue = "v2",
        description = "PASETO version: v2 or v4. Default: ${DEFAULT-VALUE}.")
    String version;

    @Option(names = "--force", description = "Overwrite existing key files.")
    boolean force;

    @Override
    public Integer call() throws IOException {
      SigningKey key = SigningKey.generate(version(version));
      Files.createDirectories(out);
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
      write(file, content);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the directory's permissions protect the key.
      }
    }

    private void write(Path file, String content) throws IOException {
      if (!force && Files.exists(file)) {
        throw new FileAlreadyExistsException(file + " exists; pass --force to overwrite");
      }
      Files.writeString(
          file,
          content + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    }
  }

  @Command(
      name = "mint",
      mixinStandardHelpOptions = true,
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
        defaultValue = "v2",
        description = "PASETO version of a JWK key file: v2 or v4.")
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

    @Override
    public Integer call() throws IOException {
      ScopeSet scopes = ScopeCatalog.unit().parse(scope);
      TokenRequest request =
          subject.org ? TokenRequest.org(scopes) : TokenRequest.customer(subject.customer, scopes);
      request = request.expiresIn(Duration.ofSeconds(expiresIn));
      if (twoFactor) {
        request = request.twoFactorVerified();
      }
      TokenMinter minter =
          TokenMinter.builder()
              .signingKey(readSigningKey(key, version(keyVersion)))
              .issuer(issuer)
              .build();
      MintedToken minted = minter.mint(request);
      spec.commandLine().getOut().println(minted.token());
      return 0;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
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
        defaultValue = "v2",
        description = "PASETO version for JWK keys: v2 or v4.")
    String keyVersion;

    @Option(names = "--issuer", required = true, description = "Expected issuer (iss).")
    String issuer;

    @Parameters(index = "0", description = "The token.")
    String token;

    @Override
    public Integer call() throws IOException {
      TokenVerifier.Builder builder = TokenVerifier.builder().issuer(issuer);
      PasetoVersion version = version(keyVersion);
      if (keys.jwks != null) {
        builder.jwkSet(Files.readString(keys.jwks, StandardCharsets.UTF_8), version);
      } else {
        String text = Files.readString(keys.publicKey, StandardCharsets.UTF_8).strip();
        builder.keys(
            text.startsWith("{")
                ? VerificationKey.fromJwk(text, version)
                : VerificationKey.fromPaserk(text));
      }
      VerifiedToken verified;
      try {
        verified = builder.build().verify(token);
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
  }
}
