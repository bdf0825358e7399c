package dev.custos.customer;

import java.util.Optional;

/**
 * How Custos looks up the host's customers. The host implements it over its own store; one method,
 * so a lambda will do:
 *
 * <pre>{@code
 * CustomerDirectory directory = id -> customerRepository.findById(id).map(this::toCustosCustomer);
 * }</pre>
 *
 * <p>Implementations must be thread-safe and should be fast: the lookup runs on every verification
 * and token request.
 *
 * <p>Compatibility: a service provider interface, implemented by hosts. A minor release adds a
 * method to it only with a default that keeps existing implementations working; a new abstract
 * method is a major release.
 */
@FunctionalInterface
public interface CustomerDirectory {
  /**
   * Finds a customer.
   *
   * @param customerId the id from the request path; may be anything a client sent
   * @return the customer, or empty if there is none with this id
   */
  Optional<Customer> find(String customerId);
}
