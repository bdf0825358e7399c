package dev.custos.otp;

import java.util.function.UnaryOperator;

/**
 * Where the engine keeps its state: each customer's pending challenge, the send windows, and the
 * failure counts. Every value is immutable and carries its own deadline ({@link Expiring}); a store
 * drops a value once its deadline has passed on the engine's time line.
 *
 * <p>Each {@code compute} is atomic per key, like {@link
 * java.util.concurrent.ConcurrentMap#compute}: {@code update} gets the current value (null if none)
 * and returns the new one (null to remove). A store may call {@code update} more than once (an
 * optimistic retry), so it must have no effect beyond recording its last decision. The engine never
 * does I/O inside it.
 */
interface OtpStore {
  /** Makes {@code challenge} the customer's pending challenge, replacing any earlier one. */
  void putChallenge(String customerId, PendingChallenge challenge);

  PendingChallenge computeChallenge(String customerId, UnaryOperator<PendingChallenge> update);

  SendWindow computeSendWindow(String key, UnaryOperator<SendWindow> update);

  FailureCount failures(String customerId);

  FailureCount computeFailures(String customerId, UnaryOperator<FailureCount> update);

  /** The number of pending challenges, possibly counting some whose deadline just passed. */
  long pendingChallenges();

  /** Drops what has expired now, rather than when the store gets to it. */
  void cleanUp();
}
