package dev.custos.customer;

import dev.custos.otp.Phone;
import dev.custos.token.TokenRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Custos needs to know about a customer: its type, whether it is active, where to send its
 * verification codes, and, for a business, the phones of its authorized users.
 *
 * <p>Instances are immutable and safe to share between threads. {@link #toString()} masks phones.
 */
public final class Customer {
  /** Whether a customer is a person or a business. */
  public enum Type {
    /** A person; codes go to the customer's own phone. */
    INDIVIDUAL,
    /** A business; codes go to its contact's phone, or to an authorized user's on request. */
    BUSINESS
  }

  private final String id;
  private final Type type;
  private final boolean active;
  private final Phone contactPhone;
  private final List<Phone> authorizedUserPhones;
  private final Set<String> jwtSubjects;
  private final List<AuthorizedUser> authorizedUsers;

  private Customer(
      String id,
      Type type,
      boolean active,
      Phone contactPhone,
      List<Phone> authorizedUserPhones,
      Set<String> jwtSubjects,
      List<AuthorizedUser> authorizedUsers) {
    this.id = id;
    this.type = type;
    this.active = active;
    this.contactPhone = contactPhone;
    this.authorizedUserPhones = authorizedUserPhones;
    this.jwtSubjects = jwtSubjects;
    this.authorizedUsers = authorizedUsers;
  }

  /**
   * Returns an active individual customer.
   *
   * @param id the customer's id
   * @param phone the customer's phone
   * @return the customer
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the id is not a customer id ({@link
   *     TokenRequest#isCustomerId}) or starts with {@value
   *     CardholderTokenService#OTP_SUBJECT_PREFIX} (reserved for cards)
   */
  public static Customer individual(String id, Phone phone) {
    return new Customer(
        checkId(id),
        Type.INDIVIDUAL,
        true,
        Objects.requireNonNull(phone, "phone"),
        List.of(),
        Set.of(),
        List.of());
  }

  /**
   * Returns an active business customer.
   *
   * @param id the customer's id
   * @param contactPhone the business contact's phone
   * @param authorizedUserPhones the phones of its authorized users (possibly none)
   * @return the customer
   * @throws NullPointerException if an argument or a phone is null
   * @throws IllegalArgumentException if the id is not a customer id ({@link
   *     TokenRequest#isCustomerId}) or starts with {@value
   *     CardholderTokenService#OTP_SUBJECT_PREFIX} (reserved for cards)
   */
  public static Customer business(String id, Phone contactPhone, List<Phone> authorizedUserPhones) {
    return new Customer(
        checkId(id),
        Type.BUSINESS,
        true,
        Objects.requireNonNull(contactPhone, "contactPhone"),
        List.copyOf(authorizedUserPhones),
        Set.of(),
        List.of());
  }

  /**
   * Returns this customer marked inactive (closed, frozen, archived): no verification or token is
   * issued for it.
   *
   * @return a new, inactive customer
   */
  public Customer inactive() {
    return new Customer(
        id, type, false, contactPhone, authorizedUserPhones, jwtSubjects, authorizedUsers);
  }

  /**
   * Returns this customer with the subjects ({@code sub}) under which the platform's identity
   * provider knows it, or a business's authorized users: a JWT of one of them stands in for a
   * one-time code (Unit's {@code jwtToken}).
   *
   * @param subjects the {@code sub} values
   * @return a new customer
   * @throws NullPointerException if the array or a subject is null
   * @throws IllegalArgumentException if a subject is blank
   */
  public Customer withJwtSubjects(String... subjects) {
    Set<String> checked = new java.util.LinkedHashSet<>();
    for (String subject : subjects) {
      if (Objects.requireNonNull(subject, "subject").isBlank()) {
        throw new IllegalArgumentException("a JWT subject is blank");
      }
      checked.add(subject);
    }
    authorizedUsers.forEach(user -> user.jwtSubject().ifPresent(checked::add));
    return new Customer(
        id, type, active, contactPhone, authorizedUserPhones, Set.copyOf(checked), authorizedUsers);
  }

  /**
   * Returns this business with these authorized users, each known by an id, so that a customer
   * token can be bound to one of them (Unit's {@code relationships.authorizedUserResource}): their
   * phones join {@link #authorizedUserPhones()}, their JWT subjects {@link #jwtSubjects()}.
   *
   * @param users the users to add
   * @return a new customer
   * @throws IllegalStateException if this customer is not a business
   * @throws IllegalArgumentException if two users (added now or before) share an id
   * @throws NullPointerException if the array or a user is null
   */
  public Customer withAuthorizedUsers(AuthorizedUser... users) {
    if (type != Type.BUSINESS) {
      throw new IllegalStateException("only a business has authorized users");
    }
    List<AuthorizedUser> all = new java.util.ArrayList<>(authorizedUsers);
    List<Phone> phones = new java.util.ArrayList<>(authorizedUserPhones);
    Set<String> subjects = new java.util.LinkedHashSet<>(jwtSubjects);
    for (AuthorizedUser user : users) {
      Objects.requireNonNull(user, "user");
      if (all.stream().anyMatch(u -> u.id().equals(user.id()))) {
        throw new IllegalArgumentException("two authorized users share the id " + user.id());
      }
      all.add(user);
      phones.add(user.phone());
      user.jwtSubject().ifPresent(subjects::add);
    }
    return new Customer(
        id,
        type,
        active,
        contactPhone,
        List.copyOf(phones),
        Set.copyOf(subjects),
        List.copyOf(all));
  }

  /**
   * Returns the authorized users known by id ({@link #withAuthorizedUsers}).
   *
   * @return an immutable list; empty unless set
   */
  public List<AuthorizedUser> authorizedUsers() {
    return authorizedUsers;
  }

  /**
   * Finds an authorized user by id.
   *
   * @param userId the id
   * @return the user, or empty if this customer has none with it
   * @throws NullPointerException if {@code userId} is null
   */
  public Optional<AuthorizedUser> authorizedUser(String userId) {
    Objects.requireNonNull(userId, "userId");
    return authorizedUsers.stream().filter(u -> u.id().equals(userId)).findFirst();
  }

  /**
   * Returns the identity provider's subjects for this customer and its authorized users.
   *
   * @return an immutable set; empty unless set
   */
  public Set<String> jwtSubjects() {
    return jwtSubjects;
  }

  /**
   * Returns the customer's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns whether the customer is a person or a business.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }

  /**
   * Returns whether the customer is active.
   *
   * @return {@code true} if active
   */
  public boolean active() {
    return active;
  }

  /**
   * Returns the phone that receives the customer's codes by default.
   *
   * @return the contact phone
   */
  public Phone contactPhone() {
    return contactPhone;
  }

  /**
   * Returns the phones of a business's authorized users.
   *
   * @return an immutable list; empty for individuals
   */
  public List<Phone> authorizedUserPhones() {
    return authorizedUserPhones;
  }

  @Override
  public String toString() {
    return "Customer["
        + id
        + ", "
        + type
        + (active ? "" : ", inactive")
        + ", "
        + contactPhone
        + "]";
  }

  /**
   * The token module's rule: a customer no token could name is refused here, not at mint time. And
   * no customer id is a card's OTP subject: a cardholder's code must never verify a customer.
   */
  private static String checkId(String id) {
    if (!TokenRequest.isCustomerId(Objects.requireNonNull(id, "id"))) {
      throw new IllegalArgumentException("customer id must be 1 to 128 letters, digits or . _ : -");
    }
    if (id.startsWith(CardholderTokenService.OTP_SUBJECT_PREFIX)) {
      throw new IllegalArgumentException(
          "customer ids starting with "
              + CardholderTokenService.OTP_SUBJECT_PREFIX
              + " are reserved for cardholder verifications");
    }
    return id;
  }
}
