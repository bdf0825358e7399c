package dev.custos.benchmarks;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.Customer;
import dev.custos.error.ApiException;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.passkey.PasskeyRegistration;
import dev.custos.passkey.PasskeyRelyingParty;
import dev.custos.passkey.Passkeys;
import dev.custos.passkey.testing.SoftwareAuthenticator;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
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
 * A passkey assertion's verification ({@code Passkeys.verify}: the browser's JSON read, client data
 * and authenticator data parsed, origin, relying party, challenge, user verification and signature
 * checked by webauthn4j, the counter recorded in the in-memory store) beside the floor: the JDK's
 * raw P-256 ECDSA verification of the same signature over the same bytes. The authenticator does
 * not count (as synced passkeys do not), so one assertion is verified again and again; its single
 * use is the OTP engine's, measured in {@code OtpVerifyBenchmark}.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar PasskeyBenchmark -f 3 -prof gc}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PasskeyBenchmark {
  private static final String CUSTOMER = "100001";
  private static final String ORIGIN = "https://bank.example";

  private Passkeys passkeys;
  private byte[] challenge;
  private Map<String, Object> assertion;
  private SoftwareAuthenticator authenticator;
  private byte[] signedBytes;
  private byte[] signature;

  /**
   * Enrols one passkey and answers one challenge with it.
   *
   * @throws Exception if the setup fails
   */
  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() throws Exception {
    KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
    TokenMinter minter = TokenMinter.builder().keyRing(keys).issuer("bench").build();
    TokenVerifier verifier = TokenVerifier.builder().keyRing(keys).issuer("bench").build();
    OtpEngine otp = OtpEngine.builder().brand("Bench").sender(m -> {}).build();
    passkeys =
        Passkeys.builder()
            .relyingParty(
                PasskeyRelyingParty.builder()
                    .id("bank.example")
                    .name("Bank")
                    .origins(ORIGIN)
                    .userHandleKey(new byte[32])
                    .build())
            .otpEngine(otp)
            .authorizer(RequestAuthorizer.builder().verifier(verifier).build())
            .directory(id -> Optional.of(Customer.individual(id, Phone.of("1", "5555550101"))))
            .build();
    VerifiedToken org =
        verifier.verify(
            minter
                .mint(TokenRequest.org(ScopeCatalog.unit().parse("customers customer-token-write")))
                .token());
    authenticator = SoftwareAuthenticator.es256WithoutCounter();
    PasskeyRegistration registration = passkeys.startRegistration(org, CUSTOMER);
    passkeys.register(
        org,
        CUSTOMER,
        registration.verificationToken(),
        authenticator.register(registration.creationOptions(), ORIGIN),
        "");
    challenge = new byte[32];
    new java.security.SecureRandom().nextBytes(challenge);
    assertion = authenticator.assertion(passkeys.requestOptions(CUSTOMER, challenge), ORIGIN);
    Map<String, Object> response = (Map<String, Object>) assertion.get("response");
    Base64.Decoder b64 = Base64.getUrlDecoder();
    byte[] authenticatorData = b64.decode((String) response.get("authenticatorData"));
    byte[] clientDataHash =
        MessageDigest.getInstance("SHA-256")
            .digest(b64.decode((String) response.get("clientDataJSON")));
    signedBytes = new byte[authenticatorData.length + clientDataHash.length];
    System.arraycopy(authenticatorData, 0, signedBytes, 0, authenticatorData.length);
    System.arraycopy(
        clientDataHash, 0, signedBytes, authenticatorData.length, clientDataHash.length);
    signature = b64.decode((String) response.get("signature"));
    if (!rawEcdsaVerify() || !assertionVerify()) {
      throw new IllegalStateException("the assertion does not verify");
    }
  }

  /**
   * The floor: the JDK's P-256 ECDSA verification of the assertion's signature.
   *
   * @return whether it verified
   * @throws Exception never, for a valid signature
   */
  @Benchmark
  public boolean rawEcdsaVerify() throws Exception {
    Signature ecdsa = Signature.getInstance("SHA256withECDSA");
    ecdsa.initVerify(authenticator.keys().getPublic());
    ecdsa.update(signedBytes);
    return ecdsa.verify(signature);
  }

  /**
   * The whole assertion check a token mint makes on a passkey.
   *
   * @return true (it throws on a refusal)
   * @throws ApiException never, for the honest assertion
   */
  @Benchmark
  public boolean assertionVerify() throws ApiException {
    passkeys.verify(CUSTOMER, challenge, assertion);
    return true;
  }
}
