package dev.custos.otp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * <p>Implementations must be thread-safe. Codes reach a store only as MACs and phone numbers only
 * as keyed ids: a store never sees a code or a phone number.
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
   * Makes a challenge the customer's pending one, replacing any earlier one; it is gone at {@code
   * expiresAtMillis}.
   *
   * @param customerId the customer
   * @param challengeId the challenge's 16-byte random id
   * @param codeTag the 16-byte MAC of the code, bound to the challenge id
   * @param expiresAtMillis when the challenge expires
   * @param attempts how many codes may be checked against it
   * @param nowMillis the engine's clock, from which a network store reckons the time to live
   * @throws OtpStoreException if the store is unreachable or full
   */
  void putChallenge(
      String customerId,
      byte[] challengeId,
      byte[] codeTag,
      long expiresAtMillis,
      int attempts,
      long nowMillis);

  /**
   * Checks a code against the customer's pending challenge in one atomic step: a locked-out
   * customer gets {@link VerificationOutcome#CUSTOMER_LOCKED} and nothing is compared; an expired
   * token {@link VerificationOutcome#EXPIRED} (its challenge, if still there, is removed); an
   * unknown or superseded challenge {@link VerificationOutcome#NOT_FOUND}. Otherwise the tags are
   * compared in constant time: a match consumes the challenge and clears the customer's failures
   * ({@link VerificationOutcome#APPROVED}); a mismatch spends an attempt (the last one burns the
   * challenge: {@link VerificationOutcome#MAX_ATTEMPTS_REACHED}) and counts a failure for the
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
  VerificationResult check(
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
   * Returns how many challenges are pending, for {@link OtpStats}; may first drop expired ones.
   *
   * @return the count, or -1 if the store cannot count cheaply
   * @throws OtpStoreException if the store is unreachable
   */
  long pendingChallenges();

  /**
   * How many sends a window allows, over how long, with which least gap between two, and the limit
   * to report when it refuses. Immutable.
   */
  final class SendLimit {
    private final RateLimit limit;
    private final int max;
    private final long windowMillis;
    private final long cooldownMillis;

    private SendLimit(RateLimit limit, int max, long windowMillis, long cooldownMillis) {
      this.limit = limit;
      this.max = max;
      this.windowMillis = windowMillis;
      this.cooldownMillis = cooldownMillis;
    }

    /**
     * Returns a limit.
     *
     * @param limit what to report when the window is full ({@link RateLimit#PHONE_SENDS}, {@link
     *     RateLimit#CUSTOMER_SENDS} or {@link RateLimit#GLOBAL_SENDS})
     * @param max sends allowed within the window, 1 to 1,000,000
     * @param window the sliding window, 1 second to 24 hours
     * @param cooldown least time between two sends, zero to the window (reported as {@link
     *     RateLimit#PHONE_COOLDOWN})
     * @return the limit
     * @throws IllegalArgumentException if a value is out of range
     * @throws NullPointerException if an argument is null
     */
    public static SendLimit of(RateLimit limit, int max, Duration window, Duration cooldown) {
      Objects.requireNonNull(limit, "limit");
      if (max < 1 || max > 1_000_000) {
        throw new IllegalArgumentException("max must be 1 to 1000000");
      }
      long windowMillis = window.toMillis();
      long cooldownMillis = cooldown.toMillis();
      if (windowMillis < 1_000 || windowMillis > Duration.ofHours(24).toMillis()) {
        throw new IllegalArgumentException("window must be 1 s to 24 h");
      }
      if (cooldownMillis < 0 || cooldownMillis > windowMillis) {
        throw new IllegalArgumentException("cooldown must be zero to the window");
      }
      return new SendLimit(limit, max, windowMillis, cooldownMillis);
    }

    /**
     * Returns the limit reported when the window is full.
     *
     * @return the limit
     */
    public RateLimit limit() {
      return limit;
    }

    /**
     * Returns the sends allowed within the window.
     *
     * @return at least 1
     */
    public int max() {
      return max;
    }

    /**
     * Returns the window's length.
     *
     * @return milliseconds
     */
    public long windowMillis() {
      return windowMillis;
    }

    /**
     * Returns the least time between two sends.
     *
     * @return milliseconds, 0 for none
     */
    public long cooldownMillis() {
      return cooldownMillis;
    }

    @Override
    public String toString() {
      return "SendLimit[" + limit + ", " + max + " per " + windowMillis + " ms]";
    }
  }

  /** One window a start counts against: its scope, its id and its limit. Immutable. */
  final class SendSlot {
    private final Scope scope;
    private final String id;
    private final SendLimit limit;

    private SendSlot(Scope scope, String id, SendLimit limit) {
      this.scope = scope;
      this.id = id;
      this.limit = limit;
    }

    /**
     * Returns a slot.
     *
     * @param scope what the window counts
     * @param id the customer id, the phone's keyed id, or {@code "global"}
     * @param limit the window's limit
     * @return the slot
     * @throws NullPointerException if an argument is null
     */
    public static SendSlot of(Scope scope, String id, SendLimit limit) {
      return new SendSlot(
          Objects.requireNonNull(scope, "scope"),
          Objects.requireNonNull(id, "id"),
          Objects.requireNonNull(limit, "limit"));
    }

    /**
     * Returns what the window counts.
     *
     * @return the scope
     */
    public Scope scope() {
      return scope;
    }

    /**
     * Returns the id the window is kept under.
     *
     * @return the id
     */
    public String id() {
      return id;
    }

    /**
     * Returns the window's limit.
     *
     * @return the limit
     */
    public SendLimit limit() {
      return limit;
    }

    @Override
    public String toString() {
      return "SendSlot[" + scope + ", " + limit + "]";
    }
  }

  /** Whether a send was counted, or which limit refused it and for how long. Immutable. */
  final class SendDecision {
    private static final SendDecision ACQUIRED = new SendDecision(null, 0, "");

    private final RateLimit refusedBy;
    private final long retryAfterMillis;
    private final String sendId;

    private SendDecision(RateLimit refusedBy, long retryAfterMillis, String sendId) {
      this.refusedBy = refusedBy;
      this.retryAfterMillis = retryAfterMillis;
      this.sendId = sendId;
    }

    /**
     * Returns the decision that the send was counted, for a store that finds a send again by the
     * time it was counted at (its {@link #sendId()} is empty).
     *
     * @return the decision
     */
    public static SendDecision acquired() {
      return ACQUIRED;
    }

    /**
     * Returns the decision that the send was counted under an id of the store's, which {@link
     * OtpStore#releaseSend} is given back to take back exactly this send.
     *
     * @param sendId the store's id of the counted send
     * @return the decision
     * @throws NullPointerException if {@code sendId} is null
     */
    public static SendDecision acquired(String sendId) {
      return new SendDecision(null, 0, Objects.requireNonNull(sendId, "sendId"));
    }

    /**
     * Returns a refusal.
     *
     * @param limit the limit that refused
     * @param retryAfterMillis how long until it would allow the send, at least 1
     * @return the decision
     * @throws NullPointerException if {@code limit} is null
     */
    public static SendDecision refused(RateLimit limit, long retryAfterMillis) {
      return new SendDecision(
          Objects.requireNonNull(limit, "limit"), Math.max(1, retryAfterMillis), "");
    }

    /**
     * Returns whether the send was counted.
     *
     * @return {@code true} if acquired
     */
    public boolean isAcquired() {
      return refusedBy == null;
    }

    /**
     * Returns the limit that refused.
     *
     * @return the limit, or null if acquired
     */
    public RateLimit refusedBy() {
      return refusedBy;
    }

    /**
     * Returns the store's id of the counted send, for {@link OtpStore#releaseSend}.
     *
     * @return the id; empty for a refusal, or for a store that finds sends by their time
     */
    public String sendId() {
      return sendId;
    }

    /**
     * Returns how long until the limit would allow the send.
     *
     * @return milliseconds; 0 if acquired
     */
    public long retryAfterMillis() {
      return retryAfterMillis;
    }

    @Override
    public String toString() {
      return isAcquired()
          ? "acquired"
          : "refused by " + refusedBy + " for " + retryAfterMillis + " ms";
    }
  }

  /**
   * When a customer's consecutive wrong codes lock the customer out. Every {@link
   * #failuresPerLockout()} failures lock for {@link #firstLockoutMillis()}, doubling each time
   * (capped at 24 hours); at {@link #permanentAfter()} failures the customer stays locked until the
   * host calls {@link OtpEngine#unlock}. The count survives lockouts; only a right code or an
   * unlock clears it, and it is forgotten {@link #memoryMillis()} after the last failure.
   * Immutable.
   */
  final class LockoutPolicy {
    private static final long MAX_LOCKOUT_MILLIS = Duration.ofHours(24).toMillis();

    private final int failuresPerLockout;
    private final long firstLockoutMillis;
    private final int permanentAfter;
    private final long memoryMillis;

    LockoutPolicy(
        int failuresPerLockout, long firstLockoutMillis, int permanentAfter, long memoryMillis) {
      if (failuresPerLockout < 1
          || permanentAfter < 1
          || firstLockoutMillis < 1
          || memoryMillis < firstLockoutMillis) {
        throw new IllegalArgumentException("invalid lockout policy");
      }
      this.failuresPerLockout = failuresPerLockout;
      this.firstLockoutMillis = firstLockoutMillis;
      this.permanentAfter = permanentAfter;
      this.memoryMillis = memoryMillis;
    }

    /**
     * Returns how many consecutive failures lock the customer out each time.
     *
     * @return at least 1
     */
    public int failuresPerLockout() {
      return failuresPerLockout;
    }

    /**
     * Returns how long the first lockout lasts.
     *
     * @return milliseconds
     */
    public long firstLockoutMillis() {
      return firstLockoutMillis;
    }

    /**
     * Returns after how many consecutive failures the lockout lasts until the host unlocks.
     *
     * @return at most 100
     */
    public int permanentAfter() {
      return permanentAfter;
    }

    /**
     * Returns how long after the last failure a failure count (and a permanent lockout) is kept.
     *
     * @return milliseconds
     */
    public long memoryMillis() {
      return memoryMillis;
    }

    /**
     * Returns how long the failure that brings the count to {@code failures} locks the customer.
     *
     * @param failures the consecutive failures, this one included
     * @return 0 for no lockout, {@link Long#MAX_VALUE} for one until the host unlocks, else the
     *     lockout in milliseconds
     */
    public long lockoutAfter(int failures) {
      if (failures >= permanentAfter) {
        return Long.MAX_VALUE;
      }
      if (failures <= 0 || failures % failuresPerLockout != 0) {
        return 0;
      }
      int doublings = Math.min(failures / failuresPerLockout - 1, 20);
      return Math.min(MAX_LOCKOUT_MILLIS, firstLockoutMillis << doublings);
    }

    /**
     * Returns a policy, for stores tested on their own; engines make theirs from their builder.
     *
     * @param failuresPerLockout consecutive failures per lockout, at least 1
     * @param firstLockout the first lockout, at least 1 ms
     * @param permanentAfter failures after which only the host unlocks, at least 1
     * @param memory how long after the last failure the count is kept, at least the first lockout
     * @return the policy
     * @throws IllegalArgumentException if a value is out of range
     * @throws NullPointerException if a duration is null
     */
    public static LockoutPolicy of(
        int failuresPerLockout, Duration firstLockout, int permanentAfter, Duration memory) {
      return new LockoutPolicy(
          failuresPerLockout, firstLockout.toMillis(), permanentAfter, memory.toMillis());
    }

    @Override
    public String toString() {
      return "LockoutPolicy["
          + failuresPerLockout
          + " failures lock "
          + firstLockoutMillis
          + " ms, doubling; permanent at "
          + permanentAfter
          + "]";
    }
  }
}
