package dev.custos.customer;

import dev.custos.authz.RevocationStoreException;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.OtpStoreException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The error documents the customer-token operations share. */
final class CustomerErrors {
  private static final Logger log = LoggerFactory.getLogger(CustomerTokenService.class);

  private CustomerErrors() {}

  static ApiException invalid(String attribute, String detail) {
    return new ApiException(ApiError.of(ApiErrorCode.INVALID_VALUE, detail).atAttribute(attribute));
  }

  /** 400 at {@code /data/relationships/<name>}. */
  static ApiException invalidRelationship(String relationship, String detail) {
    return new ApiException(
        ApiError.of(ApiErrorCode.INVALID_VALUE, detail)
            .atMember("data", "relationships", relationship));
  }

  static ApiException stateUnavailable(OtpStoreException e) {
    log.warn("OTP state store failed: {}", e.reason());
    return new ApiException(
        ApiError.stateUnavailable(
            e.reason() == OtpStoreException.Reason.FULL
                ? "verification state is at capacity; try again later"
                : "verification state is unavailable; try again later"));
  }

  static ApiException limitsExceeded(String detail, Duration retryAfter) {
    return new ApiException(
        ApiError.of(ApiErrorCode.LIMITS_EXCEEDED, detail).withRetryAfter(retryAfter));
  }

  static ApiException revocationUnavailable(RevocationStoreException e) {
    log.warn("revocation store failed: {}", e.reason());
    return new ApiException(
        ApiError.stateUnavailable("revocations are unavailable; nothing was revoked, try again"));
  }
}
