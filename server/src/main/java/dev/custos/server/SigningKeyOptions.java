package dev.custos.server;

import dev.custos.server.Cli.CommandFailure;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.VerificationKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The signing key options {@code serve} and {@code mint} share ({@code --key}, {@code
 * --key-version}), and how every command reads a key file: a PASERK names its PASETO version, a JWK
 * does not, so a JWK needs {@code --key-version} and the version is never guessed.
 */
final class SigningKeyOptions {
  @Option(
      names = "--key",
      description = "Signing key file: PASERK k2.secret/k4.secret or a private JWK.")
  Path key;

  @Option(
      names = "--key-version",
      description = "PASETO version of the key: v2 or v4; required for a JWK key file.")
  String keyVersion;

  /** The signing key named by {@code --key}, or null if none was. */
  SigningKey signingKeyOrNull() {
    return key == null ? null : readSigningKey(key, keyVersion);
  }

  /**
   * Reads a signing key from a PASERK ({@code k2.secret.…}, which names its version) or a private
   * JWK file (which does not: {@code --key-version} is then required, never guessed).
   */
  static SigningKey readSigningKey(Path file, String keyVersion) {
    try {
      // Nobody else may be able to read this key, or to swap it for one of their own.
      KeyFiles.requirePrivate(file, true); // and its directory
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
}
