package dev.custos.spring.benchmarks;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * One authorized request to the same endpoint ({@code GET /accounts}, scope {@code accounts}),
 * through MockMvc (the servlet filters and the endpoint, no socket), four ways:
 *
 * <ul>
 *   <li>{@link #securityOff}: no Spring Security at all, the baseline;
 *   <li>{@link #securityPermitAll}: Spring Security's filter chain with every request permitted and
 *       no token, the part of the cost that is Spring Security's own;
 *   <li>{@link #custosCachedToken}: Spring Security with Custos, a token the authorizer has seen
 *       (its cache hit); goal ≥ 0.9 × {@code securityOff};
 *   <li>{@link #custosFirstSeenToken}: a token never seen before (the cache holds one token, and
 *       every request brings another of 4,096): an Ed25519 verification each time;
 *   <li>{@link #nimbusJwtFirstSeen}: Spring Security's own JWT resource server ({@code
 *       NimbusJwtDecoder}, ES256 JWTs), which verifies every JWT; goal: Custos's first-seen ≥ 1.5 ×
 *       this. ES256, not Ed25519: Nimbus's key selector, which {@code NimbusJwtDecoder} is built
 *       on, turns JWKs into JCA keys and has none for an Ed25519 (OKP) key, so Spring's decoder
 *       finds no key for an Ed25519 JWT.
 * </ul>
 *
 * The first two again over HTTP on loopback ({@link #httpSecurityOff}, {@link
 * #httpCustosCachedToken}): what a client of the endpoint sees, Tomcat and the socket included.
 *
 * <p>Run with {@code spring/benchmarks/run} (3 forks, {@code -prof gc}); alone: {@code java -cp
 * "$(cat spring/benchmarks/target/classpath.txt)" org.openjdk.jmh.Main FilterBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 3,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class FilterBenchmark {
  private static final int TOKENS = 4_096;

  private ConfigurableApplicationContext off;
  private ConfigurableApplicationContext permitAll;
  private ConfigurableApplicationContext custos;
  private ConfigurableApplicationContext custosCold;
  private ConfigurableApplicationContext nimbus;
  private MockMvc offMvc;
  private MockMvc permitAllMvc;
  private MockMvc custosMvc;
  private MockMvc custosColdMvc;
  private MockMvc nimbusMvc;
  private String cachedHeader;
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpRequest offRequest;
  private HttpRequest custosRequest;
  private final String[] custosHeaders = new String[TOKENS];
  private final String[] jwtHeaders = new String[TOKENS];
  private int next;

  /**
   * Starts the four applications and mints the tokens.
   *
   * @throws Exception if an application does not start or a JWT cannot be signed
   */
  @Setup(Level.Trial)
  public void start() throws Exception {
    off = Apps.securityOff();
    permitAll = Apps.securityPermitAll();
    custos = Apps.custos(100_000);
    custosCold = Apps.custos(1);
    ECKey jwk = new ECKeyGenerator(Curve.P_256).keyID("bench").generate();
    nimbus = Apps.nimbus(jwk.toPublicJWK());
    offMvc = mvc(off, false);
    permitAllMvc = mvc(permitAll, true);
    custosMvc = mvc(custos, true);
    custosColdMvc = mvc(custosCold, true);
    nimbusMvc = mvc(nimbus, true);

    TokenRequest request = TokenRequest.customer("100001", ScopeCatalog.unit().parse("accounts"));
    cachedHeader = "Bearer " + custos.getBean(TokenMinter.class).mint(request).token();
    offRequest = HttpRequest.newBuilder(uri(off)).build();
    custosRequest =
        HttpRequest.newBuilder(uri(custos)).header("Authorization", cachedHeader).build();
    TokenMinter coldMinter = custosCold.getBean(TokenMinter.class);
    ECDSASigner signer = new ECDSASigner(jwk);
    Date expiry = new Date(System.currentTimeMillis() + TimeUnit.HOURS.toMillis(2));
    for (int i = 0; i < TOKENS; i++) {
      custosHeaders[i] = "Bearer " + coldMinter.mint(request).token();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .keyID("bench")
                  .type(JOSEObjectType.JWT)
                  .build(),
              new JWTClaimsSet.Builder()
                  .subject("100001")
                  .claim("scope", "accounts")
                  .expirationTime(expiry)
                  .jwtID(Integer.toString(i))
                  .build());
      jwt.sign(signer);
      jwtHeaders[i] = "Bearer " + jwt.serialize();
    }
  }

  private static MockMvc mvc(ConfigurableApplicationContext context, boolean secured) {
    var builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context);
    if (secured) {
      builder.addFilters(context.getBean("springSecurityFilterChain", Filter.class));
    }
    return builder.build();
  }

  private static URI uri(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + "/accounts");
  }

  private int send(HttpRequest request) throws Exception {
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 200) {
      throw new IllegalStateException("GET /accounts answered " + status);
    }
    return status;
  }

  /**
   * The endpoint with no security, over HTTP on loopback (Tomcat, the JDK's client).
   *
   * @return the status
   * @throws Exception if the request fails
   */
  @Benchmark
  public int httpSecurityOff() throws Exception {
    return send(offRequest);
  }

  /**
   * Custos, a token seen before, over HTTP on loopback: goal ≥ 0.9 × {@link #httpSecurityOff}.
   *
   * @return the status
   * @throws Exception if the request fails
   */
  @Benchmark
  public int httpCustosCachedToken() throws Exception {
    return send(custosRequest);
  }

  /** Stops the applications. */
  @TearDown(Level.Trial)
  public void stop() {
    off.close();
    permitAll.close();
    custos.close();
    custosCold.close();
    nimbus.close();
  }

  private static int status(MockMvc mvc, String authorization) throws Exception {
    var request = get("/accounts");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    var response = mvc.perform(request).andReturn().getResponse();
    if (response.getStatus() != 200) {
      throw new IllegalStateException(
          "GET /accounts answered "
              + response.getStatus()
              + ": "
              + response.getHeader("WWW-Authenticate"));
    }
    return response.getStatus();
  }

  /**
   * The endpoint with no security.
   *
   * @return the status
   * @throws Exception if the request fails
   */
  @Benchmark
  public int securityOff() throws Exception {
    return status(offMvc, null);
  }

  /**
   * Spring Security's chain, every request permitted.
   *
   * @return the status
   * @throws Exception if the request fails
   */
  @Benchmark
  public int securityPermitAll() throws Exception {
    return status(permitAllMvc, null);
  }

  /**
   * Custos, a token seen before.
   *
   * @return the status
   * @throws Exception if the request fails
   */
  @Benchmark
  public int custosCachedToken() throws Exception {
    return status(custosMvc, cachedHeader);
  }

  /**
   * Custos, a token never seen before.
   *
   * @return the status
   * @throws Exception if the request fails
   */
  @Benchmark
  public int custosFirstSeenToken() throws Exception {
    return status(custosColdMvc, custosHeaders[next++ & (TOKENS - 1)]);
  }

  /**
   * Spring Security's JWT resource server, which verifies every JWT.
   *
   * @return the status
   * @throws Exception if the request fails
   */
  @Benchmark
  public int nimbusJwtFirstSeen() throws Exception {
    return status(nimbusMvc, jwtHeaders[next++ & (TOKENS - 1)]);
  }
}
