package dev.custos.passkey;

/**
 * Hears of passkey events, for audit and alerts: a counter that went backwards means the passkey
 * may have been cloned, and a host may want to tell the customer or suspend the passkey. Methods
 * are called on the request's thread after the event; they must be quick and must not throw (a
 * throw is logged and ignored). None of them receives a secret.
 */
public interface PasskeyListener {
  /**
   * A passkey was registered.
   *
   * @param credential the new passkey
   */
  default void registered(PasskeyCredential credential) {}

  /**
   * A passkey was deleted.
   *
   * @param customerId its customer
   * @param credentialId its id, base64url
   */
  default void deleted(String customerId, String credentialId) {}

  /**
   * An assertion's signature counter did not move forward: it was refused, and the passkey may have
   * been cloned.
   *
   * @param credential the passkey as stored
   * @param seenCounter the counter the assertion carried
   */
  default void counterRegressed(PasskeyCredential credential, long seenCounter) {}
}
