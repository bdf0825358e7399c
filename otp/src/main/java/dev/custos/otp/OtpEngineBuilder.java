package dev.custos.otp;

import dev.custos.otp.spi.OtpStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
 *   <tr><td>{@link #maxSendsPerMinute}</td><td>1,000 sends a minute across all customers</td></tr>
 *   <tr><td>{@link #allowedCountryCodes}</td><td>every country</td></tr>
 *   <tr><td>{@link #maxConsecutiveFailures}, {@link #lockout}</td>
 *       <td>every 20 wrong codes lock the customer out: 15 minutes, then 30, 60, 120</td></tr>
 *   <tr><td>{@link #permanentLockoutAfter}</td>
 *       <td>100 wrong codes: locked until the host calls {@link OtpEngine#unlock}</td></tr>
 *   <tr><td>{@link #failureMemory}</td><td>366 days after the last wrong code</td></tr>
 *   <tr><td>{@link #store}</td><td>in-process (Caffeine)</td></tr>
 *   <tr><td>{@link #maxPendingChallenges}</td><td>1,000,000</td></tr>
 * </table>
 *
 * <p>A builder is not thread-safe; the engines it builds are.
 */
public final class OtpEngineBuilder {
  /** The default global budget: a bound on an SMS-pumping attack's cost, on by default. */
  static final int DEFAULT_SENDS_PER_MINUTE = 1_000;

  private static final int MAX_SMS_BYTES = 140;
  private static final int MAX_BRAND_LENGTH = 60;

  String brand;
  OtpSender sender;
  MessageTemplates templates = MessageTemplates.builtIn();
  Clock clock = Clock.systemUTC();
  byte[] masterKey;
  Duration challengeLifetime = Duration.ofMinutes(10);
  int maxAttempts = 5;
  int maxSendsPerPhone = 5;
  int maxSendsPerCustomer = 5;
  Duration sendWindow = Duration.ofMinutes(10);
  Duration resendCooldown = Duration.ofSeconds(30);
  int maxSendsPerMinute = DEFAULT_SENDS_PER_MINUTE;
  Set<String> allowedCountryCodes = Set.of();
  int maxConsecutiveFailures = 20;
  int permanentLockoutAfter = 100;
  Duration failureMemory = Duration.ofDays(366);
  OtpStore store;
  Duration lockout = Duration.ofMinutes(15);
  boolean article4;
  OtpListener listener = new OtpListener() {};
  long maxPendingChallenges = 1_000_000;
  boolean maxPendingSet;

  OtpEngineBuilder() {}

  /**
   * Sets the name messages give the platform: "Your {@code brand} verification code is ...". The
   * spec's sandbox uses {@code Unit}; production uses the org's name. Every built-in language's SMS
   * fits one message with a brand of up to {@value MessageTemplates#BRAND_FITTING_EVERY_LANGUAGE}
   * GSM characters; with a longer one, {@link #build()} names the languages it does not fit.
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
   * Sets the engine's one time source: it dates challenges ({@link
   * VerificationChallenge#expiresAt()}), decides when they expire, and measures every send window,
   * cooldown and lockout; {@link Clock#systemUTC()} by default. A clock that moves only when told
   * makes every limit testable without waiting.
   *
   * <p>The engine reads it in milliseconds. If the clock is stepped backwards, windows and lockouts
   * last longer by the step; stepped forwards, they end early by it. Keep hosts on NTP (slewed, not
   * stepped).
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
   * @param max 1 to 1,000,000, or 0 for no budget; 1,000 by default (about 17 a second: raise it
   *     for a platform that sends more, rather than turn it off)
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
   * Turns on PSD2 Article 4 mode (Commission Delegated Regulation (EU) 2018/389): a payment's
   * verifications ({@link ChallengeRequest#withTransaction}) lock the customer out after at most 5
   * consecutive failures (fewer if {@link #maxConsecutiveFailures} says so), for {@link #lockout}
   * and escalating as any lockout does; the {@link #listener} hears of each lockout so the host can
   * warn the payer. A failure never says which element of the payment was wrong. Off by default.
   *
   * @return this builder
   */
  public OtpEngineBuilder article4() {
    this.article4 = true;
    return this;
  }

  /**
   * Sets who hears of lockouts (to warn a payer, say); nobody by default.
   *
   * @param listener the listener: quick, thread-safe
   * @return this builder
   * @throws NullPointerException if {@code listener} is null
   */
  public OtpEngineBuilder listener(OtpListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Sets how many consecutive wrong codes, across all of a customer's challenges, lock the customer
   * out, each time again: the count survives a lockout, so the second lockout comes after twice as
   * many. A right code or {@link OtpEngine#unlock} resets the count; a new challenge does not.
   *
   * @param max 1 to 100 (NIST SP 800-63B allows at most 100 in all)
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public OtpEngineBuilder maxConsecutiveFailures(int max) {
    this.maxConsecutiveFailures = between("maxConsecutiveFailures", max, 1, 100);
    return this;
  }

  /**
   * Sets how long the first lockout lasts, during which the customer can neither start nor check
   * challenges; each later one lasts twice as long as the one before, at most 24 hours.
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
   * Sets after how many consecutive wrong codes the customer stays locked out until the host calls
   * {@link OtpEngine#unlock}: with the failure memory, the bound on guesses per customer.
   *
   * @param max 1 to 100 (NIST SP 800-63B)
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public OtpEngineBuilder permanentLockoutAfter(int max) {
    this.permanentLockoutAfter = between("permanentLockoutAfter", max, 1, 100);
    return this;
  }

  /**
   * Sets how long a customer's failure count (and a lockout until unlocked) is kept after the last
   * wrong code. Every piece of state has a deadline, so that a store never fills with state no one
   * will read; this one is long enough that a patient attacker gets at most {@link
   * #permanentLockoutAfter} guesses per period.
   *
   * @param memory 1 day to 3,660 days
   * @return this builder
   * @throws IllegalArgumentException if out of range
   * @throws NullPointerException if {@code memory} is null
   */
  public OtpEngineBuilder failureMemory(Duration memory) {
    this.failureMemory =
        between("failureMemory", memory, Duration.ofDays(1), Duration.ofDays(3660));
    return this;
  }

  /**
   * Sets where the engine keeps its state; by default an in-process store private to this engine.
   * Engines on several instances share one store (for example {@code custos-redis}'s), and then
   * must share the {@link #masterKey} too.
   *
   * @param store the store
   * @return this builder
   * @throws NullPointerException if {@code store} is null
   */
  public OtpEngineBuilder store(OtpStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /**
   * Sets how many challenges the in-process store may hold pending at once; past it, starts are
   * refused with {@link RateLimit#CAPACITY} until some expire, and nothing is evicted early. Send
   * windows and failure counts are bounded at twice this number of entries and one (a customer's
   * and a phone's window per challenge, and the global one). A shared store has bounds of its own.
   *
   * @param max 1 to 100,000,000
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public OtpEngineBuilder maxPendingChallenges(long max) {
    require(max >= 1 && max <= 100_000_000, "maxPendingChallenges must be 1 to 100000000");
    this.maxPendingChallenges = max;
    this.maxPendingSet = true;
    return this;
  }

  /**
   * Builds the engine.
   *
   * @return a new engine
   * @throws IllegalStateException if the brand or the sender is not set, both a {@link #store} and
   *     {@link #maxPendingChallenges} are (the bound is the in-process store's, and would silently
   *     not apply), or an SMS with this brand would be longer than one 140-byte message in some
   *     language (the message names every such language and form)
   */
  public OtpEngine build() {
    if (store != null && maxPendingSet) {
      throw new IllegalStateException(
          "maxPendingChallenges bounds the in-process store only: a store given with store(...)"
              + " has bounds of its own");
    }
    if (brand == null) {
      throw new IllegalStateException("brand is required");
    }
    if (sender == null) {
      throw new IllegalStateException("sender is required");
    }
    // One message per send, whatever the language: an SMS of two segments costs two, which a
    // pumping attack would multiply.
    List<String> tooLong = templates.overflowing(brand, MAX_SMS_BYTES);
    if (!tooLong.isEmpty()) {
      throw new IllegalStateException(
          "with brand '"
              + brand
              + "' these messages are longer than one SMS (140 bytes): "
              + String.join(", ", tooLong)
              + "; shorten the brand (every built-in language fits one of up to "
              + MessageTemplates.BRAND_FITTING_EVERY_LANGUAGE
              + " GSM characters) or limit the languages with MessageTemplates.only(...)");
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
