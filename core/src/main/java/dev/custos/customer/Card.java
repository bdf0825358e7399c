package dev.custos.customer;

import dev.custos.otp.Phone;
import dev.custos.token.Resources;
import dev.custos.token.TokenRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * What Custos needs to know about a card for a cardholder token: its id, the account and customer
 * it is under, whether it is active, and the phone registered to it (a business card's cardholder,
 * who may be neither the business contact nor an authorized user).
 *
 * <p>Instances are immutable and safe to share between threads. {@link #toString()} masks the
 * phone.
 */
public final class Card {
  private final String id;
  private final String accountId;
  private final String customerId;
  private final Phone phone;
  private final boolean active;

  private Card(String id, String accountId, String customerId, Phone phone, boolean active) {
    this.id = id;
    this.accountId = accountId;
    this.customerId = customerId;
    this.phone = phone;
    this.active = active;
  }

  /**
   * Returns an active card without a phone of its own: its codes go to its customer's phone.
   *
   * @param id the card's id, as Unit writes them (digits, no leading zero)
   * @param accountId the id of the account the card is under, likewise
   * @param customerId the id of the customer who owns the card
   * @return the card
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an id is malformed ({@link Resources#isId}, {@link
   *     TokenRequest#isCustomerId})
   */
  public static Card of(String id, String accountId, String customerId) {
    if (!Resources.isId(Objects.requireNonNull(id, "id"))) {
      throw new IllegalArgumentException("a card id is a number without a leading zero");
    }
    if (!Resources.isId(Objects.requireNonNull(accountId, "accountId"))) {
      throw new IllegalArgumentException("an account id is a number without a leading zero");
    }
    if (!TokenRequest.isCustomerId(Objects.requireNonNull(customerId, "customerId"))) {
      throw new IllegalArgumentException("customer id must be 1 to 128 letters, digits or . _ : -");
    }
    return new Card(id, accountId, customerId, null, true);
  }

  /**
   * Returns this card with the phone registered to it: its cardholder's codes go there.
   *
   * @param phone the cardholder's phone
   * @return a new card
   * @throws NullPointerException if {@code phone} is null
   */
  public Card withPhone(Phone phone) {
    return new Card(id, accountId, customerId, Objects.requireNonNull(phone, "phone"), active);
  }

  /**
   * Returns this card marked inactive (closed, frozen, lost): no cardholder verification or token
   * is issued for it.
   *
   * @return a new, inactive card
   */
  public Card inactive() {
    return new Card(id, accountId, customerId, phone, false);
  }

  /**
   * Returns the card's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the id of the account the card is under.
   *
   * @return the account id
   */
  public String accountId() {
    return accountId;
  }

  /**
   * Returns the id of the customer who owns the card.
   *
   * @return the customer id
   */
  public String customerId() {
    return customerId;
  }

  /**
   * Returns the phone registered to the card.
   *
   * @return the phone, or empty if codes go to the customer's phone
   */
  public Optional<Phone> phone() {
    return Optional.ofNullable(phone);
  }

  /**
   * Returns whether the card is active.
   *
   * @return {@code true} if active
   */
  public boolean active() {
    return active;
  }

  @Override
  public String toString() {
    return "Card["
        + id
        + ", account "
        + accountId
        + ", customer "
        + customerId
        + (active ? "" : ", inactive")
        + (phone == null ? "" : ", " + phone)
        + "]";
  }
}
