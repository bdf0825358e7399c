package dev.custos.otp;

import java.time.Duration;

/**
 * Thrown when a send or lockout limit refuses to start a challenge. No code was sent; {@link
 * #retryAfter()} says when the same request can succeed, as far as this limit is concerned.
 */
public final class RateLimitedException extends OtpStartException {
  private static final long serialVersionUID = 1L;

  private final RateLimit limit;
  private final Duration retryAfter;

  RateLimitedException(RateLimit limit, Duration retryAfter) {
    super(
        "rate limited by "
            + limit
            + "; retry after "
            + Math.max(1, (retryAfter.toMillis() + 999) / 1000)
            + " s",
        null);
    this.limit = limit;
    this.retryAfter = retryAfter;
  }

  /**
   * Returns which limit refused the request.
   *
   * @return the limit, never null
   */
  public RateLimit limit() {
    return limit;
  }

  /**
   * Returns how long to wait before trying again.
   *
   * @return a positive duration
   */
  public Duration retryAfter() {
    return retryAfter;
  }
}
