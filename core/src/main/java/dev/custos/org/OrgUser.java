package dev.custos.org;

import java.util.Objects;

/**
 * The org user making a request, as the host authenticated them: who they are and whether they hold
 * the admin role. Only admins manage API tokens, and only their own.
 *
 * <p>Immutable and thread-safe.
 */
public final class OrgUser {
  private final String id;
  private final boolean admin;

  private OrgUser(String id, boolean admin) {
    this.id = id;
    this.admin = admin;
  }

  /**
   * Returns an admin user.
   *
   * @param id the user's id
   * @return the user
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code id} is blank
   */
  public static OrgUser admin(String id) {
    return new OrgUser(checkId(id), true);
  }

  /**
   * Returns a user without the admin role.
   *
   * @param id the user's id
   * @return the user
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code id} is blank
   */
  public static OrgUser member(String id) {
    return new OrgUser(checkId(id), false);
  }

  private static String checkId(String id) {
    if (Objects.requireNonNull(id, "id").isBlank()) {
      throw new IllegalArgumentException("a user id is blank");
    }
    return id;
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
   * Returns whether the user holds the admin role.
   *
   * @return {@code true} for admins
   */
  public boolean isAdmin() {
    return admin;
  }

  @Override
  public String toString() {
    return "OrgUser[" + id + (admin ? ", admin" : "") + "]";
  }
}
