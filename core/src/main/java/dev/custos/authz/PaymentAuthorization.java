package dev.custos.authz;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.Transaction;
import dev.custos.token.VerifiedToken;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A payment made with a token bound to it (PSD2's dynamic linking; {@code authorizer.payments()}):
 * the token must carry this very payment's digest, and is used up by its first payment, on every
 * instance sharing the revocation store.
 *
 * <pre>{@code
 * VerifiedToken caller = authorizer.authenticate(header);
 * authorizer.payments().authorize(caller, Transaction.of(amount, currency, payee));
 * // ... make the payment: this token can make no other, nor this one again
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class PaymentAuthorization {
  private final RequestAuthorizer authorizer;

  PaymentAuthorization(RequestAuthorizer authorizer) {
    this.authorizer = authorizer;
  }

  /**
   * Authorizes one payment and uses the token up: the token must be bound to a payment, that
   * payment must be this one (amount, currency, payee, payee account and reference alike, compared
   * by digest in constant time), and no payment may have used it before.
   *
   * @param principal the authenticated caller
   * @param payment the payment asked for, as the request states it
   * @throws ApiException 403 {@code transaction_not_bound} for a token bound to no payment, 403
   *     {@code transaction_mismatch} for another payment (it never says which element differs), 403
   *     {@code bound_token_used} for a token that made its payment already; 503 {@code
   *     state_unavailable} when the revocation store cannot answer (nothing is paid then)
   * @throws NullPointerException if an argument is null
   */
  public void authorize(VerifiedToken principal, Transaction payment) throws ApiException {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(payment, "payment");
    byte[] bound = principal.transactionDigest().orElse(null);
    if (bound == null) {
      throw new ApiException(
          ApiError.of(
              ApiErrorCode.TRANSACTION_NOT_BOUND,
              "this token is bound to no payment: mint one for the payment (transaction)"));
    }
    if (!MessageDigest.isEqual(bound, payment.digest())) {
      throw new ApiException(
          ApiError.of(
              ApiErrorCode.TRANSACTION_MISMATCH,
              "this token approves another payment; start a verification for this one"));
    }
    boolean first;
    try {
      first = authorizer.useOnce(principal);
    } catch (RevocationStoreException e) {
      throw new ApiException(
          ApiError.stateUnavailable("the payment's token cannot be used up now; try again later"));
    }
    if (!first) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.BOUND_TOKEN_USED, "this token has made its payment already"));
    }
  }
}
