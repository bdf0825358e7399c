package dev.custos.core.testing;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.AuthorizedUser;
import dev.custos.customer.Card;
import dev.custos.customer.CardDirectory;
import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.customer.CustomerTokenService;
import dev.custos.jsonapi.ApiRequest;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.testing.FakeClock;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Custos wired as a host would, on a fake clock, with three customers and a recording sender: the
 * one wiring every core test package shares.
 */
public final class TestPlatform {
  public static final String ISSUER = "https://api.custos.test";
  public static final String INDIVIDUAL = "100001";
  public static final String BUSINESS = "100002";
  public static final String INACTIVE = "100003";
  public static final Phone INDIVIDUAL_PHONE = Phone.of("1", "5555550101");
  public static final Phone BUSINESS_PHONE = Phone.of("1", "5555550102");
  public static final Phone AUTHORIZED_USER_PHONE = Phone.of("1", "5555550103");
  public static final Phone CARDHOLDER_PHONE = Phone.of("1", "5555550104");
  public static final Phone OTHER_AUTHORIZED_USER_PHONE = Phone.of("1", "5555550105");

  /** The business's authorized user whose phone is {@link #AUTHORIZED_USER_PHONE}. */
  public static final String AUTHORIZED_USER = "au-1";

  /** The business's second authorized user. */
  public static final String OTHER_AUTHORIZED_USER = "au-2";

  /** The individual's card, without a phone of its own, under account 10001. */
  public static final String INDIVIDUAL_CARD = "7001";

  /** The individual's second card, under the same account. */
  public static final String INDIVIDUAL_OTHER_CARD = "7004";

  /** The business's card, held by someone with {@link #CARDHOLDER_PHONE}, under account 10002. */
  public static final String BUSINESS_CARD = "7002";

  /** A closed card of the business. */
  public static final String CLOSED_CARD = "7003";

  public final FakeClock time;
  public final RecordingSender sender = new RecordingSender();
  public final ScopeCatalog catalog = ScopeCatalog.unit();
  private final Map<String, Customer> customers =
      Map.of(
          INDIVIDUAL,
          Customer.individual(INDIVIDUAL, INDIVIDUAL_PHONE),
          BUSINESS,
          Customer.business(BUSINESS, BUSINESS_PHONE, List.of())
              .withAuthorizedUsers(
                  AuthorizedUser.of(AUTHORIZED_USER, AUTHORIZED_USER_PHONE),
                  AuthorizedUser.of(OTHER_AUTHORIZED_USER, OTHER_AUTHORIZED_USER_PHONE)),
          INACTIVE,
          Customer.individual(INACTIVE, Phone.of("1", "5555550199")).inactive());
  public final CustomerDirectory directory = id -> Optional.ofNullable(customers.get(id));
  private final Map<String, Card> cardsById =
      Map.of(
          INDIVIDUAL_CARD,
          Card.of(INDIVIDUAL_CARD, "10001", INDIVIDUAL),
          INDIVIDUAL_OTHER_CARD,
          Card.of(INDIVIDUAL_OTHER_CARD, "10001", INDIVIDUAL),
          BUSINESS_CARD,
          Card.of(BUSINESS_CARD, "10002", BUSINESS).withPhone(CARDHOLDER_PHONE),
          CLOSED_CARD,
          Card.of(CLOSED_CARD, "10002", BUSINESS).withPhone(CARDHOLDER_PHONE).inactive());
  public final CardDirectory cards = id -> Optional.ofNullable(cardsById.get(id));
  public final KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
  public final TokenMinter minter;
  public final TokenVerifier verifier;
  public final OtpEngine otp;
  public final RequestAuthorizer authorizer;
  public final CustomerTokenService service;
  public final JsonApiEndpoints api;

  /** A platform on a fake clock at {@link FakeClock#DEFAULT_START}. */
  public TestPlatform() {
    this(FakeClock.create());
  }

  /**
   * A platform on the given clock.
   *
   * @param time the one clock of every component
   */
  public TestPlatform(FakeClock time) {
    this.time = time;
    this.minter = TokenMinter.builder().keyRing(keys).issuer(ISSUER).clock(time).build();
    this.verifier = TokenVerifier.builder().keyRing(keys).issuer(ISSUER).clock(time).build();
    this.otp = OtpEngine.builder().brand("Unit").sender(sender).clock(time).build();
    this.authorizer = RequestAuthorizer.builder().verifier(verifier).build();
    this.service =
        CustomerTokenService.builder()
            .directory(directory)
            .otpEngine(otp)
            .minter(minter)
            .authorizer(authorizer)
            .cards(cards)
            .build();
    this.api =
        JsonApiEndpoints.builder()
            .authorizer(authorizer)
            .customerTokens(service)
            .cardholderTokens(service.cardholderTokens())
            .build();
  }

  /** This platform's verifier, counting its verifications in {@code count}. */
  public TokenVerifier countingVerifier(java.util.concurrent.atomic.AtomicInteger count) {
    return new TokenVerifier() {
      @Override
      public dev.custos.token.VerifiedToken verify(String token)
          throws dev.custos.token.TokenVerificationException {
        count.incrementAndGet();
        return verifier.verify(token);
      }

      @Override
      public java.time.Clock clock() {
        return verifier.clock();
      }
    };
  }

  /** A request with this Authorization header (or none) and this body (or none). */
  public static ApiRequest request(String authorization, String body) {
    return ApiRequest.builder()
        .authorization(authorization)
        .body(body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .build();
  }

  /** Create Customer Token through the endpoint, as an HTTP server would call it. */
  public JsonApiResponse createToken(String authorization, String customerId, String body) {
    return api.customerTokens().createToken(customerId, request(authorization, body));
  }

  /** Create Customer Token Verification through the endpoint. */
  public JsonApiResponse createVerification(String authorization, String customerId, String body) {
    return api.customerTokens().createVerification(customerId, request(authorization, body));
  }

  /** GET /identity through the endpoint. */
  public JsonApiResponse identity(String authorization) {
    return api.identity().identity(request(authorization, null));
  }

  /** An org API token holding the given scopes, as the Authorization header value. */
  public String orgHeader(String scopes) {
    return "Bearer " + minter.mint(TokenRequest.org(catalog.parse(scopes))).token();
  }

  /** An org API token holding {@code customers customer-token-write}, as the header value. */
  public String orgHeader() {
    return orgHeader("customers customer-token-write");
  }

  /** A Create Customer Token document with the given attributes. */
  public static String tokenRequest(Map<String, Object> attributes) {
    return JSONObjectUtils.toJSONString(
        Map.of("data", Map.of("type", "customerToken", "attributes", attributes)));
  }

  /** A Create Customer Token Verification document with the given attributes. */
  public static String verificationRequest(Map<String, Object> attributes) {
    return JSONObjectUtils.toJSONString(
        Map.of("data", Map.of("type", "customerTokenVerification", "attributes", attributes)));
  }

  /** Reads a member of a response body by path, such as data.attributes.token. */
  public static Object read(JsonApiResponse response, String... path) throws Exception {
    return read(response.body(), path);
  }

  /** Reads a member of a JSON document by path, such as data.attributes.token. */
  public static Object read(String document, String... path) throws Exception {
    Object node = JSONObjectUtils.parse(document);
    for (String step : path) {
      node =
          node instanceof List<?> list
              ? list.get(Integer.parseInt(step))
              : ((Map<?, ?>) node).get(step);
    }
    return node;
  }
}
