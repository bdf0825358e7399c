package dev.custos.passkey;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.DeviceChallenge;
import dev.custos.otp.DeviceProof;
import dev.custos.otp.InvalidOtpRequestException;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpStoreException;
import dev.custos.otp.RateLimitedException;
import dev.custos.otp.VerificationResult;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the passkey operations' collaborators fail, as API errors: the OTP engine's limits and
 * outcomes, the store's outages (503, nothing done), a listener's throw (logged, ignored).
 */
final class PasskeyFailures {
  private static final Logger log = LoggerFactory.getLogger(Passkeys.class);

  private PasskeyFailures() {}

  static DeviceChallenge startChallenge(OtpEngine otp, String customerId) throws ApiException {
    try {
      return otp.startDeviceChallenge(customerId);
    } catch (RateLimitedException e) {
      throw new ApiException(
          ApiError.of(
                  ApiErrorCode.LIMITS_EXCEEDED,
                  "too many verification requests (" + e.limit() + ")")
              .withRetryAfter(e.retryAfter()));
    } catch (OtpStoreException e) {
      throw stateUnavailable();
    } catch (InvalidOtpRequestException e) {
      throw new ApiException(ApiError.of(ApiErrorCode.INVALID_VALUE, e.getMessage()));
    }
  }

  static VerificationResult verifyDevice(
      OtpEngine otp, String customerId, String verificationToken, DeviceProof proof)
      throws ApiException {
    if (verificationToken == null) {
      throw BrowserCredential.invalid("verificationToken", "verificationToken is required");
    }
    try {
      return otp.verifyDevice(customerId, verificationToken, proof);
    } catch (OtpStoreException e) {
      throw stateUnavailable();
    } catch (InvalidOtpRequestException e) {
      throw BrowserCredential.invalid(e.field().attribute(), e.getMessage());
    }
  }

  /**
   * Returns normally only for an approved verification; otherwise the proof's refusal (with the
   * attempts left) or the engine's outcome.
   */
  static void settle(VerificationResult result, ApiException refusal, String attribute)
      throws ApiException {
    if (refusal != null && refusal.error().code() == ApiErrorCode.STATE_UNAVAILABLE) {
      throw refusal;
    }
    switch (result.outcome()) {
      case APPROVED -> {}
      case INCORRECT_CODE -> {
        java.util.LinkedHashMap<String, Object> meta =
            new java.util.LinkedHashMap<>(refusal.error().meta());
        meta.put("attemptsLeft", result.attemptsLeft());
        throw new ApiException(refusal.error().withMeta(meta));
      }
      case MAX_ATTEMPTS_REACHED ->
          throw new ApiException(
              ApiError.of(
                      ApiErrorCode.VERIFICATION_ATTEMPTS_EXCEEDED,
                      "too many failed attempts; start again (" + refusal.error().detail() + ")")
                  .atAttribute(attribute)
                  .withMeta(Map.of("reason", refusal.error().code().code())));
      case EXPIRED ->
          throw new ApiException(
              ApiError.of(ApiErrorCode.VERIFICATION_EXPIRED, "the challenge expired; start again")
                  .atAttribute("verificationToken"));
      case NOT_FOUND ->
          throw new ApiException(
              ApiError.of(
                      ApiErrorCode.VERIFICATION_NOT_FOUND,
                      "no pending registration matches this token for this customer")
                  .atAttribute("verificationToken"));
      case CUSTOMER_LOCKED ->
          throw new ApiException(
              ApiError.of(
                      ApiErrorCode.LIMITS_EXCEEDED,
                      "too many failed verifications for this customer")
                  .withRetryAfter(result.retryAfter()));
    }
  }

  /** A store call, its outage a 503 with nothing done. */
  static <T> T stored(Supplier<T> call) throws ApiException {
    try {
      return call.get();
    } catch (PasskeyStoreException e) {
      log.warn("passkey store failed: {}", e.reason());
      throw stateUnavailable();
    }
  }

  /** A listener call: its throw is logged (by class) and ignored. */
  static void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("passkey listener threw: {}", e.getClass().getName());
    }
  }

  /** A path's credential id: strict unpadded base64url, or null. */
  static byte[] credentialId(String text) {
    try {
      byte[] id = Base64.getUrlDecoder().decode(text);
      String canonical = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
      return id.length > 0 && canonical.equals(text) ? id : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ApiException stateUnavailable() {
    return new ApiException(
        ApiError.stateUnavailable("passkeys cannot be checked now; try again later"));
  }
}
