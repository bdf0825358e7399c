package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        run("verify", "--jwks", dir.resolve("jwks.json").toString(), "--issuer", "acme", token);
    assertThat(viaJwks.status()).as(viaJwks.err()).isZero();
    Run viaJwk =
        run(
            "verify",
            "--public-key",
            dir.resolve("public-key.jwk").toString(),
            "--issuer",
            "acme",
            token);
    assertThat(viaJwk.status()).as(viaJwk.err()).isZero();
    Run withJwkKey =
        run(
            "mint",
            "--key",
            dir.resolve("signing-key.jwk").toString(),
            "--issuer",
            "acme",
            "--org",
            "--scope",
            "customers");
    assertThat(withJwkKey.status()).as(withJwkKey.err()).isZero();
  }

  @Test
  void verify_tamperedOrWrongIssuer_exit1WithReason(@TempDir Path dir) {
    run("keygen", "--out", dir.toString());
    String token =
        run(
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
    assertThat(run.err()).startsWith("error: scopes cards-write require two-factor verification");
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
    Run unknown = run("serve", "--colour", "blue");
    Run both =
        run("mint", "--key", "k", "--issuer", "i", "--org", "--customer", "1", "--scope", "cards");
    Run badScope =
        run("mint", "--key", "/nonexistent", "--issuer", "i", "--org", "--scope", "Cards");

    for (Run run : new Run[] {missing, unknown, both}) {
      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).contains("Usage:").doesNotContain("\tat ").doesNotContain("Exception");
    }
    assertThat(missing.err()).contains("Missing required option");
    assertThat(unknown.err()).contains("Unknown options: '--colour'");
    assertThat(badScope.status()).isEqualTo(1);
    assertThat(badScope.err()).startsWith("error: ").doesNotContain("\tat ");
  }

  @Test
  void noArguments_printsUsage() {
    Run run = run();

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Usage: custos", "serve", "keygen", "mint", "verify");
  }
}
