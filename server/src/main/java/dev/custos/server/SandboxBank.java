package dev.custos.server;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.VerifiedToken;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's banking resources, guarded as a host guards its own: accounts, cards (listed, read
 * and created as in the spec's second how-to guide) and customer profiles. Each route authenticates
 * through the library's endpoints and decides through the authorizer, so a denial here reads and
 * counts as one of Custos's own. Thread-safe.
 */
final class SandboxBank {
  private static final Set<String> ADDRESS_FIELDS =
      Set.of("street", "street2", "city", "state", "postalCode", "country");

  private static final java.time.format.DateTimeFormatter UNIT_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private final Fixtures fixtures;
  private final JsonApiEndpoints api;
  private final RequestAuthorizer authorizer;
  private final Clock clock;
  private final AtomicLong nextCardId = new AtomicLong(7100);
  private final Scope accounts;
  private final Scope cards;
  private final Scope cardsWrite;
  private final Scope customers;

  SandboxBank(Fixtures fixtures, JsonApiEndpoints api, RequestAuthorizer authorizer, Clock clock) {
    this.fixtures = fixtures;
    this.api = api;
    this.authorizer = authorizer;
    this.clock = clock;
    ScopeCatalog catalog = ScopeCatalog.unit();
    this.accounts = catalog.find("accounts").orElseThrow();
    this.cards = catalog.find("cards").orElseThrow();
    this.cardsWrite = catalog.find("cards-write").orElseThrow();
    this.customers = catalog.find("customers").orElseThrow();
  }

  /**
   * {@code GET /accounts}: the caller's accounts, or a customer's with {@code filter[customerId]}.
   */
  Reply accounts(Call call) throws ApiException {
    VerifiedToken caller = api.authenticate(call.request);
    Optional<String> only = authorizer.customerFilter(caller, accounts, call.customerFilter());
    List<Object> data = new ArrayList<>();
    for (Fixtures.Account a : fixtures.accounts.values()) {
      if ((only.isEmpty() || only.get().equals(a.customerId()))
          && caller.resources().allowsAccount(a.id())) {
        data.add(
            resource(
                "depositAccount",
                a.id(),
                a.attributes(),
                Map.of("customer", ref("customer", a.customerId()))));
      }
    }
    return ok(200, data);
  }

  /** {@code GET /cards}. */
  Reply cards(Call call) throws ApiException {
    VerifiedToken caller = api.authenticate(call.request);
    Optional<String> only = authorizer.customerFilter(caller, cards, call.customerFilter());
    List<Object> data = new ArrayList<>();
    for (Fixtures.Card c : fixtures.cards) {
      if ((only.isEmpty() || only.get().equals(c.customerId()))
          && caller.resources().allowsCard(c.id(), c.accountId())) {
        data.add(card(c));
      }
    }
    return ok(200, data);
  }

  /**
   * {@code GET /cards/{id}}: a card of another customer, or outside the token's resources, does not
   * exist.
   */
  Reply card(Call call) throws ApiException {
    VerifiedToken caller = api.authenticate(call.request);
    String id = call.id(0);
    Fixtures.Card found = null;
    for (Fixtures.Card c : fixtures.cards) {
      if (c.id().equals(id)) {
        found = c;
      }
    }
    if (found == null) {
      authorizer.customerFilter(caller, cards, null); // the scope is checked first, as for a hit
      throw HttpErrors.notFound();
    }
    authorizer.authorizeCard(caller, cards, found.customerId(), found.id(), found.accountId());
    return ok(200, card(found));
  }

  /** {@code GET /customers/{id}}. */
  Reply customer(Call call) throws ApiException {
    VerifiedToken caller = api.authenticate(call.request);
    String id = call.id(0);
    authorizer.authorize(caller, customers, id);
    Fixtures.Profile profile = fixtures.profiles.get(id);
    if (profile == null) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.CUSTOMER_NOT_FOUND, "no customer with this id"));
    }
    return ok(200, resource(profile.type(), profile.id(), profile.attributes(), Map.of()));
  }

  /** {@code POST /cards}: Create Individual Debit Card, as in the spec's second how-to guide. */
  Reply createCard(Call call) throws ApiException {
    VerifiedToken caller = api.authenticate(call.request);
    // The scope first: a token that may not create cards learns nothing about which accounts
    // exist. Then a missing account and another customer's account are answered alike.
    Optional<String> own = authorizer.customerFilter(caller, cardsWrite, null);
    if (!(api.document(call.request).get("data") instanceof Map<?, ?> data)) {
      throw new ApiException(
          ApiError.of(
                  ApiErrorCode.INVALID_VALUE,
                  "the request body must be a JSON:API document with data")
              .atMember());
    }
    if (!"individualDebitCard".equals(data.get("type"))) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.INVALID_VALUE, "data.type must be individualDebitCard")
              .atMember("data", "type"));
    }
    Fixtures.Account account = fixtures.accounts.get(accountId(data));
    if (account == null || (own.isPresent() && !own.get().equals(account.customerId()))) {
      throw HttpErrors.notFound();
    }
    authorizer.authorizeAccount(caller, cardsWrite, account.customerId(), account.id());
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("createdAt", UNIT_TIME.format(clock.instant()));
    attributes.put("last4Digits", String.format("%04d", nextCardId.get() % 10_000));
    attributes.put("expirationDate", YearMonth.now(clock).plusYears(4).toString());
    attributes.put("status", "Active");
    if (data.get("attributes") instanceof Map<?, ?> given && given.get("shippingAddress") != null) {
      attributes.put("shippingAddress", shippingAddress(given.get("shippingAddress")));
    }
    Fixtures.Card card =
        new Fixtures.Card(
            Long.toString(nextCardId.incrementAndGet()),
            "individualDebitCard",
            account.id(),
            account.customerId(),
            attributes);
    fixtures.cards.add(card);
    return ok(201, card(card));
  }

  /** A shipping address of the spec's fields only, each a string of at most 100 characters. */
  private static Map<String, Object> shippingAddress(Object value) throws ApiException {
    if (!(value instanceof Map<?, ?> address)) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.INVALID_VALUE, "shippingAddress must be an object")
              .atAttribute("shippingAddress"));
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<?, ?> field : address.entrySet()) {
      String name = String.valueOf(field.getKey());
      if (!ADDRESS_FIELDS.contains(name)) {
        throw new ApiException(
            ApiError.of(ApiErrorCode.INVALID_VALUE, "unknown member")
                .atAttribute("shippingAddress", name));
      }
      if (!(field.getValue() instanceof String text) || text.isEmpty() || text.length() > 100) {
        throw new ApiException(
            ApiError.of(
                    ApiErrorCode.INVALID_VALUE, name + " must be a string of 1 to 100 characters")
                .atAttribute("shippingAddress", name));
      }
      kept.put(name, text);
    }
    return kept;
  }

  private static String accountId(Map<?, ?> data) throws ApiException {
    if (data.get("relationships") instanceof Map<?, ?> relationships
        && relationships.get("account") instanceof Map<?, ?> account
        && account.get("data") instanceof Map<?, ?> ref
        && ref.get("id") instanceof String accountId) {
      return accountId;
    }
    throw new ApiException(
        ApiError.of(ApiErrorCode.INVALID_VALUE, "the account relationship is required")
            .atMember("data", "relationships", "account", "data", "id"));
  }

  private static Map<String, Object> card(Fixtures.Card c) {
    return resource(
        c.type(),
        c.id(),
        c.attributes(),
        Map.of(
            "account",
            ref("depositAccount", c.accountId()),
            "customer",
            ref("customer", c.customerId())));
  }

  /** A JSON:API resource object. */
  static Map<String, Object> resource(
      String type, String id, Map<String, Object> attributes, Map<String, Object> relationships) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("type", type);
    resource.put("id", id);
    resource.put("attributes", attributes);
    if (!relationships.isEmpty()) {
      resource.put("relationships", relationships);
    }
    return resource;
  }

  private static Map<String, Object> ref(String type, String id) {
    return Map.of("data", Map.of("type", type, "id", id));
  }

  /** A JSON:API document of one primary {@code data}. */
  static Reply ok(int status, Object data) {
    return Reply.of(JsonApiResponse.ok(status, JSONObjectUtils.toJSONString(Map.of("data", data))));
  }
}
