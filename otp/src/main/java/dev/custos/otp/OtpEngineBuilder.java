package dev.custos.otp;

import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Configures an {@link OtpEngine}. {@link #brand(String)} and {@link #sender(OtpSender)} are
 * required; every limit has a default, and every setter validates its argument at once.
 *
 * <table>
 *   <caption>Limits and their defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@link #challengeLifetime}</td><td>10 minutes, fixed from the start</td></tr>
 *   <tr><td>{@link #maxAttempts}</td><td>5 checks per challenge</td></tr>
 *   <tr><td>{@link #maxSendsPerPhone}, {@link #maxSendsPerCustomer}</td>
 *       <td>5 each per {@link #sendWindow} of 10 minutes</td></tr>
 *   <tr><td>{@link #resendCooldown}</td><td>30 seconds between two sends to one phone</td></tr>
 *   <tr><td>{@link #maxSendsPerMinute}</td><td>no global budget</td></tr>
 *   <tr><td>{@link #allowedCountryCodes}</td><td>every country</td></tr>
 *   <tr><td>{@link #maxConsecutiveFailures}, {@link #lockout}</td>
 *       <td>20 wrong codes, then 15 minutes locked out</td></tr>
 *   <tr><td>{@link #maxPendingChallenges}</td><td>1,000,000</td></tr>
 * </table>
 *
 * <p>A builder is not thread-safe; the engines it builds are.
 */
public final class OtpEngineBuilder {
  /** How long a customer's consecutive failures are remembered after the last one. */
  static final Duration FAILURE_MEMORY = Duration.ofHours(24);

  private static final int MAX_SMS_BYTES = 140;
  private static final int MAX_BRAND_LENGTH = 60;

  String brand;
  OtpSender sender;
  MessageTemplates templates = MessageTemplates.builtIn();
  Clock clock = Clock.systemUTC();
  Ticker ticker = Ticker.systemTicker();
  Scheduler scheduler = Scheduler.systemScheduler();
  Executor executor = ForkJoinPool.commonPool();
  byte[] masterKey;
  Duration challengeLifetime = Duration.ofMinutes(10);
  int maxAttempts = 5;
  int maxSendsPerPhone = 5;
  int maxSendsPerCustomer = 5;
  Duration sendWindow = Duration.ofMinutes(10);
  Duration resendCooldown = Duration.ofSeconds(30);
  int maxSendsPerMinute;
  Set<String> allowedCountryCodes = Set.of();
  int maxConsecutiveFailures = 20;
  Duration lockout = Duration.ofMinutes(15);
  long maxPendingChallenges = 1_000_000;

  OtpEngineBuilder() {}

  /**
   * Sets the name messages give the platform: "Your {@code brand} verification code is: ...". The
   * spec's sandbox uses {@code Unit}; production uses the org's name.
   *
   * @param brand 1 to 60 printable characters, without braces
   * @return this builder
   * @throws IllegalArgumentException if the brand is blank, too long, or holds control characters
   *     or braces
   * @throws NullPointerException if {@code brand} is null
   */
  public OtpEngineBuilder brand(String brand) {
    Objects.requireNonNull(brand, "brand");
    require(
        !brand.isBlank() && brand.length() <= MAX_BRAND_LENGTH, "brand must be 1 to 60 characters");
    require(
        brand.chars().noneMatch(c -> Character.isISOControl(c) || c == '{' || c == '}'),
        "brand may not hold control characters or braces");
    this.brand = brand;
    return this;
  }

  /**
   * Sets the sender that delivers the messages.
   *
   * @param sender the host's SMS and voice bridge
   * @return this builder
   * @throws NullPointerException if {@code sender} is null
   */
  public OtpEngineBuilder sender(OtpSender sender) {
    this.sender = Objects.requireNonNull(sender, "sender");
    return this;
  }

  /**
   * Sets the message templates; {@link MessageTemplates#builtIn()} by default.
   *
   * @param templates the languages the engine can send
   * @return this builder
   * @throws NullPointerException if {@code templates} is null
   */
  public OtpEngineBuilder templates(MessageTemplates templates) {
    this.templates = Objects.requireNonNull(templates, "templates");
    return this;
  }

  /**
   * Sets the wall clock that dates challenges ({@link VerificationChallenge#expiresAt()}) and
   * decides when they expire; {@link Clock#systemUTC()} by default.
   *
   * @param clock the clock
   * @return this builder
   * @throws NullPointerException if {@code clock} is null
   */
  public OtpEngineBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets the monotonic time source of the rate limits and of the removal of expired state; {@link
   * Ticker#systemTicker()} by default. Tests pass a fake and advance it with the {@link #clock}.
   *
   * @param ticker the ticker
   * @return this builder
   * @throws NullPointerException if {@code ticker} is null
   */
  public OtpEngineBuilder ticker(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    return this;
  }

  /**
   * Sets the scheduler that removes expired state promptly; {@link Scheduler#systemScheduler()} by
   * default. {@link Scheduler#disabledScheduler()} leaves removal to later activity and {@link
   * OtpEngine#cleanUp()}.
   *
   * @param scheduler the scheduler
   * @return this builder
   * @throws NullPointerException if {@code scheduler} is null
   */
  public OtpEngineBuilder scheduler(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /**
   * Sets the executor that runs state maintenance; {@link ForkJoinPool#commonPool()} by default.
   * Tests pass {@code Runnable::run} to make maintenance happen at once.
   *
   * @param executor the executor
   * @return this builder
   * @throws NullPointerException if {@code executor} is null
   */
  public OtpEngineBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * Sets the key from which the engine derives the keys that authenticate verification tokens and
   * hide stored codes. By default each engine draws its own from the CSPRNG, so tokens are valid
   * only in the engine that issued them; engines sharing state must share this key.
   *
   * @param masterKey at least 32 secret random bytes; copied
   * @return this builder
   * @throws IllegalArgumentException if the key is shorter than 32 bytes
   * @throws NullPointerException if {@code masterKey} is null
   */
  public OtpEngineBuilder masterKey(byte[] masterKey) {
    Objects.requireNonNull(masterKey, "masterKey");
    require(masterKey.length >= OtpCrypto.MASTER_KEY_BYTES, "masterKey must be at least 32 bytes");
    this.masterKey = masterKey.clone();
    return this;
  }

  /**
   * Sets how long a challenge lives, counted from its start; checks never extend it.
   *
   * @param lifetime 1 minute to 1 hour; the spec says 10 minutes
   * @return this builder
   * @throws IllegalArgumentException if out of range
   * @throws NullPointerException if {@code lifetime} is null
   */
  public OtpEngineBuilder challengeLifetime(Duration lifetime) {
    this.challengeLifetime =
        between("challengeLifetime", lifetime, Duration.ofMinutes(1), Duration.ofHours(1));
    return this;
  }

  /**
   * Sets how many codes may be checked against one challenge; the last wrong one burns it.
   *
   * @param maxAttempts 1 to 10
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public OtpEngineBuilder maxAttempts(int maxAttempts) {
    this.maxAttempts = between("maxAttempts", maxAttempts, 1, 10);
    return this;
  }

  /**
   * Sets how many codes may be sent to one phone number within the {@link #sendWindow}.
   *
   * @param max 1 to 100
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public OtpEngineBuilder maxSendsPerPhone(int max) {
    this.maxSendsPerPhone = between("maxSendsPerPhone", max, 1, 100);
    return this;
  }

  /**
   * Sets how many codes may be sent for one customer within the {@link #sendWindow}.
   *
   * @param max 1 to 100
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public OtpEngineBuilder maxSendsPerCustomer(int max) {
    this.maxSendsPerCustomer = between("maxSendsPerCustomer", max, 1, 100);
    return this;
  }

  /**
   * Sets the sliding window over which sends per phone and per customer are counted.
   *
   * @param window 1 minute to 24 hours
   * @return this builder
   * @throws IllegalArgumentException if out of range
   * @throws NullPointerException if {@code window} is null
   */
  public OtpEngineBuilder sendWindow(Duration window) {
    this.sendWindow = between("sendWindow", window, Duration.ofMinutes(1), Duration.ofHours(24));
    return this;
  }

  /**
   * Sets the least time between two sends to one phone number.
   *
   * @param cooldown zero (no cooldown) to 10 minutes
   * @return this builder
   * @throws IllegalArgumentException if out of range
   * @throws NullPointerException if {@code cooldown} is null
   */
  public OtpEngineBuilder resendCooldown(Duration cooldown) {
    this.resendCooldown =
        between("resendCooldown", cooldown, Duration.ZERO, Duration.ofMinutes(10));
    return this;
  }

  /**
   * Sets a budget of sends per minute across all customers, against SMS pumping.
   *
   * @param max 1 to 1,000,000, or 0 for no budget (the default)
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public OtpEngineBuilder maxSendsPerMinute(int max) {
    this.maxSendsPerMinute = between("maxSendsPerMinute", max, 0, 1_000_000);
    return this;
  }

  /**
   * Restricts sends to phone numbers of the given country calling codes, against SMS pumping to
   * premium numbers abroad. By default every country is allowed.
   *
   * @param countryCodes country calling codes such as {@code 1} or {@code 34}; none to allow all
   * @return this builder
   * @throws IllegalArgumentException if a code is not 1 to 3 digits without a leading 0
   * @throws NullPointerException if the array or a code is null
   */
  public OtpEngineBuilder allowedCountryCodes(String... countryCodes) {
    Set<String> codes = new TreeSet<>();
    for (String code : Arrays.asList(countryCodes)) {
      Objects.requireNonNull(code, "country code");
      require(
          code.matches("[1-9][0-9]{0,2}"),
          "country code must be 1 to 3 digits, not starting with 0");
      codes.add(code);
    }
    this.allowedCountryCodes = Set.copyOf(codes);
    return this;
  }

  /**
   * Sets how many consecutive wrong codes, across all of a customer's challenges, lock the customer
   * out. A right code resets the count; a new challenge does not.
   *
   * @param max 1 to 100 (NIST SP 800-63B allows at most 100)
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public OtpEngineBuilder maxConsecutiveFailures(int max) {
    this.maxConsecutiveFailures = between("maxConsecutiveFailures", max, 1, 100);
    return this;
  }

  /**
   * Sets how long a locked-out customer can neither start nor check challenges.
   *
   * @param lockout 1 minute to 24 hours
   * @return this builder
   * @throws IllegalArgumentException if out of range
   * @throws NullPointerException if {@code lockout} is null
   */
  public OtpEngineBuilder lockout(Duration lockout) {
    this.lockout = between("lockout", lockout, Duration.ofMinutes(1), Duration.ofHours(24));
    return this;
  }

  /**
   * Sets how many challenges may be pending at once; past it, starts are refused with {@link
   * RateLimit#CAPACITY} until some expire. Rate-limit state is bounded at twice this number of
   * entries.
   *
   * @param max 1 to 100,000,000
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public OtpEngineBuilder maxPendingChallenges(long max) {
    require(max >= 1 && max <= 100_000_000, "maxPendingChallenges must be 1 to 100000000");
    this.maxPendingChallenges = max;
    return this;
  }

  /**
   * Builds the engine.
   *
   * @return a new engine
   * @throws IllegalStateException if the brand or the sender is not set, or an SMS template with
   *     this brand is longer than one 140-byte message
   */
  public OtpEngine build() {
    if (brand == null) {
      throw new IllegalStateException("brand is required");
    }
    if (sender == null) {
      throw new IllegalStateException("sender is required");
    }
    for (String language : templates.languages()) {
      MessageTemplates.Template template = templates.template(language);
      for (String appHash : new String[] {null, "AAAAAAAAAAA"}) {
        String body = template.render(Channel.SMS, brand, "000000", appHash);
        SmsEncoding encoding = SmsEncoding.of(body);
        int bytes = encoding.bytes(body);
        if (bytes > MAX_SMS_BYTES) {
          throw new IllegalStateException(
              "template "
                  + language
                  + (appHash == null ? ".sms" : ".sms.retriever")
                  + " with brand '"
                  + brand
                  + "' takes "
                  + bytes
                  + " bytes in "
                  + encoding
                  + "; one SMS holds 140");
        }
      }
    }
    byte[] key = masterKey;
    SecureRandom random = new SecureRandom();
    if (key == null) {
      key = new byte[OtpCrypto.MASTER_KEY_BYTES];
      random.nextBytes(key);
    }
    return new DefaultOtpEngine(this, new OtpCrypto(key, random));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static int between(String name, int value, int min, int max) {
    require(
        value >= min && value <= max, name + " must be " + min + " to " + max + ", was " + value);
    return value;
  }

  private static Duration between(String name, Duration value, Duration min, Duration max) {
    Objects.requireNonNull(value, name);
    require(
        value.compareTo(min) >= 0 && value.compareTo(max) <= 0,
        name + " must be " + min + " to " + max + ", was " + value);
    return value;
  }
}
