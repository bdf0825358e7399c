package dev.custos.benchmarks;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.authz.RevocationStore;
import dev.custos.error.ApiException;
import dev.custos.otp.Transaction;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A payment with a token bound to it (PSD2's dynamic linking) beside the plain authorization it
 * follows: {@code authorize} is the per-request check of a cached token; {@code
 * authorizeAndBoundCheck} adds reading the request's payment ({@code Transaction.of}: amount,
 * currency, NFC payee), its digest, the constant-time comparison with the token's, and the call
 * that uses the token up, on a revocation store that answers at once (a store's own cost is its
 * own: Caffeine's {@code putIfAbsent}, or one Redis round trip).
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar PaymentBenchmark -f 3 -prof gc}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PaymentBenchmark {
  private RequestAuthorizer authorizer;
  private String header;

  /**
   * Mints one bound token and authenticates it once, so every call is a cache hit.
   *
   * @throws Exception if the setup fails
   */
  @Setup
  public void setUp() throws Exception {
    KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
    TokenMinter minter = TokenMinter.builder().keyRing(keys).issuer("bench").build();
    TokenVerifier verifier = TokenVerifier.builder().keyRing(keys).issuer("bench").build();
    authorizer =
        RequestAuthorizer.builder().verifier(verifier).revocationStore(new Forgetful()).build();
    header =
        "Bearer "
            + minter
                .mint(
                    TokenRequest.customer("100001", ScopeCatalog.unit().parse("payments-write"))
                        .twoFactorVerified()
                        .forTransaction(Transaction.of("12.50", "EUR", "Acme Ltd").digest()))
                .token();
    authorizer.authenticate(header);
    authorizeAndBoundCheck();
  }

  /**
   * The plain per-request check.
   *
   * @return the caller
   * @throws ApiException never
   */
  @Benchmark
  public VerifiedToken authorize() throws ApiException {
    return authorizer.authenticate(header);
  }

  /**
   * The same, then the payment's bound check and use.
   *
   * @return the caller
   * @throws ApiException never, for the bound payment
   */
  @Benchmark
  public VerifiedToken authorizeAndBoundCheck() throws ApiException {
    VerifiedToken caller = authorizer.authenticate(header);
    authorizer.payments().authorize(caller, Transaction.of("12.5", "EUR", "Acme Ltd"));
    return caller;
  }

  /** A revocation store that revokes nothing and uses every token for the first time. */
  static final class Forgetful implements RevocationStore {
    @Override
    public void revokeToken(String tokenId, long keepUntilMillis) {}

    @Override
    public boolean revokeTokenOnce(String tokenId, long keepUntilMillis) {
      return true;
    }

    @Override
    public void revokeCustomerTokens(
        String customerId, long issuedBeforeMillis, long keepUntilMillis) {}

    @Override
    public boolean isRevoked(String tokenId, String customerId, long issuedAtMillis) {
      return false;
    }

    @Override
    public void onRevocation(Runnable listener) {}
  }
}
