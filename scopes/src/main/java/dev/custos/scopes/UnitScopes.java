package dev.custos.scopes;

import static dev.custos.scopes.Access.READ;
import static dev.custos.scopes.Access.WRITE;
import static dev.custos.scopes.TokenRole.CUSTOMER;
import static dev.custos.scopes.TokenRole.ORG;

/**
 * The scopes of Unit's API, in the order of the platform's scope table.
 *
 * <p>Written out as code rather than loaded from data so that the test that checks it row by row
 * against the published table compares two independent sources. Two-factor rule: every write scope
 * a customer token may hold, and {@code cards-sensitive}, except {@code customer-token-write}.
 */
final class UnitScopes {
  private UnitScopes() {}

  static ScopeCatalog catalog() {
    return ScopeCatalog.builder()
        .add("applications", "Applications", READ, ORG)
        .add("applications-write", "Applications", WRITE, ORG)
        .add("customer-token", "Customer tokens", READ, ORG)
        .add("customer-token-write", "Customer tokens (create)", WRITE, ORG, CUSTOMER)
        .add("customers", "Customers", READ, ORG, CUSTOMER)
        .addTwoFactor("customers-write", "Customers", WRITE, ORG, CUSTOMER)
        .addTwoFactor("customer-tags-write", "Customer tags", WRITE, ORG, CUSTOMER)
        .add("accounts", "Accounts", READ, ORG, CUSTOMER)
        .addTwoFactor("accounts-write", "Accounts", WRITE, ORG, CUSTOMER)
        .add("cards", "Cards", READ, ORG, CUSTOMER)
        .addTwoFactor("cards-write", "Cards", WRITE, ORG, CUSTOMER)
        .addTwoFactor("cards-sensitive", "Card PAN/CVV (PCI)", READ, CUSTOMER)
        .addTwoFactor("cards-sensitive-write", "Card PIN (PCI)", WRITE, CUSTOMER)
        .add("transactions", "Transactions", READ, ORG, CUSTOMER)
        .addTwoFactor("transactions-write", "Transactions (tags)", WRITE, ORG, CUSTOMER)
        .add("authorizations", "Card authorizations", READ, ORG, CUSTOMER)
        .add("statements", "Statements", READ, ORG, CUSTOMER)
        .add("payments", "Payments", READ, ORG, CUSTOMER)
        .addTwoFactor("payments-write", "Payments (any)", WRITE, ORG, CUSTOMER)
        .addTwoFactor(
            "payments-write-counterparty", "Payments to a counterparty", WRITE, ORG, CUSTOMER)
        .addTwoFactor(
            "payments-write-linked-account", "Payments to a linked account", WRITE, ORG, CUSTOMER)
        .addTwoFactor("payments-write-ach-debit", "ACH debit payments", WRITE, ORG, CUSTOMER)
        .addTwoFactor("ach-payments-write", "ACH payments", WRITE, ORG, CUSTOMER)
        .addTwoFactor("wire-payments-write", "Wire payments", WRITE, ORG, CUSTOMER)
        .add("counterparties", "Counterparties", READ, ORG, CUSTOMER)
        .addTwoFactor("counterparties-write", "Counterparties", WRITE, ORG, CUSTOMER)
        .add("events", "Events", READ, ORG, CUSTOMER)
        .addTwoFactor("events-write", "Events", WRITE, ORG, CUSTOMER)
        .add("webhooks", "Webhooks", READ, ORG)
        .add("webhooks-write", "Webhooks", WRITE, ORG)
        .add("authorization-requests", "Authorization requests", READ, ORG)
        .add("authorization-requests-write", "Authorization requests", WRITE, ORG)
        .add("batch-releases", "Batch releases", READ, ORG)
        .add("batch-releases-write", "Batch releases", WRITE, ORG)
        .add("check-deposits", "Check deposits", READ, ORG, CUSTOMER)
        .addTwoFactor("check-deposits-write", "Check deposits", WRITE, ORG, CUSTOMER)
        .add("check-payments", "Check payments", READ, ORG, CUSTOMER)
        .addTwoFactor("check-payments-write", "Check payments", WRITE, ORG, CUSTOMER)
        .add("received-payments", "Received payments", READ, ORG)
        .add("received-payments-write", "Received payments", WRITE, ORG)
        .add("chargebacks", "Chargebacks", READ, ORG)
        .add("chargebacks-write", "Chargebacks", WRITE, ORG)
        .add("rewards", "Rewards", READ, ORG)
        .add("rewards-write", "Rewards", WRITE, ORG)
        .add("wire-drawdowns", "Wire drawdowns", READ, ORG, CUSTOMER)
        .addTwoFactor("wire-drawdowns-write", "Wire drawdowns", WRITE, ORG, CUSTOMER)
        .add("linked-accounts", "Linked accounts", READ, ORG, CUSTOMER)
        .addTwoFactor("linked-accounts-write", "Linked accounts", WRITE, ORG, CUSTOMER)
        .build();
  }
}
