package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  /** The outcome of one command line. */
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void keygenMintVerify_roundTripThroughFiles(@TempDir Path dir) throws Exception {
    Run keygen = run("keygen", "--out", dir.toString());
    assertThat(keygen.status()).as(keygen.err()).isZero();
    assertThat(keygen.out()).startsWith("key id: k2.pid.");
    assertThat(Files.readString(dir.resolve("signing-key.paserk"))).startsWith("k2.secret.");
    assertThat(Files.readString(dir.resolve("public-key.paserk"))).startsWith("k2.public.");
    assertThat(Files.getPosixFilePermissions(dir.resolve("signing-key.paserk")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));

    Run mint =
        run(
            "mint",
            "--key",
            dir.resolve("signing-key.paserk").toString(),
            "--issuer",
            "acme",
            "--customer",
            "100042",
            "--scope",
            "customers cards-write",
            "--two-factor",
            "--expires-in",
            "600");
    assertThat(mint.status()).as(mint.err()).isZero();
    String token = mint.out().strip();
    assertThat(token).startsWith("v2.public.eyJyb2xlIjoiY3VzdG9tZXIi");

    Run verify =
        run(
            "verify",
            "--public-key",
            dir.resolve("public-key.paserk").toString(),
            "--issuer",
            "acme",
            token);
    assertThat(verify.status()).as(verify.err()).isZero();
    assertThat(verify.out())
        .startsWith(
            "{\"role\":\"customer\",\"customerId\":\"100042\",\"scope\":\"customers cards-write\",\"twoFactor\":true");

    Run viaJwks =
        run(
            "verify",
            "--jwks",
            dir.resolve("jwks.json").toString(),
            "--key-version",
            "v2",
            "--issuer",
            "acme",
            token);
    assertThat(viaJwks.status()).as(viaJwks.err()).isZero();
    Run viaJwk =
        run(
            "verify",
            "--public-key",
            dir.resolve("public-key.jwk").toString(),
            "--key-version",
            "v2",
            "--issuer",
            "acme",
            token);
    assertThat(viaJwk.status()).as(viaJwk.err()).isZero();
    Run withJwkKey =
        run(
            "mint",
            "--key",
            dir.resolve("signing-key.jwk").toString(),
            "--key-version",
            "v2",
            "--issuer",
            "acme",
            "--org",
            "--scope",
            "customers");
    assertThat(withJwkKey.status()).as(withJwkKey.err()).isZero();
  }

  @Test
  void mint_v4JwkWithoutKeyVersion_refusedNotGuessedAsV2(@TempDir Path dir) {
    run("keygen", "--out", dir.toString(), "--key-version", "v4");
    String jwk = dir.resolve("signing-key.jwk").toString();
    String paserk = dir.resolve("signing-key.paserk").toString();

    Run guessed = run("mint", "--key", jwk, "--issuer", "a", "--org", "--scope", "customers");
    Run mismatched =
        run(
            "mint",
            "--key",
            paserk,
            "--key-version",
            "v2",
            "--issuer",
            "a",
            "--org",
            "--scope",
            "customers");
    Run stated =
        run(
            "mint",
            "--key",
            jwk,
            "--key-version",
            "v4",
            "--issuer",
            "a",
            "--org",
            "--scope",
            "customers");

    assertThat(guessed.status()).isEqualTo(1);
    assertThat(guessed.err()).contains("does not say its PASETO version", "--key-version");
    assertThat(mismatched.status()).isEqualTo(1);
    assertThat(mismatched.err()).contains("holds a V4_PUBLIC key");
    assertThat(stated.status()).as(stated.err()).isZero();
    assertThat(stated.out()).startsWith("v4.public.");
  }

  @Test
  void serve_help_namesTheConnectionBoundsWithTheirDefaults() {
    Run help = run("serve", "--help");

    assertThat(help.status()).as(help.err()).isZero();
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("--max-connections=N", "Default: 1000")
        .contains("--max-connections-per-client=N", "Default: 50")
        .contains("--request-head-timeout=SECONDS", "Default: 10");
    Run zero = run("serve", "--port", "0", "--max-connections-per-client", "0");
    assertThat(zero.status()).isEqualTo(Cli.EXIT_USAGE);
    assertThat(zero.err()).contains("max connections per client must be 1 to 100000");
  }

  @Test
  void serve_jwtIssuerWithoutAnAudience_usageErrorSayingWhy() {
    Run run =
        run(
            "serve",
            "--port",
            "0",
            "--jwt-issuer",
            "https://idp.example.com/",
            "--jwt-jwks",
            "jwks.json");

    assertThat(run.status()).isEqualTo(Cli.EXIT_USAGE);
    assertThat(run.err())
        .contains("--jwt-issuer, --jwt-jwks and --jwt-audience go together")
        .contains("a JWT for any other application of the identity provider must not pass");
  }

  @Test
  void serve_jwtProviderMalformedOrMixed_usageErrorSayingWhy() {
    Run unknown = run("serve", "--port", "0", "--jwt-provider", "okta:acme.okta.com");
    Run noAudience = run("serve", "--port", "0", "--jwt-provider", "cognito:us-east-1_AbC123");
    Run mixed =
        run(
            "serve",
            "--port",
            "0",
            "--jwt-provider",
            "auth0:acme.us.auth0.com",
            "--jwt-audience",
            "custos-api",
            "--jwt-issuer",
            "https://idp.example.com/");

    assertThat(unknown.status()).isEqualTo(Cli.EXIT_USAGE);
    assertThat(unknown.err()).contains("auth0:<domain>, cognito:<user pool id> or stytch:");
    assertThat(noAudience.status()).isEqualTo(Cli.EXIT_USAGE);
    assertThat(noAudience.err()).contains("cognito needs an audience: the app client id");
    assertThat(mixed.status()).isEqualTo(Cli.EXIT_USAGE);
    assertThat(mixed.err()).contains("drop --jwt-issuer");
  }

  @Test
  void keygen_existingDirectoryOthersCanWrite_refusedSayingWhy(@TempDir Path parent)
      throws Exception {
    for (String mode : new String[] {"rwxrwxrwx", "rwxrwx---", "rwx---rwx"}) {
      Path dir = Files.createDirectory(parent.resolve("keys-" + mode));
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));

      Run run = run("keygen", "--out", dir.toString());

      assertThat(run.status()).as(mode).isEqualTo(Cli.EXIT_FAILED);
      assertThat(run.err())
          .as(mode)
          .contains(dir + " is writable by its group or by others, who could swap the signing key");
      assertThat(Files.list(dir)).as("nothing written").isEmpty();
    }
  }

  @Test
  void signingKeyFileOrDirectoryOthersCanChange_refusedByServeAndMint(@TempDir Path parent)
      throws Exception {
    Path dir = parent.resolve("keys");
    assertThat(run("keygen", "--out", dir.toString()).status()).isZero();
    Path key = dir.resolve("signing-key.paserk");
    String[][] cases = {
      {"rw-r--r--", "rwx------", "is readable by its group or by others"},
      {"rw--w----", "rwx------", "is writable by its group or by others"},
      {"rw-------", "rwxrwxrwx", "is writable by its group or by others"},
    };
    for (String[] c : cases) {
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(c[0]));
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(c[1]));
      Run mint =
          run("mint", "--key", key.toString(), "--issuer", "a", "--org", "--scope", "customers");
      Run serve = run("serve", "--port", "0", "--key", key.toString());

      for (Run refused : new Run[] {mint, serve}) {
        assertThat(refused.status()).as("%s %s", c[0], c[1]).isEqualTo(Cli.EXIT_FAILED);
        assertThat(refused.err()).contains("refusing the signing key").contains(c[2]);
      }
    }
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    assertThat(
            run("mint", "--key", key.toString(), "--issuer", "a", "--org", "--scope", "customers")
                .status())
        .isZero();
  }

  @Test
  void serve_withoutAllowCountry_warnsAtStart() throws Exception {
    // The port is taken, so that serve stops right after its start-up messages.
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      String port = Integer.toString(taken.getLocalPort());

      Run everywhere = run("serve", "--port", port);
      Run oneCountry = run("serve", "--port", port, "--allow-country", "1");

      assertThat(everywhere.err())
          .contains("warning: one-time codes go to phones of every country; pass --allow-country");
      assertThat(oneCountry.err()).doesNotContain("warning");
    }
  }

  @Test
  void keygen_helpAndVersionOptions_work() {
    for (String option : new String[] {"--help", "-h"}) {
      Run help = run("keygen", option);
      assertThat(help.status()).as(help.err()).isZero();
      assertThat(help.out()).contains("Usage: custos keygen", "--key-version");
    }
    Run version = run("keygen", "-V");
    assertThat(version.status()).isZero();
    assertThat(version.out()).contains("custos");
  }

  @Test
  void keygen_secretFilesOwnerOnly_directoryOwnerOnly(@TempDir Path parent) throws Exception {
    Path dir = parent.resolve("keys");
    run("keygen", "--out", dir.toString());

    assertThat(Files.getPosixFilePermissions(dir))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    for (String secret : new String[] {"signing-key.paserk", "signing-key.jwk"}) {
      assertThat(Files.getPosixFilePermissions(dir.resolve(secret)))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
    assertThat(Files.getPosixFilePermissions(dir.resolve("public-key.paserk")))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
  }

  @Test
  void keygen_plantedDanglingSymlink_notFollowed(@TempDir Path parent) throws Exception {
    Path dir = Files.createDirectory(parent.resolve("keys"));
    Path elsewhere = parent.resolve("stolen-key");
    Files.createSymbolicLink(dir.resolve("signing-key.paserk"), elsewhere);

    Run refused = run("keygen", "--out", dir.toString());
    Run forced = run("keygen", "--out", dir.toString(), "--force");

    assertThat(refused.status()).isEqualTo(1);
    assertThat(forced.status()).as(forced.err()).isZero();
    assertThat(elsewhere).doesNotExist();
    assertThat(Files.isSymbolicLink(dir.resolve("signing-key.paserk"))).isFalse();
    assertThat(Files.readString(dir.resolve("signing-key.paserk"))).startsWith("k2.secret.");
  }

  @Test
  void missingKeyFile_saysSoPlainly(@TempDir Path dir) {
    Path missing = dir.resolve("nope.paserk");

    Run run =
        run("mint", "--key", missing.toString(), "--issuer", "a", "--org", "--scope", "customers");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: cannot read key file " + missing + ": no such file\n");
  }

  @Test
  void verify_tokenFromStandardInput(@TempDir Path dir) throws Exception {
    String token = keygenAndMintOrgToken(dir);
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream((token + "\n").getBytes()));
      Run verify =
          run(
              "verify",
              "--public-key",
              dir.resolve("public-key.paserk").toString(),
              "--issuer",
              "acme",
              "-");
      assertThat(verify.status()).as(verify.err()).isZero();
      assertThat(verify.out()).startsWith("{\"role\":\"org\"");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void verify_tamperedOrWrongIssuer_exit1WithReason(@TempDir Path dir) {
    String token = keygenAndMintOrgToken(dir);
    String tampered =
        token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);

    Run bad =
        run(
            "verify",
            "--public-key",
            dir.resolve("public-key.paserk").toString(),
            "--issuer",
            "acme",
            tampered);
    Run wrongIssuer =
        run(
            "verify",
            "--public-key",
            dir.resolve("public-key.paserk").toString(),
            "--issuer",
            "other",
            token);

    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.err()).startsWith("invalid token: ");
    assertThat(wrongIssuer.status()).isEqualTo(1);
    assertThat(wrongIssuer.err()).startsWith("invalid token: INVALID_CLAIMS");
  }

  @Test
  void mint_twoFactorScopeWithoutFlag_exit1ClearError(@TempDir Path dir) {
    run("keygen", "--out", dir.toString());

    Run run =
        run(
            "mint",
            "--key",
            dir.resolve("signing-key.paserk").toString(),
            "--issuer",
            "acme",
            "--customer",
            "1",
            "--scope",
            "cards-write");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("error: scopes cards-write require two-factor verification")
        .contains("--two-factor")
        .doesNotContain("TokenRequest");
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @Test
  void keygen_existingFiles_refusedUnlessForced(@TempDir Path dir) {
    assertThat(run("keygen", "--out", dir.toString()).status()).isZero();

    Run again = run("keygen", "--out", dir.toString());

    assertThat(again.status()).isEqualTo(1);
    assertThat(again.err()).contains("exists; pass --force");
    assertThat(run("keygen", "--out", dir.toString(), "--force").status()).isZero();
  }

  @Test
  void badArguments_usageAndErrorNoStackTrace() {
    Run missing = run("mint", "--scope", "cards");
    Run unknown = run("serve", "--xyzzy", "blue");
    Run both =
        run("mint", "--key", "k", "--issuer", "i", "--org", "--customer", "1", "--scope", "cards");
    Run badScope =
        run("mint", "--key", "/nonexistent", "--issuer", "i", "--org", "--scope", "Cards");

    for (Run run : new Run[] {missing, unknown, both}) {
      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).contains("Usage:").doesNotContain("\tat ").doesNotContain("Exception");
    }
    assertThat(missing.err()).contains("Missing required option");
    assertThat(unknown.err()).contains("Unknown options: '--xyzzy'");
    assertThat(badScope.status()).isEqualTo(1);
    assertThat(badScope.err()).startsWith("error: ").doesNotContain("\tat ");
  }

  @Test
  void noArguments_printsUsage() {
    Run run = run();

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Usage: custos", "serve", "keygen", "mint", "verify");
  }

  /** Writes a key to {@code dir} and mints an org token for issuer {@code acme} with it. */
  private static String keygenAndMintOrgToken(Path dir) {
    run("keygen", "--out", dir.toString());
    return run(
            "mint",
            "--key",
            dir.resolve("signing-key.paserk").toString(),
            "--issuer",
            "acme",
            "--org",
            "--scope",
            "customers")
        .out()
        .strip();
  }

  @Test
  void serve_corsOriginWildcard_usageError() {
    Run wildcard = run("serve", "--cors-origin", "*");

    assertThat(wildcard.status()).isEqualTo(2);
    assertThat(wildcard.err()).contains("a CORS origin is scheme://host[:port]");
  }

  @Test
  void mint_sourceIp_onOrgTokensOnlyAndOnlyAddressesOrBlocks(@TempDir Path dir) {
    run("keygen", "--out", dir.toString());
    String key = dir.resolve("signing-key.paserk").toString();
    java.util.function.BiFunction<String, String, Run> mint =
        (subject, sourceIp) -> {
          List<String> args =
              new java.util.ArrayList<>(List.of("mint", "--key", key, "--issuer", "acme"));
          args.addAll(List.of(subject.split(" ")));
          args.addAll(List.of("--source-ip", sourceIp));
          return run(args.toArray(new String[0]));
        };

    Run ok = mint.apply("--org --scope customers", "10.0.0.0/8,::1");
    Run customer = mint.apply("--customer 1 --scope cards", "10.0.0.1");
    Run hostname = mint.apply("--org --scope customers", "example.com");

    assertThat(ok.status()).isZero();
    assertThat(customer.status()).isEqualTo(2);
    assertThat(customer.err()).contains("--source-ip applies to --org tokens only");
    assertThat(hostname.status()).isEqualTo(2);
    assertThat(hostname.err())
        .contains("'example.com' is not an IPv4 or IPv6 address or CIDR block");
  }
}
