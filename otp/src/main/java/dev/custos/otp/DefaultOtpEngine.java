package dev.custos.otp;

import dev.custos.otp.InvalidOtpRequestException.Field;
import dev.custos.otp.spi.ChallengeRecord;
import dev.custos.otp.spi.CheckResult;
import dev.custos.otp.spi.LockoutPolicy;
import dev.custos.otp.spi.OtpStore;
import dev.custos.otp.spi.OtpStore.Scope;
import dev.custos.otp.spi.SendDecision;
import dev.custos.otp.spi.SendLimit;
import dev.custos.otp.spi.SendSlot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine: limits, then delivery, then state; see {@link OtpEngine} for the contract. */
final class DefaultOtpEngine implements OtpEngine {
  private static final Logger log = LoggerFactory.getLogger(OtpEngine.class);
  private static final String GLOBAL_ID = "global";
  // A device challenge's store entry holds the MAC of one of these in place of a code: the engine
  // sends the first after a passing proof, the second after a failing one. Neither is six digits,
  // so no typed code matches either.
  private static final String DEVICE_PROVEN = "device proven";
  private static final String DEVICE_REFUSED = "device refused";

  private final String brand;
  private final OtpSender sender;
  private final MessageTemplates templates;
  private final Clock clock;
  private final OtpCrypto crypto;
  private final OtpStore store;
  private final long lifetimeMillis;
  private final int maxAttempts;
  private final SendLimit phoneLimit;
  private final SendLimit customerLimit;
  private final SendLimit globalLimit;
  private final Set<String> allowedCountryCodes;
  private final LockoutPolicy lockoutPolicy;
  private final LockoutPolicy paymentLockoutPolicy;
  private final OtpListener listener;

  private final LongAdder started = new LongAdder();
  private final LongAdder deliveryFailures = new LongAdder();
  private final EnumMap<RateLimit, LongAdder> rateLimited = adders(RateLimit.class);
  private final EnumMap<VerificationOutcome, LongAdder> outcomes =
      adders(VerificationOutcome.class);

  DefaultOtpEngine(OtpEngineBuilder b, OtpCrypto crypto) {
    this.brand = b.brand;
    this.sender = b.sender;
    this.templates = b.templates;
    this.clock = b.clock;
    this.crypto = crypto;
    this.store =
        b.store != null
            ? b.store
            // Each pending challenge keeps its customer's and its phone's send windows, and all
            // share the global one: 2N + 1 windows, so that N challenges fit.
            : new CaffeineOtpStore(b.maxPendingChallenges, 2 * b.maxPendingChallenges + 1, b.clock);
    this.lifetimeMillis = b.challengeLifetime.toMillis();
    this.maxAttempts = b.maxAttempts;
    this.phoneLimit =
        SendLimit.of(RateLimit.PHONE_SENDS, b.maxSendsPerPhone, b.sendWindow, b.resendCooldown);
    this.customerLimit =
        SendLimit.of(RateLimit.CUSTOMER_SENDS, b.maxSendsPerCustomer, b.sendWindow, Duration.ZERO);
    this.globalLimit =
        b.maxSendsPerMinute == 0
            ? null
            : SendLimit.of(
                RateLimit.GLOBAL_SENDS, b.maxSendsPerMinute, Duration.ofMinutes(1), Duration.ZERO);
    this.allowedCountryCodes = b.allowedCountryCodes;
    this.lockoutPolicy =
        LockoutPolicy.of(
            b.maxConsecutiveFailures, b.lockout, b.permanentLockoutAfter, b.failureMemory);
    // PSD2 RTS Article 4: at most 5 consecutive failed authentications before a block.
    this.paymentLockoutPolicy =
        b.article4
            ? LockoutPolicy.of(
                Math.min(5, b.maxConsecutiveFailures),
                b.lockout,
                b.permanentLockoutAfter,
                b.failureMemory)
            : null;
    this.listener = b.listener;
  }

  @Override
  public VerificationChallenge start(ChallengeRequest request) throws OtpStartException {
    Objects.requireNonNull(request, "request");
    String customerId = request.customerId();
    MessageTemplates.Template template = templates.template(request.language());
    if (template == null) {
      throw new InvalidOtpRequestException(
          Field.LANGUAGE,
          "no message template for this language; available: " + templates.languages());
    }
    Phone phone = request.phone();
    if (!allowedCountryCodes.isEmpty() && !allowedCountryCodes.contains(phone.countryCode())) {
      throw new InvalidOtpRequestException(Field.PHONE, "country code is not allowed");
    }

    Transaction transaction = request.transaction().orElse(null);
    if (transaction != null && !template.hasPayment()) {
      throw new InvalidOtpRequestException(
          Field.LANGUAGE,
          "no payment template for this language; add payment.sms and payment.call");
    }

    long now = clock.millis();
    String code = crypto.newCode();
    // Rendered before any limit is counted: a payment whose payee cannot fit refuses cleanly.
    String body =
        transaction == null
            ? template.render(request.channel(), brand, code, request.appHash().orElse(null))
            : template.renderPayment(request.channel(), brand, code, transaction);
    if (body == null) {
      throw new InvalidOtpRequestException(
          Field.LANGUAGE, "the brand leaves no room for the payee in one SMS in this language");
    }
    byte[] challengeId = crypto.newChallengeId();
    long expiresAtMillis = Math.addExact(now, lifetimeMillis);
    byte[] digest = transaction == null ? null : transaction.digest();
    ChallengeRecord challenge =
        ChallengeRecord.of(
            challengeId, crypto.codeTag(challengeId, code, digest), expiresAtMillis, maxAttempts);
    byte[] phoneDigest = crypto.phoneDigest(phone);
    List<SendSlot> slots = new ArrayList<>(3);
    slots.add(SendSlot.of(Scope.CUSTOMER, customerId, customerLimit));
    slots.add(SendSlot.of(Scope.PHONE, OtpCrypto.phoneId(phoneDigest), phoneLimit));
    if (globalLimit != null) {
      slots.add(SendSlot.of(Scope.GLOBAL, GLOBAL_ID, globalLimit));
    }
    reserveSends(customerId, slots, challenge, now);

    OtpMessage message =
        new OtpMessage(customerId, request.channel(), phone, request.language(), body, code);
    try {
      sender.send(message);
    } catch (Exception | LinkageError e) {
      deliveryFailures.increment();
      log.warn(
          "OTP delivery failed: customer={}, channel={}, phone={}, error={}",
          customerId,
          request.channel(),
          phone.masked(),
          e.getClass().getName());
      DeliveryFailedException failed = new DeliveryFailedException(request.channel(), e);
      abandon(customerId, challengeId, now, failed);
      throw failed;
    }

    // Pending only once delivered: a failed send leaves the customer's earlier challenge pending.
    store.confirmChallenge(customerId, challenge, now);
    started.increment();
    log.info(
        "OTP challenge started: customer={}, channel={}, phone={}, language={}{}",
        customerId,
        request.channel(),
        phone.masked(),
        request.language(),
        transaction == null ? "" : ", payment");
    return new VerificationChallenge(
        crypto.token(customerId, challengeId, expiresAtMillis, phoneDigest, transaction != null),
        Instant.ofEpochMilli(expiresAtMillis));
  }

  /**
   * Counts one send against every limit, or none: the windows are asked at once (a store may store
   * the challenge in the same step), and those that counted the send give it back when another
   * refused. The customer's window comes first in the report: it also refuses a locked-out
   * customer.
   */
  private void reserveSends(
      String customerId, List<SendSlot> slots, ChallengeRecord challenge, long now)
      throws RateLimitedException {
    List<SendDecision> decisions = store.startChallenge(customerId, slots, challenge, now);
    SendDecision refusal = null;
    for (SendDecision d : decisions) {
      if (!d.isAcquired()) {
        refusal = d;
        break;
      }
    }
    if (refusal == null) {
      return;
    }
    for (int i = 0; i < slots.size(); i++) {
      if (decisions.get(i).isAcquired()) {
        store.releaseSend(slots.get(i).scope(), slots.get(i).id(), now, decisions.get(i).sendId());
      }
    }
    RateLimitedException refused = refused(customerId, refusal);
    abandon(customerId, challenge.challengeId(), now, refused);
    throw refused;
  }

  @Override
  public DeviceChallenge startDeviceChallenge(String customerId, Transaction transaction)
      throws RateLimitedException {
    Inputs.checkCustomerId(customerId);
    long now = clock.millis();
    byte[] challengeId = crypto.newChallengeId();
    long expiresAtMillis = Math.addExact(now, lifetimeMillis);
    byte[] digest = transaction == null ? null : transaction.digest();
    ChallengeRecord challenge =
        ChallengeRecord.of(
            challengeId,
            crypto.codeTag(challengeId, DEVICE_PROVEN, digest),
            expiresAtMillis,
            maxAttempts);
    // Nothing is sent, so no phone or global window: the customer's window (with its lockout).
    reserveSends(
        customerId,
        List.of(SendSlot.of(Scope.CUSTOMER, customerId, customerLimit)),
        challenge,
        now);
    store.confirmChallenge(customerId, challenge, now);
    started.increment();
    log.info("device challenge started: customer={}, payment={}", customerId, transaction != null);
    return new DeviceChallenge(
        crypto.token(
            customerId, challengeId, expiresAtMillis, crypto.deviceMarker(), transaction != null),
        crypto.deviceChallenge(challengeId, digest),
        Instant.ofEpochMilli(expiresAtMillis));
  }

  @Override
  public VerificationResult verifyDevice(
      String customerId, String verificationToken, Transaction transaction, DeviceProof proof) {
    Inputs.checkCustomerId(customerId);
    if (verificationToken == null) {
      throw new InvalidOtpRequestException(Field.VERIFICATION_TOKEN, "is required");
    }
    Objects.requireNonNull(proof, "proof");
    VerificationResult result = checkDevice(customerId, verificationToken, transaction, proof);
    outcomes.get(result.outcome()).increment();
    log.info("device verification: customer={}, outcome={}", customerId, result.outcome());
    return result;
  }

  private VerificationResult checkDevice(
      String customerId, String verificationToken, Transaction transaction, DeviceProof proof) {
    OtpCrypto.ParsedToken token = crypto.parse(customerId, verificationToken);
    if (token == null || !crypto.isDevice(token)) {
      return VerificationResult.of(VerificationOutcome.NOT_FOUND);
    }
    long now = clock.millis();
    if (now >= token.expiresAtMillis) {
      return VerificationResult.of(VerificationOutcome.EXPIRED);
    }
    byte[] digest = transaction == null ? null : transaction.digest();
    boolean proven = proof.proves(crypto.deviceChallenge(token.challengeId, digest));
    byte[] tag = crypto.codeTag(token.challengeId, proven ? DEVICE_PROVEN : DEVICE_REFUSED, digest);
    return decided(
        customerId,
        token,
        store.check(customerId, token.challengeId, tag, token.expiresAtMillis, now, policy(token)));
  }

  /**
   * Ends a start that will not finish. The start's own failure is what the caller must see: a store
   * failure here is added to it, and leaves at worst a challenge pending whose code no one has.
   */
  private void abandon(String customerId, byte[] challengeId, long now, Exception cause) {
    try {
      store.abandonChallenge(customerId, challengeId, now);
    } catch (OtpStoreException e) {
      cause.addSuppressed(e);
    }
  }

  private RateLimitedException refused(String customerId, SendDecision decision) {
    rateLimited.get(decision.refusedBy()).increment();
    log.info("OTP start refused: customer={}, limit={}", customerId, decision.refusedBy());
    return new RateLimitedException(
        decision.refusedBy(), Duration.ofMillis(decision.retryAfterMillis()));
  }

  @Override
  public void unlock(String customerId) {
    Inputs.checkCustomerId(customerId);
    store.unlock(customerId);
    log.info("OTP customer unlocked by the host: customer={}", customerId);
  }

  @Override
  public VerificationResult verify(
      String customerId,
      String verificationToken,
      String code,
      Phone sentTo,
      Transaction transaction) {
    Inputs.checkCustomerId(customerId);
    if (verificationToken == null) {
      throw new InvalidOtpRequestException(Field.VERIFICATION_TOKEN, "is required");
    }
    Inputs.checkCode(code);

    VerificationResult result = check(customerId, verificationToken, code, sentTo, transaction);
    outcomes.get(result.outcome()).increment();
    log.info("OTP verification: customer={}, outcome={}", customerId, result.outcome());
    return result;
  }

  private VerificationResult check(
      String customerId,
      String verificationToken,
      String code,
      Phone sentTo,
      Transaction transaction) {
    OtpCrypto.ParsedToken token = crypto.parse(customerId, verificationToken);
    // A code sent to another phone is no challenge of this one, nor is a device's challenge:
    // answered before the store is.
    if (token == null
        || crypto.isDevice(token)
        || (sentTo != null && !crypto.sentTo(token, sentTo))) {
      return VerificationResult.of(VerificationOutcome.NOT_FOUND);
    }
    byte[] digest = transaction == null ? null : transaction.digest();
    return decided(
        customerId,
        token,
        store.check(
            customerId,
            token.challengeId,
            crypto.codeTag(token.challengeId, code, digest),
            token.expiresAtMillis,
            clock.millis(),
            policy(token)));
  }

  /** A payment's checks lock out after 5 consecutive failures in Article 4 mode. */
  private LockoutPolicy policy(OtpCrypto.ParsedToken token) {
    return token.bound && paymentLockoutPolicy != null ? paymentLockoutPolicy : lockoutPolicy;
  }

  /** The store's answer as a result, the listener told of a lockout it caused. */
  private VerificationResult decided(
      String customerId, OtpCrypto.ParsedToken token, CheckResult checked) {
    long lock = checked.lockedOutMillis();
    if (lock > 0) {
      try {
        listener.customerLockedOut(
            customerId,
            lock == Long.MAX_VALUE
                ? java.util.Optional.empty()
                : java.util.Optional.of(Duration.ofMillis(lock)),
            token.bound);
      } catch (RuntimeException e) {
        log.warn("OTP listener threw: {}", e.getClass().getName());
      }
    }
    return result(checked);
  }

  private static VerificationResult result(CheckResult checked) {
    // The one place a verification result is made from a store's answer: only the engine does.
    return switch (checked.outcome()) {
      case APPROVED -> VerificationResult.of(VerificationOutcome.APPROVED);
      case INCORRECT_CODE -> VerificationResult.incorrectCode(checked.attemptsLeft());
      case MAX_ATTEMPTS_REACHED -> VerificationResult.of(VerificationOutcome.MAX_ATTEMPTS_REACHED);
      case EXPIRED -> VerificationResult.of(VerificationOutcome.EXPIRED);
      case NOT_FOUND -> VerificationResult.of(VerificationOutcome.NOT_FOUND);
      case CUSTOMER_LOCKED ->
          VerificationResult.customerLocked(Duration.ofMillis(checked.retryAfterMillis()));
    };
  }

  @Override
  public OtpStats stats() {
    EnumMap<RateLimit, Long> limits = new EnumMap<>(RateLimit.class);
    rateLimited.forEach((limit, adder) -> limits.put(limit, adder.sum()));
    EnumMap<VerificationOutcome, Long> verifications = new EnumMap<>(VerificationOutcome.class);
    outcomes.forEach((outcome, adder) -> verifications.put(outcome, adder.sum()));
    return new OtpStats(
        started.sum(), deliveryFailures.sum(), limits, verifications, store.pendingChallenges());
  }

  @Override
  public String toString() {
    return "OtpEngine[brand=" + brand + ", languages=" + templates.languages().size() + "]";
  }

  private static <E extends Enum<E>> EnumMap<E, LongAdder> adders(Class<E> type) {
    EnumMap<E, LongAdder> map = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) {
      map.put(e, new LongAdder());
    }
    return map;
  }
}
