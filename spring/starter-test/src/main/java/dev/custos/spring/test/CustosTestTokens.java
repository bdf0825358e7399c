package dev.custos.spring.test;

import dev.custos.kit.TokenGenerators;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Real tokens for a test's requests, minted by the application's own {@link TokenMinter} (so the
 * application verifies them as it verifies any): a bean under {@link AutoConfigureCustosTest}.
 *
 * <pre>{@code
 * mvc.perform(get("/customers/100001/accounts").with(tokens.customer("100001", "accounts")));
 * client.get().uri("/identity").headers(tokens.org("customers").headers()).exchange();
 * }</pre>
 *
 * Thread-safe.
 */
public final class CustosTestTokens {
  private final TokenMinter minter;
  private final TokenGenerators generators;
  private final ScopeCatalog catalog;

  /**
   * Creates the tokens' source.
   *
   * @param minter the application's minter
   * @param generators the test kit's generators for the application's keys, issuer and clock: they
   *     mint tokens at another time, and make tokens for property tests
   * @param catalog the application's scopes
   */
  public CustosTestTokens(TokenMinter minter, TokenGenerators generators, ScopeCatalog catalog) {
    this.minter = Objects.requireNonNull(minter, "minter");
    this.generators = Objects.requireNonNull(generators, "generators");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /**
   * Returns the test kit's generators for the application: valid customer tokens (refined by
   * scopes, lifetime, two-factor age, resources) and tampered ones of every kind, revoked ones
   * included, for property tests of the application's routes.
   *
   * @return the generators
   */
  public TokenGenerators generators() {
    return generators;
  }

  /**
   * Returns a customer token's request, not two-factor verified.
   *
   * @param customerId the customer
   * @param scopes the scopes, space-separated
   * @return the token, to refine or use
   * @throws dev.custos.scopes.InvalidScopeException if a scope is unknown or not for customers
   */
  public TestToken customer(String customerId, String scopes) {
    return new TestToken(TokenRequest.customer(customerId, catalog.parse(scopes)));
  }

  /**
   * Returns an org token's request.
   *
   * @param scopes the scopes, space-separated
   * @return the token, to use
   * @throws dev.custos.scopes.InvalidScopeException if a scope is unknown or not for org tokens
   */
  public TestToken org(String scopes) {
    return new TestToken(TokenRequest.org(catalog.parse(scopes)));
  }

  /** One token to mint: refine it, then use it on a request. Immutable. */
  public final class TestToken implements RequestPostProcessor {
    private final TokenRequest request;
    private final Instant mintedAt;

    private TestToken(TokenRequest request) {
      this(request, null);
    }

    private TestToken(TokenRequest request, Instant mintedAt) {
      this.request = request;
      this.mintedAt = mintedAt;
    }

    /**
     * Returns this token as minted after a one-time code, now (the application's clock).
     *
     * @return the refined token
     */
    public TestToken twoFactorVerified() {
      return new TestToken(request.twoFactorVerified(), mintedAt);
    }

    /**
     * Returns this token as minted after a one-time code at a given time: its issue time, which
     * {@code RequiredFactor.validDuration} and {@code custos.twoFactorWithin} read, and from which
     * its lifetime (24 hours unless the application's rules say less) runs.
     *
     * @param verifiedAt when the code was checked
     * @return the refined token
     */
    public TestToken twoFactorVerifiedAt(Instant verifiedAt) {
      return new TestToken(
          request.twoFactorVerified(), Objects.requireNonNull(verifiedAt, "verifiedAt"));
    }

    /**
     * Returns this token with an upgradable scope.
     *
     * @param scopes the scopes it may be upgraded to, space-separated
     * @return the refined token
     */
    public TestToken upgradableTo(String scopes) {
      return new TestToken(request.upgradableTo(catalog.parse(scopes)), mintedAt);
    }

    /**
     * Mints the token.
     *
     * @return the token's text
     */
    public String mint() {
      return (mintedAt == null ? minter.mint(request) : generators.mintAt(request, mintedAt))
          .token();
    }

    /**
     * Returns the {@code Authorization} header's value for a fresh token.
     *
     * @return {@code Bearer <token>}
     */
    public String bearer() {
      return "Bearer " + mint();
    }

    /**
     * Returns a {@code RestTestClient} (or {@code WebTestClient}) headers customizer.
     *
     * @return sets {@code Authorization}
     */
    public Consumer<HttpHeaders> headers() {
      String header = bearer();
      return headers -> headers.set(HttpHeaders.AUTHORIZATION, header);
    }

    /** Sets a MockMvc request's {@code Authorization} to a fresh token. */
    @Override
    public org.springframework.mock.web.MockHttpServletRequest postProcessRequest(
        org.springframework.mock.web.MockHttpServletRequest mockRequest) {
      mockRequest.addHeader(HttpHeaders.AUTHORIZATION, bearer());
      return mockRequest;
    }

    @Override
    public String toString() {
      return "TestToken[" + request + "]";
    }
  }
}
