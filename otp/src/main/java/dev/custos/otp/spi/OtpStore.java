package dev.custos.otp.spi;

import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpStoreException;
import dev.custos.otp.RateLimit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an {@link OtpEngine} keeps its state: each customer's pending challenge, the send windows,
 * and each customer's failure count and lockout. The in-process store is the default; a shared
 * store (such as {@code custos-redis}'s) lets several instances act as one.
 *
 * <p>Every operation is atomic on its own and touches the state of one customer, one phone or the
 * global budget only, so a network store can run each as one server-side step (and, on a sharded
 * store, on one shard). Times are epoch milliseconds read by the engine from its one {@link
 * java.time.Clock}; engines sharing a store must share their master key and run on synchronized
 * clocks.
 *
 * <p>A store keeps every piece of state until its deadline: it never drops state early because it
 * is full. When it cannot take new state it refuses the new work ({@link SendDecision} {@link
 * RateLimit#CAPACITY}, or {@link OtpStoreException.Reason#FULL}); when it cannot be reached it
 * throws {@link OtpStoreException} ({@link OtpStoreException.Reason#UNAVAILABLE}) and approves
 * nothing.
 *
 * <p>A store answers a check with its own {@link CheckResult}; only the engine turns that into the
 * {@link dev.custos.otp.VerificationResult} its callers see, so no store, and no other code, can
 * make an approved verification.
 *
 * <p>Implementations must be thread-safe. Codes reach a store only as MACs and phone numbers only
 * as keyed ids: a store never sees a code or a phone number.
 *
 * <p>Compatibility: a service provider interface, implemented by hosts. A minor release adds a
 * method to it only with a default that keeps existing implementations working; a new abstract
 * method is a major release.
 */
public interface OtpStore {
  /** What a send window counts: one customer's sends, one phone's, or the engine's in all. */
  enum Scope {
    /** One customer's sends; acquiring one also checks the customer's lockout. */
    CUSTOMER,
    /** One phone's sends (the id is a keyed hash of the number), with the resend cooldown. */
    PHONE,
    /** Every send, against SMS pumping; the id is always {@code "global"}. */
    GLOBAL
  }

  /**
   * Counts one send against a window, or refuses it. For {@link Scope#CUSTOMER} it first refuses a
   * locked-out customer ({@link RateLimit#CUSTOMER_LOCKED}) and, in a bounded store, a start when
   * as many challenges are pending as it can hold ({@link RateLimit#CAPACITY}).
   *
   * @param scope what the window counts
   * @param id the customer id, the phone's keyed id, or {@code "global"}
   * @param limit how many sends the window allows, over how long, and the cooldown
   * @param nowMillis the engine's clock
   * @return acquired, or which limit refused and for how long
   * @throws OtpStoreException if the store is unreachable or full
   */
  SendDecision acquireSend(Scope scope, String id, SendLimit limit, long nowMillis);

  /**
   * Counts one send against several windows, each on its own as {@link #acquireSend} does (the
   * windows are not acquired atomically together: the engine releases the ones acquired when any
   * refused). A network store sends them at once, so that a start waits for one round trip, not one
   * per window. The default acquires them one after another.
   *
   * @param slots the windows, in the order their refusals should be reported
   * @param nowMillis the engine's clock
   * @return one decision per slot, in order
   * @throws OtpStoreException if the store is unreachable or full
   */
  default List<SendDecision> acquireSends(List<SendSlot> slots, long nowMillis) {
    List<SendDecision> decisions = new ArrayList<>(slots.size());
    for (SendSlot slot : slots) {
      decisions.add(acquireSend(slot.scope(), slot.id(), slot.limit(), nowMillis));
    }
    return decisions;
  }

  /**
   * Takes back the one send a start counted, after a later limit refused the start: that send
   * itself, never another start's counted at the same instant. (A store whose decisions carry an
   * empty {@link SendDecision#sendId()} finds sends by their time; sends of one window and one
   * instant are alike to it, and the engine takes back each send once.)
   *
   * @param scope what the window counts
   * @param id the id the send was counted under
   * @param sentAtMillis the {@code nowMillis} it was counted at
   * @param sendId the {@link SendDecision#sendId()} of the decision that counted it
   * @throws OtpStoreException if the store is unreachable
   */
  void releaseSend(Scope scope, String id, long sentAtMillis, String sendId);

  /**
   * Makes a challenge the customer's pending one, replacing any earlier one; it is gone at its
   * {@link ChallengeRecord#expiresAtMillis()}.
   *
   * @param customerId the customer
   * @param challenge the challenge's id, code MAC, expiry and attempts
   * @param nowMillis the engine's clock, from which a network store reckons the time to live
   * @throws OtpStoreException if the store is unreachable or full
   */
  void putChallenge(String customerId, ChallengeRecord challenge, long nowMillis);

  /**
   * The first step of a start, before the code is delivered: counts one send against every window,
   * as {@link #acquireSends} does. A network store may also make {@code challenge} the customer's
   * pending one in the same round trip (the Redis store writes it in the customer window's script);
   * one that does must keep the challenge it replaced, so that {@link #abandonChallenge} can bring
   * it back. The engine then calls exactly one of {@link #confirmChallenge} (the code was
   * delivered) and {@link #abandonChallenge} (a window refused, or delivery failed).
   *
   * <p>The default is {@link #acquireSends}: the challenge is stored at {@link #confirmChallenge}.
   *
   * @param customerId the customer the challenge is for
   * @param slots the windows, the customer's first, in the order their refusals should be reported
   * @param challenge the challenge the start will make pending once its code is delivered
   * @param nowMillis the engine's clock
   * @return one decision per slot, in order
   * @throws OtpStoreException if the store is unreachable or full
   */
  default List<SendDecision> startChallenge(
      String customerId, List<SendSlot> slots, ChallengeRecord challenge, long nowMillis) {
    return acquireSends(slots, nowMillis);
  }

  /**
   * The last step of a start whose code was delivered: from now on {@code challenge} is the
   * customer's pending one. The default is {@link #putChallenge}; a store whose {@link
   * #startChallenge} stored it already has nothing left to do.
   *
   * @param customerId the customer
   * @param challenge the challenge {@link #startChallenge} was given
   * @param nowMillis the engine's clock
   * @throws OtpStoreException if the store is unreachable or full
   */
  default void confirmChallenge(String customerId, ChallengeRecord challenge, long nowMillis) {
    putChallenge(customerId, challenge, nowMillis);
  }

  /**
   * Ends a start that will not finish (a window refused it, or its code could not be delivered): if
   * {@link #startChallenge} made the challenge {@code challengeId} pending and it still is, the
   * challenge it replaced is pending again (while it has not expired), or none is. A later start's
   * challenge is left alone. The default does nothing, which is right for a store whose {@link
   * #startChallenge} stores nothing. (Sends are given back with {@link #releaseSend}, apart.)
   *
   * @param customerId the customer
   * @param challengeId the id of the abandoned challenge
   * @param nowMillis the engine's clock
   * @throws OtpStoreException if the store is unreachable; the abandoned challenge may then stay
   *     pending, but no one holds its code or its verification token
   */
  default void abandonChallenge(String customerId, byte[] challengeId, long nowMillis) {}

  /**
   * Checks a code against the customer's pending challenge in one atomic step: a locked-out
   * customer gets {@link CheckResult.Outcome#CUSTOMER_LOCKED} and nothing is compared; an expired
   * token {@link CheckResult.Outcome#EXPIRED} (its challenge, if still there, is removed); an
   * unknown or superseded challenge {@link CheckResult.Outcome#NOT_FOUND}. Otherwise the tags are
   * compared in constant time: a match consumes the challenge and clears the customer's failures
   * ({@link CheckResult.Outcome#APPROVED}); a mismatch spends an attempt (the last one burns the
   * challenge: {@link CheckResult.Outcome#MAX_ATTEMPTS_REACHED}) and counts a failure for the
   * customer under {@code policy}, which may lock the customer out.
   *
   * @param customerId the customer
   * @param challengeId the id the verification token carries
   * @param codeTag the MAC of the code being checked, bound to the challenge id
   * @param tokenExpiresAtMillis the expiry the verification token carries
   * @param nowMillis the engine's clock
   * @param policy when failures lock the customer out
   * @return the outcome, with attempts left or the lockout's remaining time
   * @throws OtpStoreException if the store is unreachable, or full and the customer has no failure
   *     record yet; nothing is approved then
   */
  CheckResult check(
      String customerId,
      byte[] challengeId,
      byte[] codeTag,
      long tokenExpiresAtMillis,
      long nowMillis,
      LockoutPolicy policy);

  /**
   * Forgets a customer's failures and ends any lockout, permanent ones included.
   *
   * @param customerId the customer
   * @throws OtpStoreException if the store is unreachable
   */
  void unlock(String customerId);

  /**
   * Returns how many challenges are pending, for {@link dev.custos.otp.OtpStats}; may first drop
   * expired ones.
   *
   * @return the count, or -1 if the store cannot count cheaply
   * @throws OtpStoreException if the store is unreachable
   */
  long pendingChallenges();
}
