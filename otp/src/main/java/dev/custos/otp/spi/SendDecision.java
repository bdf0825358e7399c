package dev.custos.otp.spi;

import dev.custos.otp.RateLimit;
import java.util.Objects;

/** Whether a send was counted, or which limit refused it and for how long. Immutable. */
public final class SendDecision {
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
   * Returns the decision that the send was counted, for a store that finds a send again by the time
   * it was counted at (its {@link #sendId()} is empty).
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
