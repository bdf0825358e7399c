package dev.custos.jsonapi;

import java.util.List;

/**
 * The parts of an HTTP request Custos's endpoints read, as any HTTP server hands them over: the
 * {@code Authorization} and {@code Content-Type} headers, the body's bytes, the connection's remote
 * address and the {@code X-Forwarded-For} values. The endpoints do the rest themselves (media type,
 * body bound, UTF-8, the client behind trusted proxies), so every adapter behaves the same.
 *
 * <pre>{@code
 * ApiRequest request = ApiRequest.builder()
 *     .authorization(http.header("Authorization"))
 *     .contentType(http.header("Content-Type"))
 *     .body(http.bodyBytes())
 *     .remoteAddress(http.remoteAddress())
 *     .forwardedFor(http.headers("X-Forwarded-For"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable; the body is copied in. It holds a bearer token: {@link #toString()} shows none.
 */
public final class ApiRequest {
  private final String authorization;
  private final String contentType;
  private final byte[] body;
  private final String remoteAddress;
  private final List<String> forwardedFor;

  private ApiRequest(Builder b) {
    this.authorization = b.authorization;
    this.contentType = b.contentType;
    this.body = b.body;
    this.remoteAddress = b.remoteAddress;
    this.forwardedFor = b.forwardedFor;
  }

  /**
   * Returns a builder; every part is optional (absent, as an HTTP request may leave it).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  String authorization() {
    return authorization;
  }

  String contentType() {
    return contentType;
  }

  /** The body as sent; the endpoints read it without changing it. */
  byte[] body() {
    return body;
  }

  String remoteAddress() {
    return remoteAddress;
  }

  List<String> forwardedFor() {
    return forwardedFor;
  }

  @Override
  public String toString() {
    return "ApiRequest["
        + (authorization == null ? "no credentials" : "credentials")
        + ", "
        + body.length
        + " bytes]";
  }

  /** Collects an {@link ApiRequest}. Not thread-safe. */
  public static final class Builder {
    private String authorization;
    private String contentType;
    private byte[] body = new byte[0];
    private String remoteAddress;
    private List<String> forwardedFor = List.of();

    private Builder() {}

    /**
     * Sets the {@code Authorization} header.
     *
     * @param header its value, or null if the request has none
     * @return this builder
     */
    public Builder authorization(String header) {
      this.authorization = header;
      return this;
    }

    /**
     * Sets the {@code Content-Type} header.
     *
     * @param header its value, or null if the request has none (read as JSON:API)
     * @return this builder
     */
    public Builder contentType(String header) {
      this.contentType = header;
      return this;
    }

    /**
     * Sets the body.
     *
     * @param bytes the body as received, or null for none; copied
     * @return this builder
     */
    public Builder body(byte[] bytes) {
      this.body = bytes == null ? new byte[0] : bytes.clone();
      return this;
    }

    /**
     * Sets the connection's remote address: the client's, or a proxy's when it is one of the
     * endpoints' trusted proxies.
     *
     * @param ipLiteral the address as an IP literal (such as {@code 203.0.113.7} or {@code ::1}),
     *     or null if not known; never looked up as a name
     * @return this builder
     */
    public Builder remoteAddress(String ipLiteral) {
      this.remoteAddress = ipLiteral;
      return this;
    }

    /**
     * Sets the {@code X-Forwarded-For} header's values, in the order the request carries them; read
     * only when the connection comes from a trusted proxy.
     *
     * @param values the values, or null if the request has none (the default)
     * @return this builder
     * @throws NullPointerException if a value is null
     */
    public Builder forwardedFor(List<String> values) {
      this.forwardedFor = values == null ? List.of() : List.copyOf(values);
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
