package dev.custos.benchmarks;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
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
 * The limit: raw Ed25519 over a message the length of a customer token's pre-authentication
 * encoding ({@value #MESSAGE_BYTES} bytes), with BouncyCastle's RFC 8032 code (what Custos uses,
 * with the public key and point precomputed) and with the JDK's SunEC provider for reference.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar Ed25519Benchmark}</pre>
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Ed25519Benchmark {
  /** Bytes signed per token: PAE of header, a ~230-byte payload and a ~60-byte footer. */
  static final int MESSAGE_BYTES = 330;

  private final byte[] seed = new byte[32];
  private final byte[] publicKey = new byte[32];
  private final byte[] message = new byte[MESSAGE_BYTES];
  private final byte[] signature = new byte[64];
  private Ed25519.PublicPoint point;
  private Signature jdkSigner;
  private Signature jdkVerifier;
  private byte[] jdkSignature;

  /**
   * Creates keys and a signed message.
   *
   * @throws Exception if the JDK provider is missing
   */
  @Setup
  public void setUp() throws Exception {
    seed[0] = 7;
    for (int i = 0; i < message.length; i++) {
      message[i] = (byte) i;
    }
    Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    point = Ed25519.validatePublicKeyFullExport(publicKey, 0);
    Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);

    KeyPair pair = KeyPairGenerator.getInstance("Ed25519", "SunEC").generateKeyPair();
    jdkSigner = Signature.getInstance("Ed25519", "SunEC");
    jdkSigner.initSign(pair.getPrivate());
    jdkVerifier = Signature.getInstance("Ed25519", "SunEC");
    jdkVerifier.initVerify(pair.getPublic());
    jdkSigner.update(message);
    jdkSignature = jdkSigner.sign();
  }

  /**
   * BouncyCastle sign.
   *
   * @return the signature
   */
  @Benchmark
  public byte[] bouncyCastleSign() {
    byte[] out = new byte[64];
    Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, out, 0);
    return out;
  }

  /**
   * BouncyCastle verify.
   *
   * @return whether it verified
   */
  @Benchmark
  public boolean bouncyCastleVerify() {
    return Ed25519.verify(signature, 0, point, message, 0, message.length);
  }

  /**
   * SunEC sign.
   *
   * @return the signature
   * @throws SignatureException never for these keys
   */
  @Benchmark
  public byte[] jdkSign() throws SignatureException {
    jdkSigner.update(message);
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
    jdkVerifier.update(message);
    return jdkVerifier.verify(jdkSignature);
  }
}
