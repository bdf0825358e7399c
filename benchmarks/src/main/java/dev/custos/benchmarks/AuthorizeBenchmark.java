package dev.custos.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiException;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-request check on a cache hit ({@code authenticate} of a token seen before, then {@code
 * authorize} for its own customer), against the limit for a lookup: a bare Caffeine {@code
 * getIfPresent} on a cache of the same size and keys, alone and with a read of the clock (the floor
 * for any lookup that checks expiry exactly, as the authorizer must). Each call builds the header
 * value afresh, as a server does per request, so no side gets a cached {@code String} hash; that
 * copy (24 bytes) is all any of them allocates.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar AuthorizeBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthorizeBenchmark {
  /** How many distinct tokens are cached and cycled through. */
  @Param({"10000"})
  public int tokens;

  private RequestAuthorizer authorizer;
  private Cache<String, Object> bare;
  private final Clock clock = Clock.systemUTC();
  private String[] headers;
  private String[] customers;
  private dev.custos.scopes.Scope cards;

  /** A per-thread cursor over the tokens. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /**
   * Mints the tokens and authenticates each once, so every benchmark call is a hit.
   *
   * @throws ApiException never for these tokens
   */
  @Setup
  public void setUp() throws ApiException {
    KeyRing ring = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
    TokenMinter minter = TokenMinter.builder().keyRing(ring).issuer(TokenBenchmark.ISSUER).build();
    TokenVerifier verifier =
        TokenVerifier.builder().keyRing(ring).issuer(TokenBenchmark.ISSUER).build();
    authorizer = RequestAuthorizer.builder().verifier(verifier).cacheSize(tokens).build();
    bare = Caffeine.newBuilder().maximumSize(tokens).build();
    ScopeCatalog catalog = ScopeCatalog.unit();
    cards = catalog.find("cards").orElseThrow();
    headers = new String[tokens];
    customers = new String[tokens];
    for (int i = 0; i < tokens; i++) {
      customers[i] = Integer.toString(100000 + i);
      String token =
          minter.mint(TokenRequest.customer(customers[i], catalog.parse("cards"))).token();
      headers[i] = "Bearer " + token;
      authorizer.authenticate(headers[i]);
      bare.put(headers[i], Boolean.TRUE);
    }
  }

  /**
   * Custos: authenticate a cached token and authorize it on its own customer's card.
   *
   * @param cursor which token
   * @return the caller
   * @throws ApiException never for these tokens
   */
  @Benchmark
  public VerifiedToken authorizeCacheHit(Cursor cursor) throws ApiException {
    int i = cursor.next++ % tokens;
    VerifiedToken caller = authorizer.authenticate(new String(headers[i]));
    authorizer.authorize(caller, cards, customers[i]);
    return caller;
  }

  /**
   * The floor for a lookup that checks expiry: a bare Caffeine lookup and a read of the clock.
   *
   * @param cursor which token
   * @return the cached value's presence plus the time, so neither is optimized away
   */
  @Benchmark
  public long caffeineGetIfPresentAndClock(Cursor cursor) {
    int i = cursor.next++ % tokens;
    return (bare.getIfPresent(new String(headers[i])) == null ? 0 : 1) + clock.millis();
  }

  /**
   * The limit: a bare Caffeine lookup of the same header value.
   *
   * @param cursor which token
   * @return the cached value
   */
  @Benchmark
  public Object caffeineGetIfPresent(Cursor cursor) {
    int i = cursor.next++ % tokens;
    return bare.getIfPresent(new String(headers[i]));
  }
}
