package dev.custos.jsonapi;

import static dev.custos.jsonapi.RequestDocuments.invalidAt;

import dev.custos.error.ApiException;
import dev.custos.otp.InvalidTransactionException;
import dev.custos.otp.Transaction;
import java.util.Map;
import java.util.Set;

/**
 * The {@code transaction} attribute (a Custos extension, PSD2's dynamic linking): {@code
 * {"amount":"12.50","currency":"EUR","payee":"…"[,"payeeAccount":"…"][,"reference":"…"]}}, each a
 * string, nothing else; each fault a 400 at {@code /data/attributes/transaction/<member>}.
 */
final class TransactionAttribute {
  static final String NAME = "transaction";
  private static final Set<String> MEMBERS =
      Set.of("amount", "currency", "payee", "payeeAccount", "reference");

  private TransactionAttribute() {}

  /** The attribute of these attributes, or null when absent. */
  static Transaction parse(Map<String, Object> attributes) throws ApiException {
    if (!attributes.containsKey(NAME)) {
      return null;
    }
    if (!(attributes.get(NAME) instanceof Map<?, ?> members)) {
      throw invalidAt("transaction must be an object", NAME);
    }
    for (Object name : members.keySet()) {
      if (!MEMBERS.contains(name)) {
        throw invalidAt("unknown member", NAME, (String) name);
      }
    }
    try {
      Transaction t =
          Transaction.of(
              string(members, "amount", true),
              string(members, "currency", true),
              string(members, "payee", true));
      String account = string(members, "payeeAccount", false);
      if (account != null) {
        t = t.withPayeeAccount(account);
      }
      String reference = string(members, "reference", false);
      return reference == null ? t : t.withReference(reference);
    } catch (InvalidTransactionException e) {
      throw invalidAt(e.getMessage(), NAME, e.member());
    }
  }

  private static String string(Map<?, ?> members, String name, boolean required)
      throws ApiException {
    Object value = members.get(name);
    if (value == null && !required && !members.containsKey(name)) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw invalidAt(name + " must be a string", NAME, name);
    }
    return text;
  }
}
