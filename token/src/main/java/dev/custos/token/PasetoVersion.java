package dev.custos.token;

/**
 * The PASETO versions Custos signs and verifies, both with Ed25519 public-key signatures.
 *
 * <p>Choose {@link #V2_PUBLIC} (the default) for tokens shaped like the spec's examples ({@code
 * v2.public.eyJyb2xlIjoiY3VzdG9tZX...}) and for verifiers that only know version 2. Choose {@link
 * #V4_PUBLIC} where every verifier is current: the specification deprecates version 2 in favour of
 * version 4, which signs the same way but also binds an implicit assertion (context the verifier
 * must supply, never carried in the token). A key is bound to one version and is refused by the
 * other.
 */
public enum PasetoVersion {
  /** {@code v2.public}: Ed25519 over PAE(header, payload, footer). */
  V2_PUBLIC("v2.public.", "k2"),
  /** {@code v4.public}: Ed25519 over PAE(header, payload, footer, implicit assertion). */
  V4_PUBLIC("v4.public.", "k4");

  private final String header;
  private final String paserkPrefix;

  PasetoVersion(String header, String paserkPrefix) {
    this.header = header;
    this.paserkPrefix = paserkPrefix;
  }

  /**
   * Returns the token header, such as {@code v2.public.}.
   *
   * @return the header every token of this version starts with
   */
  public String header() {
    return header;
  }

  /** The PASERK version prefix: {@code k2} or {@code k4}. */
  String paserkPrefix() {
    return paserkPrefix;
  }
}
