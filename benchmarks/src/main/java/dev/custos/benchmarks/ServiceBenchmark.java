package dev.custos.benchmarks;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.customer.CustomerTokenAttributes;
import dev.custos.customer.CustomerTokenService;
import dev.custos.error.ApiException;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.MintedToken;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The whole Create Customer Token call without two-factor scopes: caller check, customer lookup,
 * scope parsing and checks, minting.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar ServiceBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ServiceBenchmark {
  private CustomerTokenService service;
  private VerifiedToken org;
  private final CustomerTokenAttributes attributes =
      CustomerTokenAttributes.of(TokenBenchmark.SCOPE).withExpiresIn(3600);

  /**
   * Wires the service and an org caller.
   *
   * @throws ApiException never
   */
  @Setup
  public void setUp() throws ApiException {
    KeyRing ring = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
    TokenMinter minter = TokenMinter.builder().keyRing(ring).issuer(TokenBenchmark.ISSUER).build();
    TokenVerifier verifier =
        TokenVerifier.builder().keyRing(ring).issuer(TokenBenchmark.ISSUER).build();
    Customer customer = Customer.individual("100042", Phone.of("1", "5555550123"));
    CustomerDirectory customers =
        id -> customer.id().equals(id) ? Optional.of(customer) : Optional.empty();
    OtpEngine otp = OtpEngine.builder().brand("Bench").sender(message -> {}).build();
    RequestAuthorizer authorizer = RequestAuthorizer.builder().verifier(verifier).build();
    service =
        CustomerTokenService.builder()
            .directory(customers)
            .otpEngine(otp)
            .minter(minter)
            .authorizer(authorizer)
            .build();
    String orgToken =
        minter.mint(TokenRequest.org(ScopeCatalog.unit().parse("customer-token-write"))).token();
    org = authorizer.authenticate("Bearer " + orgToken);
  }

  /**
   * Create Customer Token for {@code customers accounts cards}.
   *
   * @return the minted token
   * @throws ApiException never for this request
   */
  @Benchmark
  public MintedToken createCustomerToken() throws ApiException {
    return service.createToken(org, "100042", attributes);
  }
}
