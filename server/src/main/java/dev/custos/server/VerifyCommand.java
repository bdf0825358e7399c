package dev.custos.server;

import static dev.custos.server.SigningKeyOptions.readKeyFile;
import static dev.custos.server.SigningKeyOptions.readVerificationKey;
import static dev.custos.server.SigningKeyOptions.requiredVersion;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.server.Cli.CommandFailure;
import dev.custos.token.TokenVerificationException;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code custos verify}: verifies a token with a public key or JWK Set and prints its claims. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    version = Cli.VERSION,
    description = "Verify a token and print its claims as JSON; exit 1 if invalid.")
final class VerifyCommand implements Callable<Integer> {
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
