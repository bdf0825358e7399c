package dev.custos.authz;

import dev.custos.authz.AuthorizationListener.Denial;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.scopes.Scope;
import dev.custos.scopes.TokenRole;
import dev.custos.token.TokenVerificationException;
import dev.custos.token.VerifiedToken;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every refusal the authorizer makes, each told to the listener with its reason before it is
 * thrown: the one shape of a 401, a 403 for a scope, a 404 for a resource out of reach.
 */
final class Refusals {
  private final AuthorizationListener listener;

  Refusals(AuthorizationListener listener) {
    this.listener = listener;
  }

  /** Tells the listener why, and hands the refusal back to be thrown. */
  ApiException deny(Denial denial, ApiException refusal) {
    try {
      listener.denied(denial);
    } catch (RuntimeException e) {
      // A broken metrics binding must not change who is let in.
    }
    return refusal;
  }

  /**
   * The 403 for a scope the token lacks: named, with whether a customer token holding it needs
   * two-factor verification, whether this token may be upgraded to it (its {@code
   * upgradableScope}), and RFC 6750's {@code insufficient_scope} challenge.
   */
  ApiException missingScope(VerifiedToken principal, Scope requiredScope) {
    boolean twoFactor = principal.role() == TokenRole.CUSTOMER && requiredScope.requiresTwoFactor();
    boolean upgradable = principal.upgradableScopes().contains(requiredScope);
    return deny(
        Denial.MISSING_SCOPE,
        new ApiException(
            ApiError.of(
                    ApiErrorCode.FORBIDDEN,
                    "the token lacks scope "
                        + requiredScope.name()
                        + (twoFactor
                            ? "; a customer token holding it must be created after two-factor"
                                + " verification"
                            : "")
                        + (upgradable ? "; the token may be upgraded to it" : ""))
                .withMeta(scopeFacts(requiredScope, twoFactor, upgradable))
                .withAuthenticate(
                    "Bearer error=\"insufficient_scope\", scope=\""
                        + requiredScope.name()
                        + "\"")));
  }

  private static Map<String, Object> scopeFacts(
      Scope requiredScope, boolean twoFactor, boolean upgradable) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("requiredScope", requiredScope.name());
    facts.put("twoFactorRequired", twoFactor);
    facts.put("upgradable", upgradable);
    return facts;
  }

  /**
   * The 401 for a two-factor verification that is missing or older than a route allows: RFC 9470's
   * {@code insufficient_user_authentication} challenge with the {@code max_age} it needs.
   */
  ApiException staleTwoFactor(VerifiedToken principal, Duration maxAge) {
    long seconds = maxAge.toSeconds();
    String detail =
        principal.twoFactorVerified()
            ? "the two-factor verification is older than " + seconds + " seconds"
            : "the token was not created after two-factor verification";
    return deny(
        Denial.STALE_TWO_FACTOR,
        new ApiException(
            ApiError.of(ApiErrorCode.UNAUTHORIZED, detail)
                .withMeta(Map.of("maxAge", seconds))
                .withAuthenticate(
                    "Bearer error=\"insufficient_user_authentication\", error_description=\""
                        + quoted(detail)
                        + "\", max_age="
                        + seconds)));
  }

  /** Another customer's resource, or one outside the token's resources: both look absent. */
  ApiException noSuchResource(Denial denial) {
    return deny(denial, new ApiException(ApiError.of(ApiErrorCode.NOT_FOUND, "no such resource")));
  }

  /** A 403 of another kind (a source address, another customer, a delegation beyond reach). */
  ApiException forbidden(Denial denial, ApiError error) {
    return deny(denial, new ApiException(error));
  }

  /** A verifier's refusal as the 401 a client sees. */
  ApiException unverified(TokenVerificationException e) {
    return deny(
        e.reason() == TokenVerificationException.Reason.EXPIRED
            ? Denial.EXPIRED_TOKEN
            : Denial.INVALID_TOKEN,
        invalidToken(describe(e.reason())));
  }

  private static String describe(TokenVerificationException.Reason reason) {
    return switch (reason) {
      case EXPIRED -> "the token has expired";
      case NOT_YET_VALID -> "the token is not valid yet";
      case UNSUPPORTED_VERSION -> "the token is not of a supported version";
      case UNKNOWN_KEY, BAD_SIGNATURE -> "the token's signature is not valid";
      case MALFORMED, INVALID_CLAIMS -> "the token is malformed";
    };
  }

  /** No credentials of ours: RFC 6750 says the challenge carries no error code then. */
  static ApiException unauthorized(String detail) {
    return new ApiException(
        ApiError.of(ApiErrorCode.UNAUTHORIZED, detail).withAuthenticate("Bearer"));
  }

  /** A bearer token that is malformed, invalid, expired or revoked. */
  static ApiException invalidToken(String detail) {
    return new ApiException(
        ApiError.of(ApiErrorCode.UNAUTHORIZED, detail)
            .withAuthenticate(
                "Bearer error=\"invalid_token\", error_description=\"" + quoted(detail) + "\""));
  }

  /** RFC 7230 quoted-string content: no quote or backslash, no control character. */
  private static String quoted(String text) {
    return text.replaceAll("[\"\\\\\\p{Cntrl}]", "'");
  }
}
