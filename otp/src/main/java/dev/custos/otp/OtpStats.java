package dev.custos.otp;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of an engine's counters, taken by {@link OtpEngine#stats()}: challenges started,
 * refused and failed, and the outcome of every verification, since the engine was built.
 *
 * <p>Instances are immutable and safe to share between threads. The counters are read one by one
 * while the engine runs, so a snapshot is not atomic across counters.
 */
public final class OtpStats {
  private final long started;
  private final long deliveryFailures;
  private final Map<RateLimit, Long> rateLimited;
  private final Map<VerificationOutcome, Long> verifications;
  private final long pendingChallenges;

  OtpStats(
      long started,
      long deliveryFailures,
      EnumMap<RateLimit, Long> rateLimited,
      EnumMap<VerificationOutcome, Long> verifications,
      long pendingChallenges) {
    this.started = started;
    this.deliveryFailures = deliveryFailures;
    this.rateLimited = new EnumMap<>(rateLimited);
    this.verifications = new EnumMap<>(verifications);
    this.pendingChallenges = pendingChallenges;
  }

  /**
   * Returns how many challenges were started: codes delivered and challenges created.
   *
   * @return the count
   */
  public long started() {
    return started;
  }

  /**
   * Returns how many starts failed because the sender failed.
   *
   * @return the count
   */
  public long deliveryFailures() {
    return deliveryFailures;
  }

  /**
   * Returns how many starts the given limit refused.
   *
   * @param limit a limit
   * @return the count
   * @throws NullPointerException if {@code limit} is null
   */
  public long rateLimited(RateLimit limit) {
    return rateLimited.getOrDefault(Objects.requireNonNull(limit, "limit"), 0L);
  }

  /**
   * Returns how many verifications ended with the given outcome. Calls refused as invalid input are
   * not counted.
   *
   * @param outcome an outcome
   * @return the count
   * @throws NullPointerException if {@code outcome} is null
   */
  public long verifications(VerificationOutcome outcome) {
    return verifications.getOrDefault(Objects.requireNonNull(outcome, "outcome"), 0L);
  }

  /**
   * Returns how many challenges were pending when the snapshot was taken (an estimate that may
   * count challenges that expired moments ago).
   *
   * @return the count
   */
  public long pendingChallenges() {
    return pendingChallenges;
  }

  @Override
  public String toString() {
    return "OtpStats[started="
        + started
        + ", deliveryFailures="
        + deliveryFailures
        + ", rateLimited="
        + rateLimited
        + ", verifications="
        + verifications
        + ", pending="
        + pendingChallenges
        + "]";
  }
}
