package dev.custos.passkey;

import java.util.List;
import java.util.Optional;

/**
 * Where customers' passkeys live: a short list of operations, each atomic on its own, so that a
 * network store runs each as one server-side step. Credentials are found by customer and id, never
 * by id alone, so one customer's passkey can never answer for another's (a credential id is unique
 * per customer; the same id under two customers is two passkeys).
 *
 * <p>Implementations: {@link #inMemory(int)} (the default) and {@code custos-redis}'s; both pass
 * the contract suite {@code dev.custos.passkey.testing.PasskeyStoreContract} (this module's
 * test-jar). Every method throws {@link PasskeyStoreException} when the store cannot answer.
 *
 * <p>Implementations are thread-safe. Compatibility: a minor release may add methods with defaults.
 */
public interface PasskeyStore {
  /**
   * Returns a bounded in-process store, for one instance (several instances need a shared one).
   *
   * @param maxCredentials how many passkeys it holds in all; beyond, {@link #add} throws {@link
   *     PasskeyStoreException.Reason#FULL}
   * @return a new empty store
   * @throws IllegalArgumentException if {@code maxCredentials} is not positive
   */
  static PasskeyStore inMemory(int maxCredentials) {
    return new InMemoryPasskeyStore(maxCredentials);
  }

  /**
   * Adds a passkey unless the customer already has one with its id.
   *
   * @param credential the passkey
   * @param maxPerCustomer the most passkeys a customer may have; beyond, nothing is added
   * @return whether it was added: false if the id is the customer's already or the customer has
   *     {@code maxPerCustomer}
   * @throws PasskeyStoreException if the store cannot answer or is full
   */
  boolean add(PasskeyCredential credential, int maxPerCustomer);

  /**
   * Returns a customer's passkeys, each with its latest counter and backup state.
   *
   * @param customerId the customer
   * @return the passkeys, oldest first; empty if none
   * @throws PasskeyStoreException if the store cannot answer
   */
  List<PasskeyCredential> list(String customerId);

  /**
   * Returns one passkey of a customer, with its latest counter and backup state.
   *
   * @param customerId the customer
   * @param credentialId the credential id
   * @return the passkey, or empty if the customer has none with this id
   * @throws PasskeyStoreException if the store cannot answer
   */
  Optional<PasskeyCredential> find(String customerId, byte[] credentialId);

  /**
   * Removes one passkey of a customer.
   *
   * @param customerId the customer
   * @param credentialId the credential id
   * @return whether there was one
   * @throws PasskeyStoreException if the store cannot answer
   */
  boolean delete(String customerId, byte[] credentialId);

  /**
   * Records a passkey's signature counter after a verified assertion, only if it moved forward:
   * greater than the stored one, or both zero (a passkey without a counter). Atomic: of two
   * assertions with the same counter, one advances it and the other is refused.
   *
   * @param customerId the customer
   * @param credentialId the credential id
   * @param signCount the assertion's counter
   * @param backedUp the assertion's backup state
   * @return whether it was recorded: false if the passkey is gone or the counter did not move
   *     forward (a possible clone)
   * @throws PasskeyStoreException if the store cannot answer
   */
  boolean advanceCounter(String customerId, byte[] credentialId, long signCount, boolean backedUp);
}
