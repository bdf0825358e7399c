package dev.custos.customer;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.DeliveryFailedException;
import dev.custos.otp.InvalidOtpRequestException;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.OtpStartException;
import dev.custos.otp.OtpStoreException;
import dev.custos.otp.Phone;
import dev.custos.otp.RateLimitedException;
import dev.custos.otp.Transaction;
import dev.custos.otp.VerificationChallenge;
import dev.custos.otp.VerificationResult;
import dev.custos.scopes.ScopeSet;
import dev.custos.token.TwoFactorMethod;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second factor of a token request: a verification token and its code, checked by the OTP
 * engine, or a JWT of the platform's identity provider. Called after every other attribute was
 * validated, so a refused request never spends a verification.
 */
final class SecondFactor {
  private static final Logger log = LoggerFactory.getLogger(CustomerTokenService.class);

  private final OtpEngine otp;
  private final JwtIdentityProvider identityProvider;
  private final PasskeyFactor passkeys;

  SecondFactor(OtpEngine otp, JwtIdentityProvider identityProvider, PasskeyVerifier passkeys) {
    this.otp = otp;
    this.identityProvider = identityProvider;
    this.passkeys = new PasskeyFactor(otp, passkeys);
  }

  /** The passkey side: its verifications start here. */
  PasskeyFactor passkeys() {
    return passkeys;
  }

  /**
   * Checks the request's second factor, if it gives one or needs one.
   *
   * @param twoFactorScopes the scopes that need it now, or null if none does
   * @return how the second factor passed, or null if none was given or needed
   * @throws ApiException for a missing, malformed or refused second factor
   */
  TwoFactorMethod passed(
      Customer customer,
      CustomerTokenAttributes attributes,
      ScopeSet twoFactorScopes,
      AuthorizedUser user)
      throws ApiException {
    if (attributes.jwtToken().isPresent()) {
      if (attributes.verificationToken().isPresent()
          || attributes.verificationCode().isPresent()
          || attributes.passkeyAssertion().isPresent()) {
        throw CustomerErrors.invalid(
            "jwtToken",
            "give one of jwtToken, verificationToken and verificationCode, or verificationToken"
                + " and passkeyAssertion");
      }
      // A token for one authorized user takes that user's JWT only.
      Set<String> subjects =
          user == null ? customer.jwtSubjects() : user.jwtSubject().map(Set::of).orElse(Set.of());
      checkJwt(subjects, attributes.jwtToken().get());
      return TwoFactorMethod.IDENTITY_PROVIDER;
    }
    if (attributes.passkeyAssertion().isPresent()) {
      if (attributes.verificationCode().isPresent()) {
        throw CustomerErrors.invalid(
            PasskeyFactor.ATTRIBUTE, "give either verificationCode or passkeyAssertion, not both");
      }
      // A customer's passkeys are the customer's own: they vouch for no authorized user.
      if (user != null) {
        throw CustomerErrors.invalid(
            PasskeyFactor.ATTRIBUTE,
            "a passkey verifies the customer, not an authorized user: use the user's code or JWT");
      }
      passkeys.check(
          customer.id(),
          attributes.verificationToken().orElse(null),
          attributes.passkeyAssertion().get(),
          attributes.transaction().orElse(null));
      return TwoFactorMethod.PASSKEY;
    }
    return passedCode(
            customer.id(),
            attributes.verificationToken().orElse(null),
            attributes.verificationCode().orElse(null),
            twoFactorScopes,
            user == null ? null : user.phone(),
            attributes.transaction().orElse(null))
        ? TwoFactorMethod.CODE
        : null;
  }

  /**
   * Checks a verification token and code, if given or needed, against the challenges of an OTP
   * subject: a customer's id, or a card's for a cardholder token.
   *
   * @param twoFactorScopes the scopes that need it now, or null if none does
   * @return whether a code passed
   * @throws ApiException for a missing, malformed or refused verification
   */
  boolean passedCode(
      String subject, String token, String code, ScopeSet twoFactorScopes, Phone sentTo)
      throws ApiException {
    return passedCode(subject, token, code, twoFactorScopes, sentTo, null);
  }

  /** As the other, the code approving this payment (null for none). */
  boolean passedCode(
      String subject,
      String token,
      String code,
      ScopeSet twoFactorScopes,
      Phone sentTo,
      Transaction transaction)
      throws ApiException {
    boolean needed = twoFactorScopes != null;
    if (needed || token != null || code != null) {
      String why =
          needed
              ? " is required: scope "
                  + twoFactorScopes.twoFactorScopes()
                  + " requires two-factor authentication"
              : " is required with the other verification attribute";
      if (token == null) {
        throw CustomerErrors.invalid("verificationToken", "verificationToken" + why);
      }
      if (code == null) {
        throw CustomerErrors.invalid("verificationCode", "verificationCode" + why);
      }
      checkVerification(subject, token, code, sentTo, transaction);
      return true;
    }
    return false;
  }

  /**
   * Starts a challenge: sends the code to {@code phone} for {@code subject}.
   *
   * @throws ApiException 400 at the attribute, 429 with a retry-after, 503 for delivery or state
   */
  VerificationChallenge start(String subject, Phone phone, VerificationAttributes attributes)
      throws ApiException {
    try {
      ChallengeRequest request =
          ChallengeRequest.of(subject, attributes.channel(), phone)
              .withLanguage(attributes.language());
      if (attributes.appHash().isPresent()) {
        request = request.withAppHash(attributes.appHash().get());
      }
      if (attributes.transaction().isPresent()) {
        request = request.withTransaction(attributes.transaction().get());
      }
      return otp.start(request);
    } catch (InvalidOtpRequestException e) {
      throw CustomerErrors.invalid(e.field().attribute(), e.getMessage());
    } catch (RateLimitedException e) {
      throw CustomerErrors.limitsExceeded(
          "too many verification requests (" + e.limit() + ")", e.retryAfter());
    } catch (DeliveryFailedException e) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.DELIVERY_FAILED, "the verification code could not be sent"));
    } catch (OtpStoreException e) {
      throw CustomerErrors.stateUnavailable(e);
    } catch (OtpStartException e) {
      throw new IllegalStateException("unexpected OTP failure", e);
    }
  }

  /** The identity provider's JWT, for the customer or one of its authorized users. */
  private void checkJwt(Set<String> subjects, String jwt) throws ApiException {
    if (identityProvider == null) {
      throw invalidJwt("not_configured", "no identity provider is configured for jwtToken");
    }
    try {
      identityProvider.subject(jwt, subjects);
    } catch (JwtIdentityProvider.RefusedException e) {
      throw invalidJwt(e.refusal().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
    } catch (JwtReplayStoreException e) {
      log.warn("used-JWT store failed: {}", e.reason());
      throw new ApiException(
          ApiError.stateUnavailable("used JWTs cannot be checked now; try again later"));
    }
  }

  private static ApiException invalidJwt(String reason, String detail) {
    return new ApiException(
        ApiError.of(ApiErrorCode.INVALID_JWT, detail)
            .atAttribute("jwtToken")
            .withMeta(Map.of("reason", reason)));
  }

  private void checkVerification(
      String subject, String token, String code, Phone sentTo, Transaction transaction)
      throws ApiException {
    VerificationResult result;
    try {
      result = otp.verify(subject, token, code, sentTo, transaction);
    } catch (InvalidOtpRequestException e) {
      throw CustomerErrors.invalid(e.field().attribute(), e.getMessage());
    } catch (OtpStoreException e) {
      throw CustomerErrors.stateUnavailable(e);
    }
    switch (result.outcome()) {
      case APPROVED -> {}
      case INCORRECT_CODE ->
          throw new ApiException(
              ApiError.of(
                      ApiErrorCode.INCORRECT_VERIFICATION_CODE,
                      "the verification code is incorrect; "
                          + result.attemptsLeft()
                          + " attempts left")
                  .atAttribute("verificationCode")
                  .withMeta(Map.of("attemptsLeft", result.attemptsLeft())));
      case EXPIRED ->
          throw verificationError(
              ApiErrorCode.VERIFICATION_EXPIRED, "the verification has expired; start a new one");
      case NOT_FOUND ->
          throw verificationError(
              ApiErrorCode.VERIFICATION_NOT_FOUND,
              "no pending verification matches this token for this customer");
      case MAX_ATTEMPTS_REACHED ->
          throw new ApiException(
              ApiError.of(
                      ApiErrorCode.VERIFICATION_ATTEMPTS_EXCEEDED,
                      "too many incorrect codes; start a new verification")
                  .atAttribute("verificationCode"));
      case CUSTOMER_LOCKED ->
          throw CustomerErrors.limitsExceeded(
              "too many incorrect codes for this customer", result.retryAfter());
    }
  }

  private static ApiException verificationError(ApiErrorCode code, String detail) {
    return new ApiException(ApiError.of(code, detail).atAttribute("verificationToken"));
  }
}
