package dev.custos.redis;

import dev.custos.authz.RevocationStoreException;
import dev.custos.customer.JwtReplayStoreException;
import dev.custos.org.ApiTokenStoreException;
import dev.custos.otp.OtpStoreException;
import io.lettuce.core.RedisCommandExecutionException;

/**
 * Redis's failures (Lettuce's exceptions, never the stores' own) as the stores' typed ones: out of
 * memory is full, anything else unavailable.
 */
final class Failures {
  private Failures() {}

  static OtpStoreException otp(Throwable e) {
    return isFull(e)
        ? new OtpStoreException(OtpStoreException.Reason.FULL, "Redis is out of memory", e)
        : new OtpStoreException(
            OtpStoreException.Reason.UNAVAILABLE, "Redis failed: " + describe(e), e);
  }

  static RevocationStoreException revocation(Throwable e) {
    return isFull(e)
        ? new RevocationStoreException(
            RevocationStoreException.Reason.FULL, "Redis is out of memory", e)
        : new RevocationStoreException(
            RevocationStoreException.Reason.UNAVAILABLE, "Redis failed: " + describe(e), e);
  }

  static ApiTokenStoreException apiToken(Throwable e) {
    return isFull(e)
        ? new ApiTokenStoreException(
            ApiTokenStoreException.Reason.FULL, "Redis is out of memory", e)
        : new ApiTokenStoreException(
            ApiTokenStoreException.Reason.UNAVAILABLE, "Redis failed: " + describe(e), e);
  }

  static JwtReplayStoreException jwt(Throwable e) {
    return isFull(e)
        ? new JwtReplayStoreException(
            JwtReplayStoreException.Reason.FULL, "Redis is out of memory", e)
        : new JwtReplayStoreException(
            JwtReplayStoreException.Reason.UNAVAILABLE, "Redis failed: " + describe(e), e);
  }

  private static boolean isFull(Throwable e) {
    return e instanceof RedisCommandExecutionException
        && e.getMessage() != null
        && e.getMessage().startsWith("OOM");
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName();
  }
}
