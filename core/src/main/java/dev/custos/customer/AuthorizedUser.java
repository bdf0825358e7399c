package dev.custos.customer;

import dev.custos.otp.Phone;
import dev.custos.token.TokenRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * A person a business customer authorizes to act for it, as a customer token can be bound to one
 * (Unit's {@code relationships.authorizedUserResource}): an id the host gives, the phone that
 * receives the user's codes, and the identity provider's subject for the user's JWTs.
 *
 * <p>Instances are immutable and safe to share between threads. {@link #toString()} masks the
 * phone.
 */
public final class AuthorizedUser {
  private final String id;
  private final Phone phone;
  private final String jwtSubject;

  private AuthorizedUser(String id, Phone phone, String jwtSubject) {
    this.id = id;
    this.phone = phone;
    this.jwtSubject = jwtSubject;
  }

  /**
   * Returns an authorized user.
   *
   * @param id the user's id: 1 to 128 of {@code [A-Za-z0-9._:-]}, unique within the customer
   * @param phone the phone that receives the user's codes
   * @return the user
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the id is malformed
   */
  public static AuthorizedUser of(String id, Phone phone) {
    if (!TokenRequest.isCustomerId(Objects.requireNonNull(id, "id"))) {
      throw new IllegalArgumentException(
          "an authorized user id is 1 to 128 letters, digits or . _ : -");
    }
    return new AuthorizedUser(id, Objects.requireNonNull(phone, "phone"), null);
  }

  /**
   * Returns this user with the identity provider's subject ({@code sub}) for the user's JWTs.
   *
   * @param subject the subject
   * @return a new user
   * @throws NullPointerException if {@code subject} is null
   * @throws IllegalArgumentException if it is blank
   */
  public AuthorizedUser withJwtSubject(String subject) {
    if (Objects.requireNonNull(subject, "subject").isBlank()) {
      throw new IllegalArgumentException("a JWT subject is blank");
    }
    return new AuthorizedUser(id, phone, subject);
  }

  /**
   * Returns the user's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the phone that receives the user's codes.
   *
   * @return the phone
   */
  public Phone phone() {
    return phone;
  }

  /**
   * Returns the identity provider's subject for the user.
   *
   * @return the subject, or empty if the user has no JWTs
   */
  public Optional<String> jwtSubject() {
    return Optional.ofNullable(jwtSubject);
  }

  @Override
  public String toString() {
    return "AuthorizedUser[" + id + ", " + phone + "]";
  }
}
