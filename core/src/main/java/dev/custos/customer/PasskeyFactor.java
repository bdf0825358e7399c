package dev.custos.customer;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.DeviceChallenge;
import dev.custos.otp.InvalidOtpRequestException;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpStoreException;
import dev.custos.otp.RateLimitedException;
import dev.custos.otp.Transaction;
import dev.custos.otp.VerificationResult;
import dev.custos.token.json.StrictJson;
import dev.custos.token.json.StrictJsonException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A passkey as the second factor: the challenge is an OTP engine device challenge (so its single
 * use, expiry, attempts and the customer's lockout are the engine's, on every store), and the
 * {@link PasskeyVerifier} checks the assertion against it.
 */
final class PasskeyFactor {
  static final String ATTRIBUTE = "passkeyAssertion";

  private final OtpEngine otp;
  private final PasskeyVerifier verifier;

  PasskeyFactor(OtpEngine otp, PasskeyVerifier verifier) {
    this.otp = otp;
    this.verifier = verifier;
  }

  /** Starts a passkey verification (of a payment, or null): a device challenge and its options. */
  PasskeyVerification start(String customerId, Transaction transaction) throws ApiException {
    if (verifier == null) {
      throw notConfigured("channel");
    }
    // Checked first: a refused start must not supersede the customer's pending verification.
    verifier.requireEnrolled(customerId);
    try {
      DeviceChallenge challenge = otp.startDeviceChallenge(customerId, transaction);
      return new PasskeyVerification(
          challenge.verificationToken(),
          challenge.expiresAt(),
          verifier.requestOptions(customerId, challenge.challenge()));
    } catch (RateLimitedException e) {
      throw CustomerErrors.limitsExceeded(
          "too many verification requests (" + e.limit() + ")", e.retryAfter());
    } catch (OtpStoreException e) {
      throw CustomerErrors.stateUnavailable(e);
    } catch (InvalidOtpRequestException e) {
      throw CustomerErrors.invalid(e.field().attribute(), e.getMessage());
    }
  }

  /**
   * Checks the assertion against the verification's challenge; returns normally only when the
   * engine approved (consumed) the challenge.
   *
   * @throws ApiException the verifier's refusal (with attempts left), or the engine's outcome
   */
  void check(
      String customerId, String verificationToken, String assertionJson, Transaction transaction)
      throws ApiException {
    if (verifier == null) {
      throw notConfigured(ATTRIBUTE);
    }
    if (verificationToken == null) {
      throw CustomerErrors.invalid(
          "verificationToken", "verificationToken is required with passkeyAssertion");
    }
    Map<String, Object> assertion = parse(assertionJson);
    ApiException[] refusal = new ApiException[1];
    boolean[] asked = new boolean[1];
    VerificationResult result;
    try {
      result =
          otp.verifyDevice(
              customerId,
              verificationToken,
              transaction,
              challenge -> {
                asked[0] = true;
                try {
                  verifier.verify(customerId, challenge, assertion);
                  return true;
                } catch (ApiException e) {
                  if (e.error().code() == ApiErrorCode.STATE_UNAVAILABLE) {
                    // Undecided, not refused: thrown through the engine, so no attempt is spent.
                    throw new Undecided(e);
                  }
                  refusal[0] = e;
                  return false;
                }
              });
    } catch (Undecided e) {
      throw e.cause;
    } catch (InvalidOtpRequestException e) {
      throw CustomerErrors.invalid(e.field().attribute(), e.getMessage());
    } catch (OtpStoreException e) {
      throw CustomerErrors.stateUnavailable(e);
    }
    switch (result.outcome()) {
      case APPROVED -> {}
      case INCORRECT_CODE -> throw withMeta(refusal[0], "attemptsLeft", result.attemptsLeft());
      case MAX_ATTEMPTS_REACHED ->
          throw new ApiException(
              ApiError.of(
                      ApiErrorCode.VERIFICATION_ATTEMPTS_EXCEEDED,
                      "too many failed passkey attempts; start a new verification ("
                          + refusal[0].error().detail()
                          + ")")
                  .atAttribute(ATTRIBUTE)
                  .withMeta(Map.of("reason", refusal[0].error().code().code())));
      case EXPIRED ->
          throw atToken(
              ApiErrorCode.VERIFICATION_EXPIRED, "the verification has expired; start a new one");
      case NOT_FOUND ->
          // Asked means the token was genuine and live, yet the store had no challenge for it:
          // it was used (or superseded) already, so this proof is a replay.
          throw asked[0]
              ? atToken(
                  ApiErrorCode.PASSKEY_CHALLENGE_USED,
                  "this verification was already used or superseded; start a new one")
              : atToken(
                  ApiErrorCode.VERIFICATION_NOT_FOUND,
                  "no pending passkey verification matches this token for this customer");
      case CUSTOMER_LOCKED ->
          throw CustomerErrors.limitsExceeded(
              "too many failed verifications for this customer", result.retryAfter());
    }
  }

  /** A proof that could not decide (the credential store did not answer): its 503, unchecked. */
  private static final class Undecided extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialized: caught in this class
    private final ApiException cause;

    Undecided(ApiException cause) {
      super(null, null, false, false);
      this.cause = cause;
    }
  }

  private static Map<String, Object> parse(String json) throws ApiException {
    try {
      return StrictJson.readObject(json);
    } catch (StrictJsonException e) {
      throw CustomerErrors.invalid(ATTRIBUTE, "passkeyAssertion must be a JSON object");
    }
  }

  private static ApiException withMeta(ApiException refusal, String name, Object value) {
    Map<String, Object> meta = new LinkedHashMap<>(refusal.error().meta());
    meta.put(name, value);
    return new ApiException(refusal.error().withMeta(meta));
  }

  private static ApiException atToken(ApiErrorCode code, String detail) {
    return new ApiException(ApiError.of(code, detail).atAttribute("verificationToken"));
  }

  private static ApiException notConfigured(String attribute) {
    return CustomerErrors.invalid(attribute, "passkeys are not enabled on this platform");
  }
}
