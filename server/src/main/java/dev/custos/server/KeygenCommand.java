package dev.custos.server;

import static dev.custos.server.SigningKeyOptions.version;

import dev.custos.token.KeyRing;
import dev.custos.token.SigningKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code custos keygen}: writes a new signing key, its public half and a JWK Set. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    version = Cli.VERSION,
    description = "Write a new Ed25519 signing key and its public half.")
final class KeygenCommand implements Callable<Integer> {
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
