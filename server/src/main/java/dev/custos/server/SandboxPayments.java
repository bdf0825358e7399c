package dev.custos.server;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.otp.InvalidTransactionException;
import dev.custos.otp.Transaction;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.VerifiedToken;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox bank's payments ({@code POST /payments}): where a token bound to one payment (PSD2's
 * dynamic linking) is spent, as a platform's payment endpoint spends it. The token needs {@code
 * payments-write}; a token bound to a payment makes exactly that payment, once, on every server
 * sharing the revocation store; an unbound one pays as Unit's tokens do. Nothing is moved.
 */
final class SandboxPayments {
  private static final Set<String> ATTRIBUTES =
      Set.of("amount", "currency", "payee", "payeeAccount", "reference");

  private final JsonApiEndpoints api;
  private final RequestAuthorizer authorizer;
  private final Clock clock;
  private final Scope paymentsWrite;
  private final AtomicLong nextId = new AtomicLong(900_000);

  SandboxPayments(JsonApiEndpoints api, RequestAuthorizer authorizer, Clock clock) {
    this.api = api;
    this.authorizer = authorizer;
    this.clock = clock;
    this.paymentsWrite = ScopeCatalog.unit().find("payments-write").orElseThrow();
  }

  /** {@code {"data":{"type":"payment","attributes":{"amount","currency","payee",…}}}}. */
  Reply create(Call call) throws ApiException {
    VerifiedToken caller = api.authenticate(call.request);
    authorizer.authorizeScope(caller, paymentsWrite);
    Transaction payment = payment(api.attributes(call.request, "payment", ATTRIBUTES));
    if (caller.transactionDigest().isPresent()) {
      authorizer.payments().authorize(caller, payment);
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("amount", payment.amount());
    attributes.put("currency", payment.currency());
    attributes.put("payee", payment.payee());
    attributes.put("status", "Sent");
    attributes.put("createdAt", DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "payment");
    data.put("id", Long.toString(nextId.incrementAndGet()));
    data.put("attributes", attributes);
    return Reply.of(JsonApiResponse.ok(201, JSONObjectUtils.toJSONString(Map.of("data", data))));
  }

  private static Transaction payment(Map<String, Object> attributes) throws ApiException {
    try {
      Transaction t =
          Transaction.of(
              string(attributes, "amount"),
              string(attributes, "currency"),
              string(attributes, "payee"));
      if (attributes.containsKey("payeeAccount")) {
        t = t.withPayeeAccount(string(attributes, "payeeAccount"));
      }
      return attributes.containsKey("reference")
          ? t.withReference(string(attributes, "reference"))
          : t;
    } catch (InvalidTransactionException e) {
      throw invalid(e.member(), e.getMessage());
    }
  }

  private static String string(Map<String, Object> attributes, String name) throws ApiException {
    if (!(attributes.get(name) instanceof String value)) {
      throw invalid(name, name + " is required, a string");
    }
    return value;
  }

  private static ApiException invalid(String attribute, String detail) {
    return new ApiException(ApiError.of(ApiErrorCode.INVALID_VALUE, detail).atAttribute(attribute));
  }
}
