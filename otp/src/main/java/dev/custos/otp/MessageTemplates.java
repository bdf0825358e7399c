package dev.custos.otp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verification messages of each language the engine can send.
 *
 * <p>A language is one UTF-8 properties file named {@code <language>.properties} (such as {@code
 * es.properties} or {@code pt-BR.properties}) with three keys:
 *
 * <ul>
 *   <li>{@code sms}: the text message, with {@code {code}};
 *   <li>{@code sms.retriever}: the text message when the request carries an Android app hash, with
 *       {@code {code}} and {@code {appHash}} (the SMS Retriever form starts with {@code <#>} and
 *       ends with the hash);
 *   <li>{@code call}: the text a voice call reads out, with {@code {spokenCode}} (the digits
 *       separated by commas, so they are read one by one).
 * </ul>
 *
 * <p>Two more keys, optional for a platform's own languages (built-in ones have them), word the
 * code of a payment (PSD2's dynamic linking; {@link ChallengeRequest#withTransaction}): {@code
 * payment.sms} with {@code {code}}, {@code {amount}}, {@code {currency}} and {@code {payee}}, and
 * {@code payment.call} with {@code {spokenCode}} and the same three. A payment's SMS is always one
 * message: when the payee does not fit, it is cut, visibly (an ellipsis), never the amount.
 *
 * <p>Each may also use {@code {brand}}, the name configured with {@link
 * OtpEngineBuilder#brand(String)}. The 41 languages Unit offers are built in ({@link #builtIn()});
 * a platform adds a language, or rewords one, by adding a file to a directory and loading it with
 * {@link #fromDirectory(Path)}. Language codes match exactly, as Unit spells them ({@code zh-CN},
 * not {@code zh-cn}). A request in a language without templates is refused, never sent in another
 * language; a region ({@code pt-BR}) never falls back to its language ({@code pt}) by itself: each
 * built-in region has its own file, whose words may be the parent's where they are right there.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class MessageTemplates {
  /**
   * The languages Unit's Create Customer Token Verification accepts, spelled as Unit spells them:
   * each has a built-in file.
   */
  private static final List<String> BUILT_IN =
      List.of(
          "en", "af", "ar", "ca", "zh", "zh-CN", "zh-HK", "hr", "cs", "da", "nl", "en-GB", "et",
          "fi", "fr", "de", "el", "he", "hi", "hu", "id", "it", "ja", "kn", "ko", "ms", "mr", "nb",
          "pl", "pt-BR", "pt", "ro", "ru", "sk", "es", "sv", "tl", "te", "th", "tr", "vi");

  /**
   * The longest brand (of GSM 7-bit characters, such as ASCII) with which every built-in SMS fits
   * one message; Telugu sets it. Longer brands fit many languages, and {@link
   * OtpEngineBuilder#build()} names those they do not.
   */
  public static final int BRAND_FITTING_EVERY_LANGUAGE = 16;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final int MAX_TEMPLATE_LENGTH = 500;

  private final Map<String, Template> byLanguage;

  private MessageTemplates(Map<String, Template> byLanguage) {
    this.byLanguage = Map.copyOf(byLanguage);
  }

  /**
   * Returns the built-in templates: the 41 languages Unit offers, {@code en af ar ca zh zh-CN zh-HK
   * hr cs da nl en-GB et fi fr de el he hi hu id it ja kn ko ms mr nb pl pt-BR pt ro ru sk es sv tl
   * te th tr vi}. Each states the brand, the code and that it expires in 10 minutes; each SMS fits
   * one message (with the SMS Retriever line) for any brand of up to {@value
   * #BRAND_FITTING_EVERY_LANGUAGE} GSM 7-bit characters.
   *
   * @return the built-in templates
   */
  public static MessageTemplates builtIn() {
    return BuiltInHolder.TEMPLATES;
  }

  /**
   * Loads every {@code <language>.properties} file of a directory.
   *
   * @param directory a directory of template files; other files in it are ignored
   * @return the templates of the languages found
   * @throws IOException if the directory or a file cannot be read
   * @throws IllegalArgumentException if the directory holds no template file, a file name is not a
   *     language code, or a file lacks a key, has an unknown key, or uses a placeholder its key
   *     does not allow
   * @throws NullPointerException if {@code directory} is null
   */
  public static MessageTemplates fromDirectory(Path directory) throws IOException {
    Objects.requireNonNull(directory, "directory");
    Map<String, Template> templates = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.properties")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        String language = name.substring(0, name.length() - ".properties".length());
        if (!Inputs.isLanguageCode(language)) {
          throw new IllegalArgumentException(
              "template file " + name + ": the name must be a language code such as es or pt-BR");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          templates.put(language, Template.parse(language, reader));
        }
      }
    }
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("no <language>.properties template file in " + directory);
    }
    return new MessageTemplates(templates);
  }

  /**
   * Returns these templates together with {@code other}'s; where both have a language, {@code
   * other}'s wins. For example {@code builtIn().plus(fromDirectory(dir))} adds a platform's
   * languages, or rewords a built-in one.
   *
   * @param other more templates
   * @return the combined templates
   * @throws NullPointerException if {@code other} is null
   */
  public MessageTemplates plus(MessageTemplates other) {
    Map<String, Template> combined = new HashMap<>(byLanguage);
    combined.putAll(other.byLanguage);
    return new MessageTemplates(combined);
  }

  /**
   * Returns these templates limited to some languages: for a platform that offers fewer, or whose
   * brand is too long for one SMS in some.
   *
   * @param languages language codes these templates cover
   * @return the templates of those languages only
   * @throws IllegalArgumentException if no language is given, or one is not covered (the message
   *     names the covered ones)
   * @throws NullPointerException if {@code languages} or an element is null
   */
  public MessageTemplates only(String... languages) {
    if (languages.length == 0) {
      throw new IllegalArgumentException("name at least one language");
    }
    Map<String, Template> chosen = new HashMap<>();
    for (String language : languages) {
      Template template = byLanguage.get(Objects.requireNonNull(language, "language"));
      if (template == null) {
        throw new IllegalArgumentException(
            "no templates for language " + language + "; available: " + languages());
      }
      chosen.put(language, template);
    }
    return new MessageTemplates(chosen);
  }

  /**
   * Returns the languages these templates cover.
   *
   * @return the language codes, sorted
   */
  public Set<String> languages() {
    return new TreeSet<>(byLanguage.keySet());
  }

  /**
   * The messages that would be longer than one SMS with this brand: each language's SMS and SMS
   * Retriever forms, each named with its size. (A payment's SMS fits by cutting the payee; one
   * whose brand leaves no room for the payee is refused when it starts.)
   */
  java.util.List<String> overflowing(String brand, int maxBytes) {
    java.util.List<String> tooLong = new java.util.ArrayList<>();
    for (String language : languages()) {
      Template template = byLanguage.get(language);
      for (String appHash : new String[] {null, "AAAAAAAAAAA"}) {
        String body = template.render(Channel.SMS, brand, "000000", appHash);
        SmsEncoding encoding = SmsEncoding.of(body);
        int bytes = encoding.bytes(body);
        if (bytes > maxBytes) {
          tooLong.add(
              language
                  + (appHash == null ? ".sms" : ".sms.retriever")
                  + " ("
                  + bytes
                  + " bytes in "
                  + encoding
                  + ")");
        }
      }
    }
    return tooLong;
  }

  /** Returns the templates of a language, or null. */
  Template template(String language) {
    return byLanguage.get(language);
  }

  /** The messages of one language. */
  static final class Template {
    /** The bytes of one SMS. */
    static final int ONE_SMS_BYTES = 140;

    final String language;
    final String sms;
    final String smsRetriever;
    final String call;
    final String paymentSms;
    final String paymentCall;

    private Template(
        String language,
        String sms,
        String smsRetriever,
        String call,
        String paymentSms,
        String paymentCall) {
      this.language = language;
      this.sms = sms;
      this.smsRetriever = smsRetriever;
      this.call = call;
      this.paymentSms = paymentSms;
      this.paymentCall = paymentCall;
    }

    static Template parse(String language, Reader reader) throws IOException {
      Properties properties = new Properties();
      properties.load(reader);
      for (String key : properties.stringPropertyNames()) {
        if (!Set.of("sms", "sms.retriever", "call", "payment.sms", "payment.call").contains(key)) {
          throw new IllegalArgumentException(
              "template "
                  + language
                  + ": unknown key "
                  + key
                  + " (expected sms, sms.retriever, call, payment.sms, payment.call)");
        }
      }
      return new Template(
          language,
          text(language, properties, "sms", Set.of("brand", "code"), Set.of("code")),
          text(
              language,
              properties,
              "sms.retriever",
              Set.of("brand", "code", "appHash"),
              Set.of("code", "appHash")),
          text(language, properties, "call", Set.of("brand", "spokenCode"), Set.of("spokenCode")),
          payment(language, properties, "payment.sms", "code"),
          payment(language, properties, "payment.call", "spokenCode"));
    }

    /** A payment template: both or neither of a language's two, each naming the payment. */
    private static String payment(
        String language, Properties properties, String key, String codePlaceholder) {
      boolean any = properties.containsKey("payment.sms") || properties.containsKey("payment.call");
      if (!any) {
        return null;
      }
      Set<String> required = Set.of(codePlaceholder, "amount", "currency", "payee");
      Set<String> allowed = new TreeSet<>(required);
      allowed.add("brand");
      return text(language, properties, key, allowed, required);
    }

    /** Whether this language words a payment's code. */
    boolean hasPayment() {
      return paymentSms != null;
    }

    /**
     * A payment's message: the amount always whole; in an SMS the payee cut, visibly, until the
     * whole fits one message. Null when even one character of the payee leaves no room (a brand too
     * long for this language).
     */
    String renderPayment(Channel channel, String brand, String code, Transaction transaction) {
      String amount = transaction.amount();
      if (channel == Channel.CALL) {
        // Substituted last: nothing in the payee is read as a placeholder.
        return paymentCall
            .replace("{brand}", brand)
            .replace("{spokenCode}", spoken(code))
            .replace("{amount}", amount)
            .replace("{currency}", transaction.currency())
            .replace("{payee}", transaction.payee());
      }
      String text =
          paymentSms
              .replace("{brand}", brand)
              .replace("{code}", code)
              .replace("{amount}", amount)
              .replace("{currency}", transaction.currency());
      String payee = transaction.payee();
      String whole = text.replace("{payee}", payee);
      if (fitsOneSms(whole)) {
        return whole;
      }
      int[] points = payee.codePoints().toArray();
      for (int n = points.length - 1; n >= 1; n--) {
        String cut = new String(points, 0, n).stripTrailing();
        // An ellipsis outside GSM 03.38 would make a GSM message UCS-2 and halve its room.
        String ellipsis =
            SmsEncoding.of(text.replace("{payee}", cut)) == SmsEncoding.GSM_7 ? "..." : "\u2026";
        String body = text.replace("{payee}", cut + ellipsis);
        if (fitsOneSms(body)) {
          return body;
        }
      }
      return null;
    }

    static boolean fitsOneSms(String body) {
      return SmsEncoding.of(body).bytes(body) <= ONE_SMS_BYTES;
    }

    String render(Channel channel, String brand, String code, String appHash) {
      String template = channel == Channel.CALL ? call : appHash == null ? sms : smsRetriever;
      String text = template.replace("{brand}", brand);
      if (channel == Channel.CALL) {
        return text.replace("{spokenCode}", spoken(code));
      }
      text = text.replace("{code}", code);
      return appHash == null ? text : text.replace("{appHash}", appHash);
    }

    private static String spoken(String code) {
      return String.join(", ", code.split(""));
    }

    private static String text(
        String language,
        Properties properties,
        String key,
        Set<String> allowed,
        Set<String> required) {
      String text = properties.getProperty(key);
      String where = "template " + language + "." + key;
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException(where + " is missing");
      }
      if (text.length() > MAX_TEMPLATE_LENGTH) {
        throw new IllegalArgumentException(
            where + " is longer than " + MAX_TEMPLATE_LENGTH + " characters");
      }
      Set<String> used = new TreeSet<>();
      Matcher m = PLACEHOLDER.matcher(text);
      while (m.find()) {
        if (!allowed.contains(m.group(1))) {
          throw new IllegalArgumentException(
              where + " has placeholder {" + m.group(1) + "}; allowed: " + new TreeSet<>(allowed));
        }
        used.add(m.group(1));
      }
      if (!used.containsAll(required)) {
        throw new IllegalArgumentException(where + " must contain " + new TreeSet<>(required));
      }
      return text;
    }
  }

  /** Loads the built-in templates on first use. */
  private static final class BuiltInHolder {
    static final MessageTemplates TEMPLATES = load();

    private static MessageTemplates load() {
      Map<String, Template> templates = new HashMap<>();
      for (String language : BUILT_IN) {
        String resource = "templates/" + language + ".properties";
        try (InputStream in = MessageTemplates.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException("built-in template missing: " + resource);
          }
          templates.put(
              language,
              Template.parse(language, new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return new MessageTemplates(templates);
    }
  }
}
