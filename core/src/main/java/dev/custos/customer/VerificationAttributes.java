package dev.custos.customer;

import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.Channel;
import dev.custos.otp.Phone;
import dev.custos.otp.Transaction;
import java.util.Objects;
import java.util.Optional;

/**
 * The attributes of a Create Customer Token Verification request: {@code channel} (required),
 * {@code phone} (business customers only), {@code appHash} (SMS only), {@code language} (default
 * {@code en}). Values are checked by {@link CustomerTokenService#createVerification}, which names
 * the offending attribute.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class VerificationAttributes {
  private final Channel channel;
  private final Phone phone;
  private final String appHash;
  private final String language;
  private final Transaction transaction;

  private VerificationAttributes(
      Channel channel, Phone phone, String appHash, String language, Transaction transaction) {
    this.channel = channel;
    this.phone = phone;
    this.appHash = appHash;
    this.language = language;
    this.transaction = transaction;
  }

  /**
   * Returns attributes for the given channel, in English, to the customer's own phone.
   *
   * @param channel how to send the code
   * @return the attributes
   * @throws NullPointerException if {@code channel} is null
   */
  public static VerificationAttributes of(Channel channel) {
    return new VerificationAttributes(
        Objects.requireNonNull(channel, "channel"),
        null,
        null,
        ChallengeRequest.DEFAULT_LANGUAGE,
        null);
  }

  /**
   * Returns these attributes sending to an authorized user's phone (business customers only).
   *
   * @param phone the authorized user's phone
   * @return new attributes
   * @throws NullPointerException if {@code phone} is null
   */
  public VerificationAttributes withPhone(Phone phone) {
    return new VerificationAttributes(
        channel, Objects.requireNonNull(phone, "phone"), appHash, language, transaction);
  }

  /**
   * Returns these attributes with an Android SMS Retriever app hash.
   *
   * @param appHash the 11-character hash; checked when the verification starts
   * @return new attributes
   * @throws NullPointerException if {@code appHash} is null
   */
  public VerificationAttributes withAppHash(String appHash) {
    return new VerificationAttributes(
        channel, phone, Objects.requireNonNull(appHash, "appHash"), language, transaction);
  }

  /**
   * Returns these attributes in another language.
   *
   * @param language a language code such as {@code es}; checked when the verification starts
   * @return new attributes
   * @throws NullPointerException if {@code language} is null
   */
  public VerificationAttributes withLanguage(String language) {
    return new VerificationAttributes(
        channel, phone, appHash, Objects.requireNonNull(language, "language"), transaction);
  }

  /**
   * Returns these attributes for one payment (a Custos extension, PSD2's dynamic linking): the
   * message states the amount and the payee, and the code approves that payment only, minting a
   * single-use token bound to it.
   *
   * @param transaction the payment
   * @return new attributes
   * @throws NullPointerException if {@code transaction} is null
   */
  public VerificationAttributes withTransaction(Transaction transaction) {
    return new VerificationAttributes(
        channel, phone, appHash, language, Objects.requireNonNull(transaction, "transaction"));
  }

  /**
   * Returns the payment, if given.
   *
   * @return the transaction, or empty
   */
  public Optional<Transaction> transaction() {
    return Optional.ofNullable(transaction);
  }

  /**
   * Returns the channel.
   *
   * @return the channel
   */
  public Channel channel() {
    return channel;
  }

  /**
   * Returns the authorized user's phone, if given.
   *
   * @return the phone, or empty
   */
  public Optional<Phone> phone() {
    return Optional.ofNullable(phone);
  }

  /**
   * Returns the app hash, if given.
   *
   * @return the app hash, or empty
   */
  public Optional<String> appHash() {
    return Optional.ofNullable(appHash);
  }

  /**
   * Returns the language.
   *
   * @return the language code
   */
  public String language() {
    return language;
  }

  @Override
  public String toString() {
    return "VerificationAttributes["
        + channel
        + (phone == null ? "" : ", " + phone)
        + ", "
        + language
        + (transaction == null ? "" : ", " + transaction)
        + "]";
  }
}
