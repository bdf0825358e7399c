package dev.custos.otp.spi;

import dev.custos.otp.OtpEngine;
import java.time.Duration;

/**
 * When a customer's consecutive wrong codes lock the customer out. Every {@link
 * #failuresPerLockout()} failures lock for {@link #firstLockoutMillis()}, doubling each time
 * (capped at 24 hours); at {@link #permanentAfter()} failures the customer stays locked until the
 * host calls {@link OtpEngine#unlock}. The count survives lockouts; only a right code or an unlock
 * clears it, and it is forgotten {@link #memoryMillis()} after the last failure. Immutable.
 */
public final class LockoutPolicy {
  private static final long MAX_LOCKOUT_MILLIS = Duration.ofHours(24).toMillis();

  private final int failuresPerLockout;
  private final long firstLockoutMillis;
  private final int permanentAfter;
  private final long memoryMillis;

  private LockoutPolicy(
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
