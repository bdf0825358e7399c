package dev.custos.otp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One payment a code approves (PSD2's dynamic linking): the amount, its currency, the payee, and
 * optionally the payee's account and a reference. A verification bound to a transaction approves
 * that transaction only: its code's MAC covers the transaction's {@link #digest()}, so any change
 * to an element makes the code wrong.
 *
 * <p>Elements are read strictly and kept in one canonical form, so that one payment has one digest
 * and two different payments never share one:
 *
 * <ul>
 *   <li><b>amount</b>: a positive decimal string with at most the currency's minor digits ({@code
 *       12.5} or {@code 12.50} in EUR, {@code 1200} in JPY), up to 15 integer digits; kept with
 *       exactly the minor digits ({@code 12.50});
 *   <li><b>currency</b>: an ISO 4217 code with minor units ({@code EUR}; not {@code XXX});
 *   <li><b>payee</b>: 1 to {@value #MAX_PAYEE_LENGTH} characters after Unicode NFC normalization,
 *       runs of white space made one space and the ends trimmed; control, format (zero-width,
 *       bidirectional), private-use and unassigned characters are refused, so a name that only
 *       looks the same (Cyrillic {@code а} for Latin {@code a}) is a different payee, and hidden
 *       characters cannot make one;
 *   <li><b>payeeAccount</b>: 1 to 34 letters and digits (an IBAN), spaces dropped, upper case;
 *   <li><b>reference</b>: 1 to 140 characters, the payee's rules.
 * </ul>
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the amount and currency only: the payee
 * may be a person.
 */
public final class Transaction {
  /** The longest payee, in characters (code points), after normalization. */
  public static final int MAX_PAYEE_LENGTH = 70;

  private static final int MAX_REFERENCE_LENGTH = 140;
  private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,14})(\\.([0-9]+))?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern ACCOUNT = Pattern.compile("[A-Z0-9]{1,34}");

  private final String amount;
  private final String currency;
  private final String payee;
  private final String payeeAccount;
  private final String reference;

  private Transaction(
      String amount, String currency, String payee, String payeeAccount, String reference) {
    this.amount = amount;
    this.currency = currency;
    this.payee = payee;
    this.payeeAccount = payeeAccount;
    this.reference = reference;
  }

  /**
   * Returns a transaction.
   *
   * @param amount the amount, such as {@code 12.50}
   * @param currency the ISO 4217 code, such as {@code EUR}
   * @param payee who is paid, as the payer sees it
   * @return the transaction, in canonical form
   * @throws InvalidTransactionException naming the element that is invalid
   * @throws NullPointerException if an argument is null
   */
  public static Transaction of(String amount, String currency, String payee) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(payee, "payee");
    int digits = minorDigits(currency);
    return new Transaction(
        amount(amount, digits), currency, text("payee", payee, MAX_PAYEE_LENGTH), null, null);
  }

  /**
   * Returns this transaction with the payee's account.
   *
   * @param account an IBAN or other account identifier of letters and digits; spaces are dropped
   * @return a new transaction
   * @throws InvalidTransactionException ({@code payeeAccount}) if it is not 1 to 34 of them
   * @throws NullPointerException if {@code account} is null
   */
  public Transaction withPayeeAccount(String account) {
    String compact =
        Objects.requireNonNull(account, "account")
            .replace(" ", "")
            .toUpperCase(java.util.Locale.ROOT);
    if (!ACCOUNT.matcher(compact).matches()) {
      throw new InvalidTransactionException(
          "payeeAccount", "an account is 1 to 34 letters and digits");
    }
    return new Transaction(amount, currency, payee, compact, reference);
  }

  /**
   * Returns this transaction with a reference.
   *
   * @param reference the payment's reference, 1 to 140 characters
   * @return a new transaction
   * @throws InvalidTransactionException ({@code reference}) as a payee would be
   * @throws NullPointerException if {@code reference} is null
   */
  public Transaction withReference(String reference) {
    return new Transaction(
        amount,
        currency,
        payee,
        payeeAccount,
        text("reference", Objects.requireNonNull(reference, "reference"), MAX_REFERENCE_LENGTH));
  }

  /**
   * Returns the amount with exactly the currency's minor digits.
   *
   * @return such as {@code 12.50}
   */
  public String amount() {
    return amount;
  }

  /**
   * Returns the currency.
   *
   * @return the ISO 4217 code
   */
  public String currency() {
    return currency;
  }

  /**
   * Returns the payee, normalized.
   *
   * @return the payee
   */
  public String payee() {
    return payee;
  }

  /**
   * Returns the payee's account, if given.
   *
   * @return the account, or empty
   */
  public Optional<String> payeeAccount() {
    return Optional.ofNullable(payeeAccount);
  }

  /**
   * Returns the reference, if given.
   *
   * @return the reference, or empty
   */
  public Optional<String> reference() {
    return Optional.ofNullable(reference);
  }

  /**
   * Returns the SHA-256 digest of the canonical encoding: each element as its UTF-8 length and
   * bytes, in order, absent ones as length -1, after a version tag.
   *
   * @return 32 bytes, a new array
   */
  public byte[] digest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("custos transaction v1".getBytes(StandardCharsets.US_ASCII));
      for (String element : new String[] {amount, currency, payee, payeeAccount, reference}) {
        byte[] bytes = element == null ? null : element.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
          sha.update(bytes);
        }
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static int minorDigits(String currency) {
    if (!CURRENCY.matcher(currency).matches()) {
      throw new InvalidTransactionException("currency", "a currency is an ISO 4217 code");
    }
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      if (digits < 0) {
        throw new InvalidTransactionException("currency", "the currency has no minor units");
      }
      return digits;
    } catch (IllegalArgumentException e) {
      if (e instanceof InvalidTransactionException refused) {
        throw refused;
      }
      throw new InvalidTransactionException("currency", "not an ISO 4217 currency");
    }
  }

  private static String amount(String amount, int digits) {
    var m = AMOUNT.matcher(amount);
    if (!m.matches() || (m.group(3) != null && m.group(3).length() > digits)) {
      throw new InvalidTransactionException(
          "amount",
          "an amount is a positive decimal with at most "
              + digits
              + " minor digits and 15 integer digits");
    }
    String fraction = m.group(3) == null ? "" : m.group(3);
    String canonical =
        digits == 0
            ? m.group(1)
            : m.group(1) + "." + fraction + "0".repeat(digits - fraction.length());
    if (canonical.chars().allMatch(c -> c == '0' || c == '.')) {
      throw new InvalidTransactionException("amount", "an amount is positive");
    }
    return canonical;
  }

  /** NFC, white space runs as one space, trimmed; hidden and unassigned characters refused. */
  private static String text(String member, String value, int maxLength) {
    String normalized = Normalizer.normalize(value, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(normalized.length());
    boolean space = false;
    for (int i = 0; i < normalized.length(); ) {
      int c = normalized.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
        continue;
      }
      int type = Character.getType(c);
      if (type == Character.CONTROL
          || type == Character.FORMAT
          || type == Character.PRIVATE_USE
          || type == Character.SURROGATE
          || type == Character.UNASSIGNED) {
        throw new InvalidTransactionException(
            member, "control, format, private-use and unassigned characters are refused");
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.appendCodePoint(c);
    }
    int length = out.codePointCount(0, out.length());
    if (length == 0 || length > maxLength) {
      throw new InvalidTransactionException(
          member, member + " is 1 to " + maxLength + " characters");
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof Transaction other
        && other.amount.equals(amount)
        && other.currency.equals(currency)
        && other.payee.equals(payee)
        && Objects.equals(other.payeeAccount, payeeAccount)
        && Objects.equals(other.reference, reference);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount, currency, payee, payeeAccount, reference);
  }

  @Override
  public String toString() {
    return "Transaction[" + amount + " " + currency + "]";
  }
}
