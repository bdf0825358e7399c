package dev.custos.server;

import dev.custos.authz.SourceIps;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.ScopeSet;
import dev.custos.server.Cli.CommandFailure;
import dev.custos.token.MintedToken;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code custos mint}: mints a customer or org token with a key file and prints it. */
@Command(
    name = "mint",
    mixinStandardHelpOptions = true,
    version = Cli.VERSION,
    description = "Mint a customer or org token and print it.")
final class MintCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin SigningKeyOptions keys;

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
        TokenMinter.builder().signingKey(keys.signingKeyOrNull()).issuer(issuer).build();
    MintedToken minted = minter.mint(request);
    spec.commandLine().getOut().println(minted.token());
    return 0;
  }
}
