package dev.custos.redis;

import dev.custos.authz.RevocationStoreException;
import dev.custos.otp.OtpStoreException;
import io.lettuce.core.RedisCommandExecutionException;

/** Redis's failures as the stores' typed ones: out of memory is full, anything else unavailable. */
final class Failures {
  private Failures() {}

  static OtpStoreException otp(RuntimeException e) {
    if (e instanceof OtpStoreException otp) {
      return otp;
    }
    return isFull(e)
        ? new OtpStoreException(OtpStoreException.Reason.FULL, "Redis is out of memory", e)
        : new OtpStoreException(
            OtpStoreException.Reason.UNAVAILABLE, "Redis failed: " + describe(e), e);
  }

  static RevocationStoreException revocation(RuntimeException e) {
    if (e instanceof RevocationStoreException r) {
      return r;
    }
    return isFull(e)
        ? new RevocationStoreException(
            RevocationStoreException.Reason.FULL, "Redis is out of memory", e)
        : new RevocationStoreException(
            RevocationStoreException.Reason.UNAVAILABLE, "Redis failed: " + describe(e), e);
  }

  private static boolean isFull(RuntimeException e) {
    return e instanceof RedisCommandExecutionException
        && e.getMessage() != null
        && e.getMessage().startsWith("OOM");
  }

  private static String describe(RuntimeException e) {
    return e.getClass().getSimpleName();
  }
}
