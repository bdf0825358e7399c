package dev.custos.otp;

import dev.custos.otp.InvalidOtpRequestException.Field;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link OtpEngine#start} needs to send a customer a code: who, through which channel, to
 * which phone, in which language, and for SMS optionally an Android app hash.
 *
 * <pre>{@code
 * ChallengeRequest request =
 *     ChallengeRequest.sms("100042", Phone.of("1", "5555550100")).withLanguage("es");
 * }</pre>
 *
 * <p>Every factory and {@code with} method validates its input at once. Instances are immutable and
 * safe to share between threads; {@code with} methods return new instances.
 */
public final class ChallengeRequest {
  /** The language used when none is given. */
  public static final String DEFAULT_LANGUAGE = "en";

  private final String customerId;
  private final Channel channel;
  private final Phone phone;
  private final String appHash;
  private final String language;
  private final Transaction transaction;

  private ChallengeRequest(
      String customerId,
      Channel channel,
      Phone phone,
      String appHash,
      String language,
      Transaction transaction) {
    this.customerId = customerId;
    this.channel = channel;
    this.phone = phone;
    this.appHash = appHash;
    this.language = language;
    this.transaction = transaction;
  }

  /**
   * Returns a request to send the code by SMS, in English, without an app hash.
   *
   * @param customerId the customer's id: 1 to 128 of {@code [A-Za-z0-9._:-]}
   * @param phone where to send the code
   * @return the request
   * @throws InvalidOtpRequestException if {@code customerId} is null or invalid
   * @throws NullPointerException if {@code phone} is null
   */
  public static ChallengeRequest sms(String customerId, Phone phone) {
    return of(customerId, Channel.SMS, phone);
  }

  /**
   * Returns a request to read the code out in a voice call, in English.
   *
   * @param customerId the customer's id: 1 to 128 of {@code [A-Za-z0-9._:-]}
   * @param phone the number to call
   * @return the request
   * @throws InvalidOtpRequestException if {@code customerId} is null or invalid
   * @throws NullPointerException if {@code phone} is null
   */
  public static ChallengeRequest call(String customerId, Phone phone) {
    return of(customerId, Channel.CALL, phone);
  }

  /**
   * Returns a request for the given channel, in English, without an app hash.
   *
   * @param customerId the customer's id: 1 to 128 of {@code [A-Za-z0-9._:-]}
   * @param channel how to deliver the code
   * @param phone where to deliver it
   * @return the request
   * @throws InvalidOtpRequestException if {@code customerId} is invalid, or {@code channel} or
   *     {@code phone} is null
   */
  public static ChallengeRequest of(String customerId, Channel channel, Phone phone) {
    Inputs.checkCustomerId(customerId);
    if (channel == null) {
      throw new InvalidOtpRequestException(Field.CHANNEL, "is required");
    }
    if (phone == null) {
      throw new InvalidOtpRequestException(Field.PHONE, "is required");
    }
    return new ChallengeRequest(customerId, channel, phone, null, DEFAULT_LANGUAGE, null);
  }

  /**
   * Returns this request with an Android SMS Retriever app hash: the SMS then follows the format
   * the Retriever API reads (it starts with {@code <#>} and ends with the hash).
   *
   * @param appHash exactly 11 characters of {@code [A-Za-z0-9+/]}
   * @return a new request
   * @throws InvalidOtpRequestException (field {@link Field#APP_HASH APP_HASH}) if the hash is null
   *     or malformed, or the channel is not {@link Channel#SMS}
   */
  public ChallengeRequest withAppHash(String appHash) {
    if (channel != Channel.SMS) {
      throw new InvalidOtpRequestException(Field.APP_HASH, "is allowed for sms only");
    }
    if (transaction != null) {
      throw new InvalidOtpRequestException(
          Field.APP_HASH, "is not taken with a transaction: the payment's SMS is for the payer");
    }
    return new ChallengeRequest(
        customerId, channel, phone, Inputs.appHash(appHash), language, transaction);
  }

  /**
   * Returns this request in another language. Whether the engine has a template for it is checked
   * by {@link OtpEngine#start}.
   *
   * @param language a language code such as {@code en}, {@code es} or {@code pt-BR}
   * @return a new request
   * @throws InvalidOtpRequestException (field {@link Field#LANGUAGE LANGUAGE}) if the code is null
   *     or not of that form
   */
  public ChallengeRequest withLanguage(String language) {
    if (language == null || !Inputs.isLanguageCode(language)) {
      throw new InvalidOtpRequestException(
          Field.LANGUAGE, "must be a language code such as en, es or pt-BR");
    }
    return new ChallengeRequest(customerId, channel, phone, appHash, language, transaction);
  }

  /**
   * Returns this request bound to one payment (PSD2's dynamic linking): the message states the
   * amount and the payee, and the code approves that transaction only ({@link
   * OtpEngine#verify(String, String, String, Phone, Transaction)} with the same transaction).
   *
   * @param transaction the payment
   * @return a new request
   * @throws InvalidOtpRequestException (field {@link Field#APP_HASH APP_HASH}) if the request has
   *     an app hash
   * @throws NullPointerException if {@code transaction} is null
   */
  public ChallengeRequest withTransaction(Transaction transaction) {
    Objects.requireNonNull(transaction, "transaction");
    if (appHash != null) {
      throw new InvalidOtpRequestException(
          Field.APP_HASH, "is not taken with a transaction: the payment's SMS is for the payer");
    }
    return new ChallengeRequest(customerId, channel, phone, appHash, language, transaction);
  }

  /**
   * Returns the payment this request is bound to, if any.
   *
   * @return the transaction, or empty
   */
  public Optional<Transaction> transaction() {
    return Optional.ofNullable(transaction);
  }

  /**
   * Returns the customer's id.
   *
   * @return the customer id
   */
  public String customerId() {
    return customerId;
  }

  /**
   * Returns the delivery channel.
   *
   * @return the channel
   */
  public Channel channel() {
    return channel;
  }

  /**
   * Returns the destination phone.
   *
   * @return the phone
   */
  public Phone phone() {
    return phone;
  }

  /**
   * Returns the SMS Retriever app hash, if one was given.
   *
   * @return the app hash, or empty
   */
  public Optional<String> appHash() {
    return Optional.ofNullable(appHash);
  }

  /**
   * Returns the message language.
   *
   * @return the language code; {@value #DEFAULT_LANGUAGE} unless another was given
   */
  public String language() {
    return language;
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof ChallengeRequest other
        && other.customerId.equals(customerId)
        && other.channel == channel
        && other.phone.equals(phone)
        && Objects.equals(other.appHash, appHash)
        && other.language.equals(language)
        && Objects.equals(other.transaction, transaction);
  }

  @Override
  public int hashCode() {
    return Objects.hash(customerId, channel, phone, appHash, language, transaction);
  }

  /**
   * Returns a description with the phone masked.
   *
   * @return a string such as {@code ChallengeRequest[customer=100042, SMS, +1 ********00, en]}
   */
  @Override
  public String toString() {
    return "ChallengeRequest[customer="
        + customerId
        + ", "
        + channel
        + ", "
        + phone.masked()
        + ", "
        + language
        + (appHash == null ? "" : ", appHash")
        + (transaction == null ? "" : ", " + transaction)
        + "]";
  }
}
