package dev.custos.error;

/**
 * Every error Custos and its reference server answer with: the HTTP status, the stable
 * machine-readable code clients switch on (Unit's style, snake case), and a short title.
 *
 * <table>
 *   <caption>Error codes</caption>
 *   <tr><th>status</th><th>code</th><th>when</th></tr>
 *   <tr><td>400</td><td>invalid_value</td><td>a malformed document, attribute or parameter (see the source)</td></tr>
 *   <tr><td>400</td><td>incorrect_verification_code</td><td>wrong code; {@code meta.attemptsLeft}</td></tr>
 *   <tr><td>400</td><td>verification_expired</td><td>the verification is older than 10 minutes</td></tr>
 *   <tr><td>400</td><td>verification_not_found</td><td>unknown, used, superseded or another customer's</td></tr>
 *   <tr><td>400</td><td>verification_attempts_exceeded</td><td>too many wrong codes: start again</td></tr>
 *   <tr><td>400</td><td>invalid_jwt</td><td>the identity provider's {@code jwtToken} does not pass ({@code meta.reason}: malformed, algorithm, signature, issuer, audience, expired, subject, unavailable, not_configured)</td></tr>
 *   <tr><td>400</td><td>passkey_malformed_base64url</td><td>a passkey member that is not unpadded base64url</td></tr>
 *   <tr><td>400</td><td>passkey_malformed_client_data</td><td>{@code clientDataJSON} that is not the JSON WebAuthn defines</td></tr>
 *   <tr><td>400</td><td>passkey_malformed_authenticator_data</td><td>authenticator data, attestation object or public key that does not parse (CBOR, COSE)</td></tr>
 *   <tr><td>400</td><td>passkey_origin_mismatch</td><td>the browser signed for an origin not configured</td></tr>
 *   <tr><td>400</td><td>passkey_rp_id_mismatch</td><td>the authenticator signed for another relying party id</td></tr>
 *   <tr><td>400</td><td>passkey_user_not_verified</td><td>the authenticator did not verify the user (UV flag clear)</td></tr>
 *   <tr><td>400</td><td>passkey_challenge_mismatch</td><td>the browser signed another challenge, or the ceremony type is wrong</td></tr>
 *   <tr><td>400</td><td>passkey_challenge_used</td><td>a proof for a challenge already used or superseded (a replay)</td></tr>
 *   <tr><td>400</td><td>passkey_unknown_credential</td><td>no passkey of this customer has the credential id</td></tr>
 *   <tr><td>400</td><td>passkey_signature_invalid</td><td>the signature does not verify under the stored key</td></tr>
 *   <tr><td>400</td><td>passkey_counter_regressed</td><td>the signature counter did not increase: a possible clone</td></tr>
 *   <tr><td>400</td><td>passkey_algorithm_not_allowed</td><td>a new passkey's key algorithm is not allowed</td></tr>
 *   <tr><td>409</td><td>passkey_already_registered</td><td>the credential is already registered</td></tr>
 *   <tr><td>401</td><td>unauthorized</td><td>missing, malformed, invalid, expired or revoked token</td></tr>
 *   <tr><td>403</td><td>forbidden</td><td>the token lacks a scope ({@code meta} says whether it needs 2FA), or is of the wrong role</td></tr>
 *   <tr><td>403</td><td>transaction_not_bound</td><td>a payment with a token bound to no payment</td></tr>
 *   <tr><td>403</td><td>transaction_mismatch</td><td>a payment other than the one the token was minted for</td></tr>
 *   <tr><td>403</td><td>bound_token_used</td><td>a payment's token that made its payment already</td></tr>
 *   <tr><td>403</td><td>recent_verification_required</td><td>a customer token whose two-factor verification is older than allowed (passkey enrolment)</td></tr>
 *   <tr><td>403</td><td>customer_not_active</td><td>the customer exists but is not active</td></tr>
 *   <tr><td>404</td><td>customer_not_found</td><td>no customer with the path's id</td></tr>
 *   <tr><td>404</td><td>not_found</td><td>no such resource, or one of another customer than the token's</td></tr>
 *   <tr><td>405</td><td>method_not_allowed</td><td>the path exists, the method does not ({@code meta.allow})</td></tr>
 *   <tr><td>413</td><td>payload_too_large</td><td>a request document over the size limit</td></tr>
 *   <tr><td>415</td><td>unsupported_media_type</td><td>a body that is not JSON:API</td></tr>
 *   <tr><td>429</td><td>limits_exceeded</td><td>a send limit or lockout; {@link ApiError#retryAfter()}</td></tr>
 *   <tr><td>431</td><td>request_header_fields_too_large</td><td>the request's headers are over the server's bound</td></tr>
 *   <tr><td>500</td><td>internal_error</td><td>a fault of the server's own</td></tr>
 *   <tr><td>503</td><td>delivery_failed</td><td>the SMS or voice provider did not take the code</td></tr>
 *   <tr><td>503</td><td>state_unavailable</td><td>the shared state store is down, slow or full: nothing was approved; retry</td></tr>
 * </table>
 */
public enum ApiErrorCode {
  /** 400: a malformed document, attribute or parameter. */
  INVALID_VALUE(400, "invalid_value", "Invalid value"),
  /** 400: the verification code is wrong; attempts remain. */
  INCORRECT_VERIFICATION_CODE(400, "incorrect_verification_code", "Incorrect verification code"),
  /** 400: the verification's 10 minutes are over. */
  VERIFICATION_EXPIRED(400, "verification_expired", "Verification expired"),
  /** 400: no pending verification matches the token for this customer. */
  VERIFICATION_NOT_FOUND(400, "verification_not_found", "Verification not found"),
  /** 400: the identity provider's JWT does not pass; {@code meta.reason} says why. */
  INVALID_JWT(400, "invalid_jwt", "Invalid JWT"),
  /** 400: the last allowed wrong code burned the verification. */
  VERIFICATION_ATTEMPTS_EXCEEDED(400, "verification_attempts_exceeded", "Too many attempts"),
  /** 400: a passkey member is not unpadded base64url. */
  PASSKEY_MALFORMED_BASE64URL(400, "passkey_malformed_base64url", "Malformed passkey encoding"),
  /** 400: {@code clientDataJSON} is not the JSON WebAuthn defines. */
  PASSKEY_MALFORMED_CLIENT_DATA(
      400, "passkey_malformed_client_data", "Malformed passkey client data"),
  /** 400: authenticator data, attestation object or public key does not parse (CBOR, COSE). */
  PASSKEY_MALFORMED_AUTHENTICATOR_DATA(
      400, "passkey_malformed_authenticator_data", "Malformed passkey authenticator data"),
  /** 400: the browser signed for an origin that is not configured. */
  PASSKEY_ORIGIN_MISMATCH(400, "passkey_origin_mismatch", "Passkey origin mismatch"),
  /** 400: the authenticator signed for another relying party id. */
  PASSKEY_RP_ID_MISMATCH(400, "passkey_rp_id_mismatch", "Passkey relying party mismatch"),
  /** 400: the authenticator did not verify the user. */
  PASSKEY_USER_NOT_VERIFIED(400, "passkey_user_not_verified", "Passkey user not verified"),
  /** 400: the browser signed another challenge, or for another ceremony. */
  PASSKEY_CHALLENGE_MISMATCH(400, "passkey_challenge_mismatch", "Passkey challenge mismatch"),
  /** 400: the challenge was already used or superseded: a replayed proof. */
  PASSKEY_CHALLENGE_USED(400, "passkey_challenge_used", "Passkey challenge already used"),
  /** 400: no passkey of this customer has this credential id. */
  PASSKEY_UNKNOWN_CREDENTIAL(400, "passkey_unknown_credential", "Unknown passkey"),
  /** 400: the signature does not verify under the passkey's public key. */
  PASSKEY_SIGNATURE_INVALID(400, "passkey_signature_invalid", "Invalid passkey signature"),
  /** 400: the signature counter did not increase: the passkey may have been cloned. */
  PASSKEY_COUNTER_REGRESSED(400, "passkey_counter_regressed", "Passkey counter regressed"),
  /** 400: a new passkey's key algorithm is not among those allowed. */
  PASSKEY_ALGORITHM_NOT_ALLOWED(
      400, "passkey_algorithm_not_allowed", "Passkey algorithm not allowed"),
  /** 409: the credential is already registered. */
  PASSKEY_ALREADY_REGISTERED(409, "passkey_already_registered", "Passkey already registered"),
  /** 401: no valid bearer token. */
  UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
  /** 403: the token may not do this. */
  FORBIDDEN(403, "forbidden", "Forbidden"),
  /** 403: the token is bound to no payment, and a payment needs one that is. */
  TRANSACTION_NOT_BOUND(403, "transaction_not_bound", "Token not bound to a payment"),
  /** 403: the payment is not the one the token was minted for. */
  TRANSACTION_MISMATCH(403, "transaction_mismatch", "Another payment"),
  /** 403: the payment's token has been used. */
  BOUND_TOKEN_USED(403, "bound_token_used", "Payment token used"),
  /** 403: the customer token's two-factor verification is too old for this action. */
  RECENT_VERIFICATION_REQUIRED(403, "recent_verification_required", "Recent verification required"),
  /** 403: the customer exists but is not active. */
  CUSTOMER_NOT_ACTIVE(403, "customer_not_active", "Customer not active"),
  /** 403: the card exists but is not active (a cardholder token is refused for it). */
  CARD_NOT_ACTIVE(403, "card_not_active", "Card not active"),
  /** 404: no customer with the path's id. */
  CUSTOMER_NOT_FOUND(404, "customer_not_found", "Customer not found"),
  /** 404: no such resource, as far as this token may know. */
  NOT_FOUND(404, "not_found", "Not found"),
  /** 405: the path does not take this method. */
  METHOD_NOT_ALLOWED(405, "method_not_allowed", "Method not allowed"),
  /** 413: the request document is too long. */
  PAYLOAD_TOO_LARGE(413, "payload_too_large", "Payload too large"),
  /** 415: the request body is not of the JSON:API media type. */
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "Unsupported media type"),
  /** 429: a send limit or a lockout; retry later. */
  LIMITS_EXCEEDED(429, "limits_exceeded", "Limits exceeded"),
  /** 431: the request's header fields are too large for the server. */
  REQUEST_HEADER_FIELDS_TOO_LARGE(
      431, "request_header_fields_too_large", "Request header fields too large"),
  /** 500: the server failed to answer. */
  INTERNAL_ERROR(500, "internal_error", "Internal error"),
  /** 503: the SMS or voice provider did not take the code. */
  DELIVERY_FAILED(503, "delivery_failed", "Delivery failed"),
  /** 503: the state store is unreachable or full; nothing was approved. */
  STATE_UNAVAILABLE(503, "state_unavailable", "State unavailable");

  private final int status;
  private final String code;
  private final String title;

  ApiErrorCode(int status, String code, String title) {
    this.status = status;
    this.code = code;
    this.title = title;
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status, 400 to 599
   */
  public int status() {
    return status;
  }

  /**
   * Returns the stable code sent to clients, such as {@code invalid_value}.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * Returns the short summary sent as the error's {@code title}.
   *
   * @return the title
   */
  public String title() {
    return title;
  }
}
