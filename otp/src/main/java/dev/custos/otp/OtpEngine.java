package dev.custos.otp;

/**
 * Starts one-time-code challenges and checks the codes that come back: the second factor before a
 * customer token with sensitive scopes is minted.
 *
 * <pre>{@code
 * OtpEngine otp = OtpEngine.builder().brand("Acme").sender(smsAndVoice).build();
 *
 * VerificationChallenge challenge =
 *     otp.start(ChallengeRequest.sms("100042", Phone.of("1", "5555550100")));
 * // ... the customer receives "Your Acme verification code is 123456. It expires in 10
 * // minutes." and types it in ...
 * switch (otp.verify("100042", challenge.verificationToken(), typedCode).outcome()) {
 *   case APPROVED -> mintToken();
 *   case INCORRECT_CODE -> askAgain();
 *   case EXPIRED, NOT_FOUND, MAX_ATTEMPTS_REACHED -> startOver();
 *   case CUSTOMER_LOCKED -> tellToWait();
 * }
 * }</pre>
 *
 * <p>Each customer has at most one pending challenge: starting a new one supersedes the last. A
 * challenge lives a fixed time from its start (10 minutes by default), allows a limited number of
 * checks (5), and is consumed by the first right code. Sends are limited per phone, per customer
 * and optionally overall; consecutive wrong codes across a customer's challenges lock the customer
 * out for a while. {@link OtpEngineBuilder} documents every limit.
 *
 * <p>Implementations are thread-safe: every limit and the single use of a challenge hold under any
 * concurrency.
 *
 * <p>Compatibility: implemented by Custos only (get one from its builder). A minor release may add
 * methods to it; do not implement it.
 */
public interface OtpEngine {
  /**
   * Returns a builder for an engine.
   *
   * @return a new builder with the default limits
   */
  static OtpEngineBuilder builder() {
    return new OtpEngineBuilder();
  }

  /**
   * Starts a challenge: checks the limits, sends the customer a new code through the {@link
   * OtpSender}, and makes it the customer's pending challenge, superseding any earlier one.
   *
   * <p>Nothing is half-done: if a limit refuses or the sender fails, no code is pending for the
   * customer afterwards that was not pending before.
   *
   * @param request who to send a code to, how, and in which language
   * @return the challenge: its verification token and expiry
   * @throws RateLimitedException if a send limit, the customer's lockout or the engine's capacity
   *     refuses the request; nothing was sent
   * @throws DeliveryFailedException if the sender threw; no challenge was created
   * @throws InvalidOtpRequestException if the request's language has no template, or its country
   *     code is not allowed
   * @throws OtpStoreException if the store cannot be reached or is full; no challenge is pending
   *     (if the store failed after delivery, the customer got a code that will not be accepted)
   * @throws NullPointerException if {@code request} is null
   */
  VerificationChallenge start(ChallengeRequest request) throws OtpStartException;

  /**
   * Checks a code against the customer's pending challenge.
   *
   * <p>Never throws for a wrong, forged or stale token: every such case is an outcome. A right code
   * consumes the challenge, so under any concurrency exactly one call gets {@link
   * VerificationOutcome#APPROVED} for it.
   *
   * @param customerId the customer the challenge was started for
   * @param verificationToken the token {@link #start} returned
   * @param code the code the customer typed
   * @return the outcome, with attempts left or the time to wait where it applies
   * @throws InvalidOtpRequestException if {@code customerId} is null or invalid, {@code
   *     verificationToken} is null, or {@code code} is not exactly six ASCII digits
   * @throws OtpStoreException if the store cannot be reached (or is full); nothing was approved
   */
  default VerificationResult verify(String customerId, String verificationToken, String code) {
    return verify(customerId, verificationToken, code, null, null);
  }

  /**
   * Checks a code as {@link #verify(String, String, String)} does, only if it was sent to this
   * phone (a verification token says which phone got its code): a business's authorized user is
   * verified by a code sent to that user's phone, not the contact's or another user's. A code sent
   * elsewhere is {@link VerificationOutcome#NOT_FOUND}, without touching the store.
   *
   * @param customerId the customer the challenge was started for
   * @param verificationToken the token {@link #start} returned
   * @param code the code the customer typed
   * @param sentTo the phone the code must have been sent to; null for any
   * @return the outcome
   * @throws InvalidOtpRequestException as {@link #verify(String, String, String)}
   * @throws OtpStoreException if the store cannot be reached (or is full); nothing was approved
   */
  default VerificationResult verify(
      String customerId, String verificationToken, String code, Phone sentTo) {
    return verify(customerId, verificationToken, code, sentTo, null);
  }

  /**
   * Checks a code as {@link #verify(String, String, String, Phone)} does, for the payment it was
   * sent for: a code of a challenge bound to a transaction ({@link
   * ChallengeRequest#withTransaction}) is right only with that very transaction, and a code of an
   * unbound challenge only without one. Any other transaction, or none, is a wrong code, counted as
   * one, and the outcome never says which element differed. With {@link
   * OtpEngineBuilder#article4()} a payment's wrong codes lock the customer out after 5 in a row.
   *
   * @param customerId the customer the challenge was started for
   * @param verificationToken the token {@link #start} returned
   * @param code the code the customer typed
   * @param sentTo the phone the code must have been sent to; null for any
   * @param transaction the payment the code must approve; null for a challenge of none
   * @return the outcome
   * @throws InvalidOtpRequestException as {@link #verify(String, String, String)}
   * @throws OtpStoreException if the store cannot be reached (or is full); nothing was approved
   */
  VerificationResult verify(
      String customerId,
      String verificationToken,
      String code,
      Phone sentTo,
      Transaction transaction);

  /**
   * Starts a device challenge: a challenge answered by the customer's device signing random bytes
   * (a passkey's WebAuthn assertion or registration) rather than by a typed code. Nothing is sent.
   * It is the customer's pending challenge like any other: it supersedes the last one, expires
   * after the challenge lifetime, allows the same attempts, counts against the customer's send
   * window and is refused while the customer is locked out; its failures count towards the lockout.
   *
   * @param customerId the customer
   * @return the challenge: its verification token, the bytes to sign, its expiry
   * @throws RateLimitedException if the customer's window or lockout refuses; nothing is pending
   * @throws InvalidOtpRequestException if {@code customerId} is null or invalid
   * @throws OtpStoreException if the store cannot be reached or is full; nothing is pending
   */
  default DeviceChallenge startDeviceChallenge(String customerId) throws RateLimitedException {
    return startDeviceChallenge(customerId, null);
  }

  /**
   * Starts a device challenge for one payment: its bytes are derived with the transaction's digest,
   * so the device signs that payment, and {@link #verifyDevice(String, String, Transaction,
   * DeviceProof)} must name the same one.
   *
   * @param customerId the customer
   * @param transaction the payment; null for none
   * @return the challenge
   * @throws RateLimitedException as {@link #startDeviceChallenge(String)}
   * @throws InvalidOtpRequestException if {@code customerId} is null or invalid
   * @throws OtpStoreException if the store cannot be reached or is full; nothing is pending
   */
  DeviceChallenge startDeviceChallenge(String customerId, Transaction transaction)
      throws RateLimitedException;

  /**
   * Checks a device's answer to a device challenge: derives the challenge from the token, asks the
   * proof whether the device signed it, and lets the store consume the challenge (a passing proof)
   * or count a failure (a failing one) in one atomic step, so under any concurrency exactly one
   * call gets {@link VerificationOutcome#APPROVED} for a challenge. A token that is forged, another
   * customer's, or a code challenge's is {@link VerificationOutcome#NOT_FOUND} and an expired one
   * {@link VerificationOutcome#EXPIRED}, both without calling the proof or touching the store.
   *
   * @param customerId the customer the challenge was started for
   * @param verificationToken the token {@link #startDeviceChallenge} returned
   * @param proof checks the device's answer against the challenge
   * @return the outcome; {@link VerificationOutcome#INCORRECT_CODE} when the proof failed
   * @throws InvalidOtpRequestException if {@code customerId} is null or invalid or {@code
   *     verificationToken} is null
   * @throws OtpStoreException if the store cannot be reached; nothing was approved
   * @throws NullPointerException if {@code proof} is null
   * @throws RuntimeException whatever the proof throws, unchanged: nothing was consumed or counted
   */
  default VerificationResult verifyDevice(
      String customerId, String verificationToken, DeviceProof proof) {
    return verifyDevice(customerId, verificationToken, null, proof);
  }

  /**
   * Checks a device's answer as {@link #verifyDevice(String, String, DeviceProof)} does, for the
   * payment the challenge was started for: the proof is given the bytes derived with this
   * transaction's digest, so a device that signed another payment (or none) fails, and the store's
   * answer is keyed to it too.
   *
   * @param customerId the customer the challenge was started for
   * @param verificationToken the token {@link #startDeviceChallenge} returned
   * @param transaction the payment; null for a challenge of none
   * @param proof checks the device's answer against the challenge
   * @return the outcome
   * @throws InvalidOtpRequestException as {@link #verifyDevice(String, String, DeviceProof)}
   * @throws OtpStoreException if the store cannot be reached; nothing was approved
   * @throws NullPointerException if {@code proof} is null
   * @throws RuntimeException whatever the proof throws, unchanged: nothing was consumed or counted
   */
  VerificationResult verifyDevice(
      String customerId, String verificationToken, Transaction transaction, DeviceProof proof);

  /**
   * Returns the engine's counters. Challenges whose lifetime has ended are dropped first, so {@link
   * OtpStats#pendingChallenges()} counts only live ones.
   *
   * @return a snapshot of the counters
   */
  OtpStats stats();

  /**
   * Forgets a customer's consecutive wrong codes and ends any lockout, including one that lasts
   * until unlocked: for the host, once it has made sure who the customer is.
   *
   * @param customerId the customer
   * @throws InvalidOtpRequestException if {@code customerId} is null or invalid
   * @throws OtpStoreException if the store cannot be reached
   */
  void unlock(String customerId);
}
