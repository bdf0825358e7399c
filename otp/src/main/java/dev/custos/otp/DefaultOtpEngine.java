package dev.custos.otp;

import dev.custos.otp.InvalidOtpRequestException.Field;
import dev.custos.otp.SendWindow.Attempt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine: limits, then delivery, then state; see {@link OtpEngine} for the contract. */
final class DefaultOtpEngine implements OtpEngine {
  private static final Logger log = LoggerFactory.getLogger(OtpEngine.class);
  private static final String GLOBAL_KEY = "global";
  private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

  private final String brand;
  private final OtpSender sender;
  private final MessageTemplates templates;
  private final Clock clock;
  private final OtpCrypto crypto;
  private final OtpStore store;
  private final long lifetimeMillis;
  private final long lifetimeNanos;
  private final int maxAttempts;
  private final int maxSendsPerPhone;
  private final int maxSendsPerCustomer;
  private final long sendWindowNanos;
  private final long cooldownNanos;
  private final int maxSendsPerMinute;
  private final Set<String> allowedCountryCodes;
  private final int maxConsecutiveFailures;
  private final long lockoutNanos;
  private final long failureMemoryNanos;
  private final long maxPendingChallenges;

  private final LongAdder started = new LongAdder();
  private final LongAdder deliveryFailures = new LongAdder();
  private final EnumMap<RateLimit, LongAdder> rateLimited = adders(RateLimit.class);
  private final EnumMap<VerificationOutcome, LongAdder> outcomes =
      adders(VerificationOutcome.class);

  DefaultOtpEngine(OtpEngine.Builder b, OtpCrypto crypto) {
    this.brand = b.brand;
    this.sender = b.sender;
    this.templates = b.templates;
    this.clock = b.clock;
    this.crypto = crypto;
    this.store =
        new CaffeineOtpStore(b.maxPendingChallenges, 2 * b.maxPendingChallenges, this::nanos);
    this.lifetimeMillis = b.challengeLifetime.toMillis();
    this.lifetimeNanos = b.challengeLifetime.toNanos();
    this.maxAttempts = b.maxAttempts;
    this.maxSendsPerPhone = b.maxSendsPerPhone;
    this.maxSendsPerCustomer = b.maxSendsPerCustomer;
    this.sendWindowNanos = b.sendWindow.toNanos();
    this.cooldownNanos = b.resendCooldown.toNanos();
    this.maxSendsPerMinute = b.maxSendsPerMinute;
    this.allowedCountryCodes = b.allowedCountryCodes;
    this.maxConsecutiveFailures = b.maxConsecutiveFailures;
    this.lockoutNanos = b.lockout.toNanos();
    this.failureMemoryNanos = OtpEngine.Builder.FAILURE_MEMORY.toNanos();
    this.maxPendingChallenges = b.maxPendingChallenges;
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

    long now = nanos();
    reserveSends(customerId, phone, now);

    String code = crypto.newCode();
    String body = template.render(request.channel(), brand, code, request.appHash().orElse(null));
    OtpMessage message =
        new OtpMessage(customerId, request.channel(), phone, request.language(), body);
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
      throw new DeliveryFailedException(request.channel(), e);
    }

    // Stored only once delivered: a failed send leaves the customer's state as it was.
    long idHi = crypto.randomLong();
    long idLo = crypto.randomLong();
    long[] tag = crypto.codeTag(idHi, idLo, code);
    long expiresAtMillis = Math.addExact(clock.millis(), lifetimeMillis);
    store.putChallenge(
        customerId,
        new PendingChallenge(
            idHi, idLo, tag[0], tag[1], expiresAtMillis, now + lifetimeNanos, maxAttempts));
    started.increment();
    log.info(
        "OTP challenge started: customer={}, channel={}, phone={}, language={}",
        customerId,
        request.channel(),
        phone.masked(),
        request.language());
    return new VerificationChallenge(
        crypto.token(customerId, idHi, idLo, expiresAtMillis),
        Instant.ofEpochMilli(expiresAtMillis));
  }

  /**
   * Counts one send against every limit, or none: a limit that refuses takes back what the limits
   * before it counted.
   */
  private void reserveSends(String customerId, Phone phone, long now) throws RateLimitedException {
    FailureCount failures = store.failures(customerId);
    if (failures != null && failures.lockRemaining(now) > 0) {
      throw refused(customerId, RateLimit.CUSTOMER_LOCKED, failures.lockRemaining(now));
    }
    if (store.pendingChallenges() >= maxPendingChallenges) {
      // The count may include challenges that just expired: drop them before refusing anyone.
      store.cleanUp();
      if (store.pendingChallenges() >= maxPendingChallenges) {
        throw refused(customerId, RateLimit.CAPACITY, MINUTE_NANOS);
      }
    }
    String phoneKey = "phone:" + phone.e164();
    String customerKey = "customer:" + customerId;
    Attempt attempt = new Attempt();
    store.computeSendWindow(
        phoneKey,
        w ->
            SendWindow.acquire(
                w,
                now,
                maxSendsPerPhone,
                sendWindowNanos,
                cooldownNanos,
                RateLimit.PHONE_SENDS,
                attempt));
    if (attempt.refusedBy != null) {
      throw refused(customerId, attempt.refusedBy, attempt.retryAfterNanos);
    }
    store.computeSendWindow(
        customerKey,
        w ->
            SendWindow.acquire(
                w,
                now,
                maxSendsPerCustomer,
                sendWindowNanos,
                0,
                RateLimit.CUSTOMER_SENDS,
                attempt));
    if (attempt.refusedBy != null) {
      store.computeSendWindow(phoneKey, w -> SendWindow.release(w, now));
      throw refused(customerId, attempt.refusedBy, attempt.retryAfterNanos);
    }
    if (maxSendsPerMinute > 0) {
      store.computeSendWindow(
          GLOBAL_KEY,
          w ->
              SendWindow.acquire(
                  w, now, maxSendsPerMinute, MINUTE_NANOS, 0, RateLimit.GLOBAL_SENDS, attempt));
      if (attempt.refusedBy != null) {
        store.computeSendWindow(phoneKey, w -> SendWindow.release(w, now));
        store.computeSendWindow(customerKey, w -> SendWindow.release(w, now));
        throw refused(customerId, attempt.refusedBy, attempt.retryAfterNanos);
      }
    }
  }

  private RateLimitedException refused(String customerId, RateLimit limit, long retryAfterNanos) {
    rateLimited.get(limit).increment();
    log.info("OTP start refused: customer={}, limit={}", customerId, limit);
    return new RateLimitedException(limit, Duration.ofNanos(retryAfterNanos));
  }

  @Override
  public VerificationResult verify(String customerId, String verificationToken, String code) {
    Inputs.customerId(customerId);
    if (verificationToken == null) {
      throw new InvalidOtpRequestException(Field.VERIFICATION_TOKEN, "is required");
    }
    Inputs.code(code);

    VerificationResult result = check(customerId, verificationToken, code);
    outcomes.get(result.outcome()).increment();
    log.info("OTP verification: customer={}, outcome={}", customerId, result.outcome());
    return result;
  }

  private VerificationResult check(String customerId, String verificationToken, String code) {
    OtpCrypto.ParsedToken token = crypto.parse(customerId, verificationToken);
    if (token == null) {
      return VerificationResult.of(VerificationOutcome.NOT_FOUND);
    }
    long now = nanos();
    FailureCount failures = store.failures(customerId);
    if (failures != null && failures.lockRemaining(now) > 0) {
      return VerificationResult.customerLocked(Duration.ofNanos(failures.lockRemaining(now)));
    }
    long nowMillis = clock.millis();
    if (nowMillis >= token.expiresAtMillis) {
      store.computeChallenge(
          customerId, c -> c != null && c.hasId(token.idHi, token.idLo) ? null : c);
      return VerificationResult.of(VerificationOutcome.EXPIRED);
    }

    long[] tag = crypto.codeTag(token.idHi, token.idLo, code);
    VerificationResult[] decision = new VerificationResult[1];
    store.computeChallenge(
        customerId,
        current -> {
          if (current == null || !current.hasId(token.idHi, token.idLo)) {
            decision[0] = VerificationResult.of(VerificationOutcome.NOT_FOUND);
            return current;
          }
          if (nowMillis >= current.expiresAtMillis) {
            decision[0] = VerificationResult.of(VerificationOutcome.EXPIRED);
            return null;
          }
          if (current.codeMatches(tag)) {
            decision[0] = VerificationResult.of(VerificationOutcome.APPROVED);
            return null;
          }
          int left = current.attemptsLeft - 1;
          if (left <= 0) {
            decision[0] = VerificationResult.of(VerificationOutcome.MAX_ATTEMPTS_REACHED);
            return null;
          }
          decision[0] = VerificationResult.incorrectCode(left);
          return current.withAttemptsLeft(left);
        });

    switch (decision[0].outcome()) {
      case APPROVED -> store.computeFailures(customerId, f -> null);
      case INCORRECT_CODE, MAX_ATTEMPTS_REACHED -> countFailure(customerId, now);
      default -> {}
    }
    return decision[0];
  }

  private void countFailure(String customerId, long now) {
    boolean[] lockedNow = new boolean[1];
    store.computeFailures(
        customerId,
        f -> {
          lockedNow[0] = false;
          if (f != null && f.lockRemaining(now) > 0) {
            return f;
          }
          int consecutive = (f == null || f.locked ? 0 : f.consecutive) + 1;
          if (consecutive < maxConsecutiveFailures) {
            return new FailureCount(consecutive, false, now + failureMemoryNanos);
          }
          lockedNow[0] = true;
          return new FailureCount(0, true, now + lockoutNanos);
        });
    if (lockedNow[0]) {
      log.warn(
          "OTP customer locked out after {} consecutive wrong codes: customer={}",
          maxConsecutiveFailures,
          customerId);
    }
  }

  @Override
  public OtpStats stats() {
    store.cleanUp();
    EnumMap<RateLimit, Long> limits = new EnumMap<>(RateLimit.class);
    rateLimited.forEach((limit, adder) -> limits.put(limit, adder.sum()));
    EnumMap<VerificationOutcome, Long> verifications = new EnumMap<>(VerificationOutcome.class);
    outcomes.forEach((outcome, adder) -> verifications.put(outcome, adder.sum()));
    return new OtpStats(
        started.sum(), deliveryFailures.sum(), limits, verifications, store.pendingChallenges());
  }

  /**
   * The clock's reading in nanoseconds since the epoch, at its millisecond resolution: the one time
   * line that deadlines, windows and the store's expiry are measured on.
   */
  private long nanos() {
    return clock.millis() * 1_000_000L;
  }

  @Override
  public String toString() {
    return "OtpEngine[brand=" + brand + ", languages=" + templates.languages() + "]";
  }

  private static <E extends Enum<E>> EnumMap<E, LongAdder> adders(Class<E> type) {
    EnumMap<E, LongAdder> map = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) {
      map.put(e, new LongAdder());
    }
    return map;
  }
}
