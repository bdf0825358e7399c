package dev.custos.otp;

/**
 * One message for an {@link OtpSender} to deliver: the rendered text, the channel and the
 * destination.
 *
 * <p>The body holds the verification code: {@link #toString()} never shows it, nor the full phone
 * number. Instances are immutable and safe to share between threads.
 */
public final class OtpMessage {
  private final String customerId;
  private final Channel channel;
  private final Phone phone;
  private final String language;
  private final String body;
  private final String code;

  OtpMessage(
      String customerId, Channel channel, Phone phone, String language, String body, String code) {
    this.customerId = customerId;
    this.channel = channel;
    this.phone = phone;
    this.language = language;
    this.body = body;
    this.code = code;
  }

  /**
   * Returns the id of the customer the code is for.
   *
   * @return the customer id
   */
  public String customerId() {
    return customerId;
  }

  /**
   * Returns how to deliver the message.
   *
   * @return {@link Channel#SMS} for a text message, {@link Channel#CALL} for a text to be spoken
   */
  public Channel channel() {
    return channel;
  }

  /**
   * Returns where to deliver the message; {@link Phone#e164()} gives the number to dial.
   *
   * @return the destination
   */
  public Phone phone() {
    return phone;
  }

  /**
   * Returns the language the body is written in.
   *
   * @return a language code such as {@code en}
   */
  public String language() {
    return language;
  }

  /**
   * Returns the text to send or speak. It holds the verification code: do not log it.
   *
   * @return the rendered body
   */
  public String body() {
    return body;
  }

  /**
   * Returns the verification code the body carries, for a sender that formats its own message (a
   * provider's template, a push) and for tests, which need not scrape it out of the text. It is the
   * secret itself: never log it; {@link #toString()} leaves it out.
   *
   * @return the six digits
   */
  public String code() {
    return code;
  }

  /**
   * Returns how an SMS body is encoded; meaningless for calls.
   *
   * @return the body's SMS encoding
   */
  public SmsEncoding encoding() {
    return SmsEncoding.of(body);
  }

  /**
   * Returns a description without the body or the full phone number.
   *
   * @return a string such as {@code OtpMessage[SMS to +1 ********00, en, 44 chars]}
   */
  @Override
  public String toString() {
    return "OtpMessage["
        + channel
        + " to "
        + phone.masked()
        + ", "
        + language
        + ", "
        + body.length()
        + " chars]";
  }
}
