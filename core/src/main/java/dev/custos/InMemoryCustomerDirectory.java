package dev.custos;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link CustomerDirectory} held in memory, for tests and the reference server. Thread-safe. */
public final class InMemoryCustomerDirectory implements CustomerDirectory {
  private final ConcurrentMap<String, Customer> customers = new ConcurrentHashMap<>();

  /** Creates an empty directory. */
  public InMemoryCustomerDirectory() {}

  /**
   * Adds or replaces a customer.
   *
   * @param customer the customer
   * @return this directory
   * @throws NullPointerException if {@code customer} is null
   */
  public InMemoryCustomerDirectory put(Customer customer) {
    customers.put(Objects.requireNonNull(customer, "customer").id(), customer);
    return this;
  }

  @Override
  public Optional<Customer> find(String customerId) {
    return customerId == null ? Optional.empty() : Optional.ofNullable(customers.get(customerId));
  }
}
