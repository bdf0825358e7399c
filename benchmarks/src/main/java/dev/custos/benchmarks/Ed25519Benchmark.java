package dev.custos.benchmarks;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The limit: raw Ed25519 over messages the length of a customer token's pre-authentication encoding
 * ({@value #MESSAGE_BYTES} bytes), with BouncyCastle's RFC 8032 code (what Custos uses, with the
 * public key and point precomputed) and with the JDK's SunEC provider for reference.
 *
 * <p>Each call signs or verifies the next of {@value #MESSAGES} distinct messages, as {@link
 * TokenBenchmark} verifies distinct tokens: verification runs in variable time (wNAF scalar
 * multiplication), and one signature checked over and over lets the branch predictor learn it,
 * which measured about 4 % faster than distinct signatures and made a baseline no token verifier
 * can reach.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar Ed25519Benchmark}</pre>
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Ed25519Benchmark {
  /** Bytes signed per token: PAE of header, a ~230-byte payload and a ~60-byte footer. */
  static final int MESSAGE_BYTES = 330;

  /** Distinct messages cycled through; a power of two. */
  static final int MESSAGES = 1024;

  private final byte[] seed = new byte[32];
  private final byte[] publicKey = new byte[32];
  private final byte[][] messages = new byte[MESSAGES][MESSAGE_BYTES];
  private final byte[][] signatures = new byte[MESSAGES][64];
  private final byte[][] jdkSignatures = new byte[MESSAGES][];
  private Ed25519.PublicPoint point;
  private Signature jdkSigner;
  private Signature jdkVerifier;
  private int next;

  private int next() {
    return next++ & (MESSAGES - 1);
  }

  /**
   * Creates keys and a signed message.
   *
   * @throws Exception if the JDK provider is missing
   */
  @Setup
  public void setUp() throws Exception {
    SecureRandom random = new SecureRandom();
    random.nextBytes(seed);
    Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    point = Ed25519.validatePublicKeyFullExport(publicKey, 0);

    KeyPair pair = KeyPairGenerator.getInstance("Ed25519", "SunEC").generateKeyPair();
    jdkSigner = Signature.getInstance("Ed25519", "SunEC");
    jdkSigner.initSign(pair.getPrivate());
    jdkVerifier = Signature.getInstance("Ed25519", "SunEC");
    jdkVerifier.initVerify(pair.getPublic());
    for (int i = 0; i < MESSAGES; i++) {
      random.nextBytes(messages[i]);
      Ed25519.sign(seed, 0, publicKey, 0, messages[i], 0, MESSAGE_BYTES, signatures[i], 0);
      jdkSigner.update(messages[i]);
      jdkSignatures[i] = jdkSigner.sign();
    }
  }

  /**
   * BouncyCastle sign.
   *
   * @return the signature
   */
  @Benchmark
  public byte[] bouncyCastleSign() {
    byte[] out = new byte[64];
    Ed25519.sign(seed, 0, publicKey, 0, messages[next()], 0, MESSAGE_BYTES, out, 0);
    return out;
  }

  /**
   * BouncyCastle verify.
   *
   * @return whether it verified
   */
  @Benchmark
  public boolean bouncyCastleVerify() {
    int i = next();
    return Ed25519.verify(signatures[i], 0, point, messages[i], 0, MESSAGE_BYTES);
  }

  /**
   * SunEC sign.
   *
   * @return the signature
   * @throws SignatureException never for these keys
   */
  @Benchmark
  public byte[] jdkSign() throws SignatureException {
    jdkSigner.update(messages[next()]);
    return jdkSigner.sign();
  }

  /**
   * SunEC verify.
   *
   * @return whether it verified
   * @throws SignatureException never for these keys
   */
  @Benchmark
  public boolean jdkVerify() throws SignatureException {
    int i = next();
    jdkVerifier.update(messages[i]);
    return jdkVerifier.verify(jdkSignatures[i]);
  }
}
