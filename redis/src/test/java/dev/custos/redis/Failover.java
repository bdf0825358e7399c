package dev.custos.redis;

import java.time.Duration;

/** Retrying what fails while a deployment fails over, for the Sentinel and Cluster tests. */
final class Failover {
  /** How long a failover and the client's reconnect may take in the tests. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Failover() {}

  /** An operation that may fail while Redis fails over. */
  interface Attempt<T> {
    T get() throws Exception;
  }

  /** Retries an operation until it succeeds, or rethrows its failure after {@link #TIMEOUT}. */
  static <T> T eventually(Attempt<T> operation) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      try {
        return operation.get();
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }
}
