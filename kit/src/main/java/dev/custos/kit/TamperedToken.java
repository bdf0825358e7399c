package dev.custos.kit;

import java.util.Objects;

/**
 * A customer token Custos must refuse with 401 {@code invalid_token}, and how it was spoiled.
 * Immutable; {@link #toString()} shows the kind, never the token.
 */
public final class TamperedToken {
  /** How the token was spoiled. */
  public enum Kind {
    /** One bit of the signed payload flipped: the signature no longer matches. */
    FLIPPED_PAYLOAD_BYTE,
    /** Signed with another key of the same version. */
    WRONG_KEY,
    /** The version header changed ({@code v4.public.} for {@code v2.public.}, or back). */
    WRONG_VERSION_HEADER,
    /** Valid in every other way, but past its expiry. */
    EXPIRED,
    /** Valid in every other way, but not valid yet (issued in the future). */
    NOT_YET_VALID,
    /** Signed with the right key for another issuer. */
    OTHER_ISSUER,
    /** Cut short. */
    TRUNCATED,
    /** Its base64url text altered without changing the bytes a lax decoder reads. */
    NON_CANONICAL_BASE64,
    /** Valid in every other way, but revoked on the platform. */
    REVOKED
  }

  private final Kind kind;
  private final String token;

  TamperedToken(Kind kind, String token) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.token = Objects.requireNonNull(token, "token");
  }

  /**
   * Returns how the token was spoiled.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the token.
   *
   * @return the token's text, for {@code Authorization: Bearer ...}
   */
  public String token() {
    return token;
  }

  @Override
  public String toString() {
    return "TamperedToken[" + kind + "]";
  }
}
