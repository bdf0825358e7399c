package dev.custos.kit;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.customer.CustomerTokenAttributes;
import dev.custos.customer.CustomerTokenService;
import dev.custos.customer.VerificationAttributes;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.ApiRequest;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.otp.Channel;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpMessage;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Custos wired in memory as the README's wiring section does, on a {@link ManualClock}, for a
 * service's tests: every valid customer id is an active individual customer with a phone of its
 * own, every code sent is kept, and shortcuts run the spec's flows.
 *
 * <pre>{@code
 * InMemoryPlatform platform = InMemoryPlatform.create();
 * String verification = platform.startVerification("100001");
 * MintedToken token = platform.createToken("100001", "accounts payments-write",
 *     verification, platform.lastCode("100001"));
 * platform.clock().advance(Duration.ofMinutes(11));
 * }</pre>
 *
 * Thread-safe.
 */
public final class InMemoryPlatform {
  /** The issuer of the platform's tokens. */
  public static final String ISSUER = "https://platform.custos.test";

  private static final String BACKEND_SCOPES = "customers customer-token-write";

  private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final ScopeCatalog catalog = ScopeCatalog.unit();
  private final KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V4_PUBLIC));
  private final CapturingOtpSender sent = new CapturingOtpSender();
  private final TokenMinter minter;
  private final RequestAuthorizer authorizer;
  private final CustomerTokenService customerTokens;
  private final JsonApiEndpoints endpoints;
  private final VerifiedToken backend;

  private InMemoryPlatform(CustomerDirectory directory) {
    minter = TokenMinter.builder().keyRing(keys).issuer(ISSUER).clock(clock).build();
    authorizer =
        RequestAuthorizer.builder()
            .verifier(
                TokenVerifier.builder()
                    .keyRing(keys)
                    .catalog(catalog)
                    .issuer(ISSUER)
                    .clock(clock)
                    .build())
            .build();
    OtpEngine otp = OtpEngine.builder().brand("Platform").clock(clock).sender(sent).build();
    customerTokens =
        CustomerTokenService.builder()
            .directory(directory)
            .otpEngine(otp)
            .minter(minter)
            .authorizer(authorizer)
            .catalog(catalog)
            .build();
    endpoints =
        JsonApiEndpoints.builder().authorizer(authorizer).customerTokens(customerTokens).build();
    try {
      backend = authorizer.authenticate("Bearer " + orgToken(BACKEND_SCOPES));
    } catch (ApiException e) {
      throw new IllegalStateException("the platform refused its own org token", e);
    }
  }

  /**
   * Returns a platform where every valid customer id is an active individual customer.
   *
   * @return the platform
   */
  public static InMemoryPlatform create() {
    return new InMemoryPlatform(
        id ->
            TokenRequest.isCustomerId(id)
                ? Optional.of(Customer.individual(id, phoneOf(id)))
                : Optional.empty());
  }

  /**
   * Returns a platform over the test's own customers.
   *
   * @param directory the customers
   * @return the platform
   */
  public static InMemoryPlatform create(CustomerDirectory directory) {
    return new InMemoryPlatform(Objects.requireNonNull(directory, "directory"));
  }

  /** A US number of its own per customer id (202-555-01xx, the range kept for fiction). */
  private static Phone phoneOf(String customerId) {
    return Phone.of("1", String.format("20255501%02d", Math.floorMod(customerId.hashCode(), 100)));
  }

  /**
   * Returns the clock every part reads.
   *
   * @return the clock, to advance
   */
  public ManualClock clock() {
    return clock;
  }

  /**
   * Returns the scopes.
   *
   * @return Unit's catalog
   */
  public ScopeCatalog catalog() {
    return catalog;
  }

  /**
   * Returns the keys.
   *
   * @return the key ring
   */
  public KeyRing keys() {
    return keys;
  }

  /**
   * Returns the authorizer, for a test's own endpoints.
   *
   * @return the authorizer
   */
  public RequestAuthorizer authorizer() {
    return authorizer;
  }

  /**
   * Returns the spec's endpoints as the library's endpoint objects.
   *
   * @return the endpoints
   */
  public JsonApiEndpoints endpoints() {
    return endpoints;
  }

  /**
   * Returns token generators for this platform: its keys, issuer and clock, and its authorizer to
   * revoke the {@link TamperedToken.Kind#REVOKED REVOKED} kind.
   *
   * @return the generators
   */
  public TokenGenerators tokenGenerators() {
    return new TokenGenerators(keys, ISSUER, clock, catalog).revokingWith(authorizer);
  }

  /**
   * Mints an org token, as the platform's backend holds.
   *
   * @param scopes the scopes, space-separated
   * @return the token's text
   */
  public String orgToken(String scopes) {
    return minter.mint(TokenRequest.org(catalog.parse(scopes))).token();
  }

  /**
   * Mints a customer token directly, two-factor verified now if a scope needs it.
   *
   * @param customerId the customer
   * @param scopes the scopes, space-separated
   * @return the token's text
   */
  public String customerToken(String customerId, String scopes) {
    TokenRequest request = TokenRequest.customer(customerId, catalog.parse(scopes));
    return minter
        .mint(request.scopes().requiresTwoFactor() ? request.twoFactorVerified() : request)
        .token();
  }

  /**
   * Starts a verification by SMS for a customer, as the backend does.
   *
   * @param customerId the customer
   * @return the verification token
   * @throws ApiException as {@code POST /customers/{id}/token/verification} refuses
   */
  public String startVerification(String customerId) throws ApiException {
    return customerTokens
        .createVerification(backend, customerId, VerificationAttributes.of(Channel.SMS))
        .verificationToken();
  }

  /**
   * Creates a customer token after a verification, as the backend does.
   *
   * @param customerId the customer
   * @param scopes the scopes, space-separated
   * @param verificationToken from {@link #startVerification}
   * @param code the code the customer typed
   * @return the minted token
   * @throws ApiException as {@code POST /customers/{id}/token} refuses
   */
  public MintedToken createToken(
      String customerId, String scopes, String verificationToken, String code) throws ApiException {
    return customerTokens.createToken(
        backend,
        customerId,
        CustomerTokenAttributes.of(scopes)
            .withVerificationToken(verificationToken)
            .withVerificationCode(code));
  }

  /**
   * Sends {@code POST /customers/{customerId}/token} with the backend's org token, through the
   * endpoint objects an adapter mounts.
   *
   * @param customerId the path's customer id, as sent (it may be invalid)
   * @param attributes the document's {@code data.attributes}, such as {@code Map.of("scope",
   *     "accounts")}: written as JSON, every character escaped
   * @return the response, as an adapter would send it
   */
  public JsonApiResponse postCustomerToken(String customerId, Map<String, ?> attributes) {
    return endpoints
        .customerTokens()
        .createToken(customerId, backendRequest(document("customerToken", attributes)));
  }

  /**
   * Sends {@code POST /customers/{customerId}/token/verification} with the backend's org token.
   *
   * @param customerId the path's customer id, as sent (it may be invalid)
   * @param attributes the document's {@code data.attributes}, such as {@code Map.of("channel",
   *     "sms")}
   * @return the response, as an adapter would send it
   */
  public JsonApiResponse postVerification(String customerId, Map<String, ?> attributes) {
    return endpoints
        .customerTokens()
        .createVerification(
            customerId, backendRequest(document("customerTokenVerification", attributes)));
  }

  /**
   * Sends {@code GET /identity} with a bearer token: 200 for a token the platform accepts, 401 with
   * {@code WWW-Authenticate: Bearer error="invalid_token"} for any other.
   *
   * @param token the token's text, sent as {@code Authorization: Bearer <token>}
   * @return the response, as an adapter would send it
   */
  public JsonApiResponse getIdentity(String token) {
    return endpoints
        .identity()
        .identity(ApiRequest.builder().authorization("Bearer " + token).build());
  }

  /** A request with an org token minted now: the clock may have passed an earlier one's expiry. */
  private ApiRequest backendRequest(String document) {
    return ApiRequest.builder()
        .authorization("Bearer " + orgToken(BACKEND_SCOPES))
        .contentType(JsonApiResponse.MEDIA_TYPE)
        .body(document.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static String document(String type, Map<String, ?> attributes) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", type);
    data.put("attributes", Objects.requireNonNull(attributes, "attributes"));
    return JSONObjectUtils.toJSONString(Map.of("data", data));
  }

  /**
   * Returns the code of the last message sent to a customer.
   *
   * @param customerId the customer
   * @return the six-digit code
   * @throws IllegalStateException if no code was sent to the customer
   */
  public String lastCode(String customerId) {
    return sent.code(customerId);
  }

  /**
   * Returns every message sent, oldest first.
   *
   * @return a copy
   */
  public List<OtpMessage> messages() {
    return sent.messages();
  }

  /**
   * Revokes a token: refused from the next request on.
   *
   * @param token the token's text
   * @throws ApiException if the token does not verify in the first place
   */
  public void revoke(String token) throws ApiException {
    authorizer.revoke(authorizer.authenticate("Bearer " + token));
  }

  @Override
  public String toString() {
    return "InMemoryPlatform[" + clock + "]";
  }
}
