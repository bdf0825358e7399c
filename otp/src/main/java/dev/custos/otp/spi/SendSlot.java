package dev.custos.otp.spi;

import dev.custos.otp.spi.OtpStore.Scope;
import java.util.Objects;

/** One window a start counts against: its scope, its id and its limit. Immutable. */
public final class SendSlot {
  private final Scope scope;
  private final String id;
  private final SendLimit limit;

  private SendSlot(Scope scope, String id, SendLimit limit) {
    this.scope = scope;
    this.id = id;
    this.limit = limit;
  }

  /**
   * Returns a slot.
   *
   * @param scope what the window counts
   * @param id the customer id, the phone's keyed id, or {@code "global"}
   * @param limit the window's limit
   * @return the slot
   * @throws NullPointerException if an argument is null
   */
  public static SendSlot of(Scope scope, String id, SendLimit limit) {
    return new SendSlot(
        Objects.requireNonNull(scope, "scope"),
        Objects.requireNonNull(id, "id"),
        Objects.requireNonNull(limit, "limit"));
  }

  /**
   * Returns what the window counts.
   *
   * @return the scope
   */
  public Scope scope() {
    return scope;
  }

  /**
   * Returns the id the window is kept under.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the window's limit.
   *
   * @return the limit
   */
  public SendLimit limit() {
    return limit;
  }

  @Override
  public String toString() {
    return "SendSlot[" + scope + ", " + limit + "]";
  }
}
