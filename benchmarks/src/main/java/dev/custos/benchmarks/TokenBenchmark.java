package dev.custos.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerificationException;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import dev.paseto.jpaseto.Paseto;
import dev.paseto.jpaseto.PasetoParser;
import dev.paseto.jpaseto.Pasetos;
import dev.paseto.jpaseto.Version;
import dev.paseto.jpaseto.lang.Keys;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
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
 * Minting and verifying a customer token with Custos ({@code v2.public}), beside the limit and its
 * peers, for equivalent claims. The limit is raw Ed25519 with BouncyCastle's RFC 8032 code (what
 * Custos uses, key and point precomputed) over messages exactly as long as the tokens'
 * pre-authentication encoding; the JDK's SunEC Ed25519 is shown for reference. The peers are
 * jpaseto ({@code v2.public}, its default JCA Ed25519 provider) and nimbus-jose-jwt signed JWTs
 * (EdDSA/Ed25519 through Tink, and ES256). Verification is cold: each call verifies the next of
 * {@value #TOKENS} distinct tokens, with no cache; every library parses the claims it verified.
 *
 * <p>The limit lives here, not in a class of its own, so that it runs in a JVM set up exactly like
 * Custos's (the same classes loaded, the same tokens minted) and next to it in time: measured in
 * its own class minutes apart, it drifted by as much as the gap being measured. It, too, cycles
 * through {@value #TOKENS} distinct messages: Ed25519 verification runs in variable time, and one
 * signature verified over and over lets the branch predictor learn it (about 4 % faster than
 * distinct signatures; no token verifier gets that).
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar TokenBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenBenchmark {
  static final int TOKENS = 1024;
  static final String ISSUER = "https://api.custos.bench";
  static final String SCOPE = "customers accounts cards";

  private final byte[] seed = new byte[32];
  private final byte[] publicKey = new byte[32];
  private Ed25519.PublicPoint point;
  private final byte[][] messages = new byte[TOKENS][];
  private final byte[][] signatures = new byte[TOKENS][Ed25519.SIGNATURE_SIZE];
  private final byte[][] jdkSignatures = new byte[TOKENS][];
  private Signature jdkSigner;
  private Signature jdkVerifier;

  private TokenMinter minter;
  private TokenVerifier verifier;
  private TokenRequest request;
  private final String[] custosTokens = new String[TOKENS];

  private KeyPair pasetoKeys;
  private PasetoParser pasetoParser;
  private final String[] pasetoTokens = new String[TOKENS];

  private Ed25519Signer edSigner;
  private Ed25519Verifier edVerifier;
  private final String[] edTokens = new String[TOKENS];

  private ECDSASigner esSigner;
  private ECDSAVerifier esVerifier;
  private final String[] esTokens = new String[TOKENS];

  /** A per-thread cursor over the pre-minted tokens. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int next() {
      return next++ & (TOKENS - 1);
    }
  }

  /**
   * Creates keys for every library and mints {@value #TOKENS} tokens with each.
   *
   * @throws Exception if a library fails to set up
   */
  @Setup
  public void setUp() throws Exception {
    KeyRing ring = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
    minter = TokenMinter.builder().keyRing(ring).issuer(ISSUER).build();
    verifier = TokenVerifier.builder().keyRing(ring).issuer(ISSUER).build();
    request = TokenRequest.customer("100042", ScopeCatalog.unit().parse(SCOPE));

    pasetoKeys = Keys.keyPairFor(Version.V2);
    pasetoParser =
        Pasetos.parserBuilder().setPublicKey(pasetoKeys.getPublic()).requireIssuer(ISSUER).build();

    OctetKeyPair ed = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed").generate();
    edSigner = new Ed25519Signer(ed);
    edVerifier = new Ed25519Verifier(ed.toPublicJWK());
    ECKey es = new ECKeyGenerator(Curve.P_256).keyID("es").generate();
    esSigner = new ECDSASigner(es);
    esVerifier = new ECDSAVerifier(es.toPublicJWK());

    SecureRandom random = new SecureRandom();
    random.nextBytes(seed);
    Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    point = Ed25519.validatePublicKeyFullExport(publicKey, 0);
    KeyPair jdkKeys = KeyPairGenerator.getInstance("Ed25519", "SunEC").generateKeyPair();
    jdkSigner = Signature.getInstance("Ed25519", "SunEC");
    jdkSigner.initSign(jdkKeys.getPrivate());
    jdkVerifier = Signature.getInstance("Ed25519", "SunEC");
    jdkVerifier.initVerify(jdkKeys.getPublic());

    for (int i = 0; i < TOKENS; i++) {
      custosTokens[i] = custosMint();
      messages[i] = new byte[preAuthLength(custosTokens[i])];
      random.nextBytes(messages[i]);
      Ed25519.sign(seed, 0, publicKey, 0, messages[i], 0, messages[i].length, signatures[i], 0);
      jdkSigner.update(messages[i]);
      jdkSignatures[i] = jdkSigner.sign();
      pasetoTokens[i] = jpasetoMint();
      edTokens[i] = nimbusEd25519Sign();
      esTokens[i] = nimbusEs256Sign();
    }
  }

  /**
   * The length of a v2.public token's pre-authentication encoding: the count, then header, message
   * and footer, each after its 8-byte length.
   */
  private static int preAuthLength(String token) {
    String[] parts = token.split("\\.");
    Base64.Decoder base64 = Base64.getUrlDecoder();
    int message = base64.decode(parts[2]).length - Ed25519.SIGNATURE_SIZE;
    int footer = base64.decode(parts[3]).length;
    return 8 + 8 + "v2.public.".length() + 8 + message + 8 + footer;
  }

  /**
   * The limit: BouncyCastle Ed25519 sign of a message as long as a token's PAE.
   *
   * @param cursor which message
   * @return the signature
   */
  @Benchmark
  public byte[] bouncyCastleSign(Cursor cursor) {
    byte[] message = messages[cursor.next()];
    byte[] out = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, out, 0);
    return out;
  }

  /**
   * The limit: BouncyCastle Ed25519 verify of a message as long as a token's PAE.
   *
   * @param cursor which message
   * @return whether it verified
   */
  @Benchmark
  public boolean bouncyCastleVerify(Cursor cursor) {
    int i = cursor.next();
    return Ed25519.verify(signatures[i], 0, point, messages[i], 0, messages[i].length);
  }

  /**
   * For reference: the JDK's SunEC Ed25519 sign of the same messages.
   *
   * @param cursor which message
   * @return the signature
   * @throws SignatureException never for these keys
   */
  @Benchmark
  public byte[] jdkEd25519Sign(Cursor cursor) throws SignatureException {
    jdkSigner.update(messages[cursor.next()]);
    return jdkSigner.sign();
  }

  /**
   * For reference: the JDK's SunEC Ed25519 verify of the same messages.
   *
   * @param cursor which message
   * @return whether it verified
   * @throws SignatureException never for these keys
   */
  @Benchmark
  public boolean jdkEd25519Verify(Cursor cursor) throws SignatureException {
    int i = cursor.next();
    jdkVerifier.update(messages[i]);
    return jdkVerifier.verify(jdkSignatures[i]);
  }

  /**
   * Custos: mint a v2.public customer token.
   *
   * @return the token
   */
  @Benchmark
  public String custosMint() {
    return minter.mint(request).token();
  }

  /**
   * Custos: verify a token and read its claims.
   *
   * @param cursor which token
   * @return the verified token
   * @throws TokenVerificationException never for these tokens
   */
  @Benchmark
  public VerifiedToken custosVerify(Cursor cursor) throws TokenVerificationException {
    return verifier.verify(custosTokens[cursor.next()]);
  }

  /**
   * jpaseto: mint a v2.public token with the same claims.
   *
   * @return the token
   */
  @Benchmark
  public String jpasetoMint() {
    Instant now = Instant.now();
    return Pasetos.V2
        .PUBLIC
        .builder()
        .setPrivateKey(pasetoKeys.getPrivate())
        .claim("role", "customer")
        .claim("customerId", "100042")
        .claim("scope", SCOPE)
        .claim("twoFactor", false)
        .setIssuer(ISSUER)
        .setIssuedAt(now)
        .setExpiration(now.plus(Duration.ofHours(24)))
        .setTokenId(UUID.randomUUID().toString())
        .compact();
  }

  /**
   * jpaseto: verify a token and read its claims.
   *
   * @param cursor which token
   * @return the parsed token
   */
  @Benchmark
  public Paseto jpasetoVerify(Cursor cursor) {
    return pasetoParser.parse(pasetoTokens[cursor.next()]);
  }

  /**
   * nimbus-jose-jwt: sign an EdDSA (Ed25519) JWT with the same claims.
   *
   * @return the JWT
   * @throws JOSEException never for these keys
   */
  @Benchmark
  public String nimbusEd25519Sign() throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("ed").build(), claims());
    jwt.sign(edSigner);
    return jwt.serialize();
  }

  /**
   * nimbus-jose-jwt: verify an EdDSA JWT and read its claims.
   *
   * @param cursor which token
   * @return the claims
   * @throws Exception never for these tokens
   */
  @Benchmark
  public JWTClaimsSet nimbusEd25519Verify(Cursor cursor) throws Exception {
    return verifyJwt(edTokens[cursor.next()], true);
  }

  /**
   * nimbus-jose-jwt: sign an ES256 JWT with the same claims.
   *
   * @return the JWT
   * @throws JOSEException never for these keys
   */
  @Benchmark
  public String nimbusEs256Sign() throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("es").build(), claims());
    jwt.sign(esSigner);
    return jwt.serialize();
  }

  /**
   * nimbus-jose-jwt: verify an ES256 JWT and read its claims.
   *
   * @param cursor which token
   * @return the claims
   * @throws Exception never for these tokens
   */
  @Benchmark
  public JWTClaimsSet nimbusEs256Verify(Cursor cursor) throws Exception {
    return verifyJwt(esTokens[cursor.next()], false);
  }

  private JWTClaimsSet verifyJwt(String token, boolean ed) throws ParseException, JOSEException {
    SignedJWT jwt = SignedJWT.parse(token);
    if (!(ed ? jwt.verify(edVerifier) : jwt.verify(esVerifier))) {
      throw new IllegalStateException("signature");
    }
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    if (!ISSUER.equals(claims.getIssuer()) || claims.getExpirationTime().before(new Date())) {
      throw new IllegalStateException("claims");
    }
    return claims;
  }

  private static JWTClaimsSet claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .claim("role", "customer")
        .claim("customerId", "100042")
        .claim("scope", SCOPE)
        .claim("twoFactor", false)
        .issuer(ISSUER)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(24))))
        .jwtID(UUID.randomUUID().toString())
        .build();
  }
}
