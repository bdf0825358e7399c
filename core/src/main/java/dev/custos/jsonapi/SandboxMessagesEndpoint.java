package dev.custos.jsonapi;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.CardholderTokenService;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.TokenRole;
import dev.custos.token.VerifiedToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /sandbox/messages}: what a {@link SandboxOutbox} "delivered", newest first, to org
 * tokens holding {@code customers} only (a code read back with the customer token it would upgrade
 * would be no second factor at all). Made by {@link JsonApiEndpoints}. Thread-safe.
 */
public final class SandboxMessagesEndpoint {
  private static final Scope CUSTOMERS = ScopeCatalog.unit().find("customers").orElseThrow();

  private final Exchange exchange;
  private final RequestAuthorizer authorizer;
  private final SandboxOutbox outbox;

  SandboxMessagesEndpoint(Exchange exchange, RequestAuthorizer authorizer, SandboxOutbox outbox) {
    this.exchange = exchange;
    this.authorizer = authorizer;
    this.outbox = outbox;
  }

  /**
   * Answers {@code GET /sandbox/messages}.
   *
   * @param request the request (its body is not read)
   * @param customerFilter the query's {@code filter[customerId]}, or null if absent
   * @return 200 with {@code sandboxMessage} resources ({@code customerId}, or {@code cardId} for a
   *     cardholder's code, which the customer filter leaves out; {@code channel}, {@code to}
   *     masked, {@code language}, {@code body}, {@code sentAt}); 401 without a valid token; 403 for
   *     a customer token or an org token without {@code customers}
   */
  public JsonApiResponse messages(ApiRequest request, String customerFilter) {
    return Exchange.answer(
        () -> {
          VerifiedToken caller = exchange.caller(request);
          if (caller.role() != TokenRole.ORG) {
            throw new ApiException(
                ApiError.of(ApiErrorCode.FORBIDDEN, "sandbox messages need an org API token"));
          }
          Optional<String> only = authorizer.customerFilter(caller, CUSTOMERS, customerFilter);
          List<Object> data = new ArrayList<>();
          for (SandboxOutbox.Delivered d : outbox.messages(only.orElse(null))) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            // A cardholder's code is the card's, not its customer's (see CardholderTokenService).
            String subject = d.message.customerId();
            if (subject.startsWith(CardholderTokenService.OTP_SUBJECT_PREFIX)) {
              attributes.put(
                  "cardId", subject.substring(CardholderTokenService.OTP_SUBJECT_PREFIX.length()));
            } else {
              attributes.put("customerId", subject);
            }
            attributes.put("channel", d.message.channel().name().toLowerCase(Locale.ROOT));
            attributes.put("to", d.message.phone().masked());
            attributes.put("language", d.message.language());
            attributes.put("body", d.message.body());
            attributes.put("sentAt", d.sentAt.toString());
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("type", "sandboxMessage");
            resource.put("id", Long.toString(d.id));
            resource.put("attributes", attributes);
            data.add(resource);
          }
          return Exchange.document(200, JSONObjectUtils.toJSONString(Map.of("data", data)));
        });
  }
}
