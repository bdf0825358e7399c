package dev.custos.examples.bank;

import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.otp.Phone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** The bank's customers, accounts and payments, in memory. Also Custos's customer directory. */
@Service
public class Bank implements CustomerDirectory {
  /** One account. */
  public record Account(String id, String customerId, long balanceCents) {}

  /** One payment. */
  public record Payment(String id, String accountId, long amountCents, String description) {}

  private final Map<String, Customer> customers =
      Map.of(
          "100001", Customer.individual("100001", Phone.of("1", "2025550147")),
          "100002", Customer.individual("100002", Phone.of("1", "2025550148")));
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final List<Payment> payments = new ArrayList<>();

  /** Opens each customer's checking account. */
  public Bank() {
    accounts.put("10001", new Account("10001", "100001", 250_000));
    accounts.put("10002", new Account("10002", "100002", 90_000));
  }

  @Override
  public Optional<Customer> find(String customerId) {
    return Optional.ofNullable(customers.get(customerId));
  }

  /**
   * Returns a customer's accounts.
   *
   * @param customerId the customer
   * @return the accounts
   */
  public List<Account> accountsOf(String customerId) {
    return accounts.values().stream().filter(a -> a.customerId().equals(customerId)).toList();
  }

  /**
   * Returns an account of a customer.
   *
   * @param customerId the customer
   * @param accountId the account
   * @return the account, if the customer has it
   */
  public Optional<Account> account(String customerId, String accountId) {
    return Optional.ofNullable(accounts.get(accountId))
        .filter(a -> a.customerId().equals(customerId));
  }

  /**
   * Records a payment.
   *
   * @param account the paying account
   * @param amountCents the amount
   * @param description what it is for
   * @return the payment
   */
  public synchronized Payment pay(Account account, long amountCents, String description) {
    Payment payment =
        new Payment(Integer.toString(payments.size() + 1), account.id(), amountCents, description);
    payments.add(payment);
    return payment;
  }
}
