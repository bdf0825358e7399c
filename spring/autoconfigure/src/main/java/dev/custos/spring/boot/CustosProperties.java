package dev.custos.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Custos's settings under {@code custos.*}. Only a signing key is required ({@code custos.key.file}
 * or {@code custos.key.value}); everything else has the library's defaults.
 */
@ConfigurationProperties("custos")
public class CustosProperties {
  /**
   * Sandbox mode: a signing key generated at start-up when none is configured, codes kept in an
   * in-memory outbox served at /sandbox/messages instead of sent. Never in production.
   */
  private boolean sandbox;

  /** Issuer recorded in every token and required of every token verified. */
  private String issuer = "custos";

  /** Brand named in the SMS and voice messages. */
  private String brand = "Custos";

  /** Size of the authorizer's cache of verified tokens. */
  private long cacheSize = 100_000;

  private final Key key = new Key();
  private final Otp otp = new Otp();

  @NestedConfigurationProperty
  private final CustosRedisProperties redis = new CustosRedisProperties();

  @NestedConfigurationProperty
  private final CustosIdentityProviderProperties identityProvider =
      new CustosIdentityProviderProperties();

  @NestedConfigurationProperty
  private final CustosPasskeyProperties passkeys = new CustosPasskeyProperties();

  private final Endpoints endpoints = new Endpoints();

  /**
   * Returns whether sandbox mode is on.
   *
   * @return {@code custos.sandbox}
   */
  public boolean isSandbox() {
    return sandbox;
  }

  /**
   * Sets sandbox mode.
   *
   * @param sandbox {@code custos.sandbox}
   */
  public void setSandbox(boolean sandbox) {
    this.sandbox = sandbox;
  }

  /**
   * Returns the issuer.
   *
   * @return {@code custos.issuer}
   */
  public String getIssuer() {
    return issuer;
  }

  /**
   * Sets the issuer.
   *
   * @param issuer {@code custos.issuer}
   */
  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  /**
   * Returns the brand.
   *
   * @return {@code custos.brand}
   */
  public String getBrand() {
    return brand;
  }

  /**
   * Sets the brand.
   *
   * @param brand {@code custos.brand}
   */
  public void setBrand(String brand) {
    this.brand = brand;
  }

  /**
   * Returns the verified-token cache size.
   *
   * @return {@code custos.cache-size}
   */
  public long getCacheSize() {
    return cacheSize;
  }

  /**
   * Sets the verified-token cache size.
   *
   * @param cacheSize {@code custos.cache-size}
   */
  public void setCacheSize(long cacheSize) {
    this.cacheSize = cacheSize;
  }

  /**
   * Returns the signing key settings.
   *
   * @return {@code custos.key.*}
   */
  public Key getKey() {
    return key;
  }

  /**
   * Returns the one-time-code settings.
   *
   * @return {@code custos.otp.*}
   */
  public Otp getOtp() {
    return otp;
  }

  /**
   * Returns the Redis settings.
   *
   * @return {@code custos.redis.*}
   */
  public CustosRedisProperties getRedis() {
    return redis;
  }

  /**
   * Returns the identity provider's settings.
   *
   * @return {@code custos.identity-provider.*}
   */
  public CustosIdentityProviderProperties getIdentityProvider() {
    return identityProvider;
  }

  /**
   * Returns the passkey settings.
   *
   * @return {@code custos.passkeys.*}
   */
  public CustosPasskeyProperties getPasskeys() {
    return passkeys;
  }

  /**
   * Returns the endpoint settings.
   *
   * @return {@code custos.endpoints.*}
   */
  public Endpoints getEndpoints() {
    return endpoints;
  }

  /** The signing key, and the keys still accepted after a rotation. */
  public static class Key {
    /** File holding the signing key: a PASERK k2.secret/k4.secret, or a private JWK. */
    private Path file;

    /**
     * The signing key itself (PASERK or private JWK), for a key fed by the environment; excludes
     * custos.key.file.
     */
    private String value;

    /** PASETO version of the key, v2 or v4; required for a JWK, checked against a PASERK. */
    private String version;

    /**
     * Public keys (PASERK k2.public/k4.public or public JWK) still accepted, for tokens signed by a
     * key rotated out.
     */
    private List<String> verificationKeys = new ArrayList<>();

    /**
     * Returns the key file.
     *
     * @return {@code custos.key.file}
     */
    public Path getFile() {
      return file;
    }

    /**
     * Sets the key file.
     *
     * @param file {@code custos.key.file}
     */
    public void setFile(Path file) {
      this.file = file;
    }

    /**
     * Returns the key text.
     *
     * @return {@code custos.key.value}
     */
    public String getValue() {
      return value;
    }

    /**
     * Sets the key text.
     *
     * @param value {@code custos.key.value}
     */
    public void setValue(String value) {
      this.value = value;
    }

    /**
     * Returns the PASETO version.
     *
     * @return {@code custos.key.version}
     */
    public String getVersion() {
      return version;
    }

    /**
     * Sets the PASETO version.
     *
     * @param version {@code custos.key.version}
     */
    public void setVersion(String version) {
      this.version = version;
    }

    /**
     * Returns the extra verification keys.
     *
     * @return {@code custos.key.verification-keys}
     */
    public List<String> getVerificationKeys() {
      return verificationKeys;
    }

    /**
     * Sets the extra verification keys.
     *
     * @param verificationKeys {@code custos.key.verification-keys}
     */
    public void setVerificationKeys(List<String> verificationKeys) {
      this.verificationKeys = verificationKeys;
    }

    @Override
    public String toString() {
      // The key is a secret: its settings say only where it comes from.
      return "Key[file=" + file + ", value=" + (value == null ? "unset" : "set") + "]";
    }
  }

  /** The one-time-code engine. */
  public static class Otp {
    /** How long a sent code stays valid. */
    private Duration codeLifetime = Duration.ofMinutes(10);

    /** Wrong codes accepted before a verification is spent. */
    private int maxAttempts = 5;

    /** Languages a verification may ask for (built-in templates); empty for all of them. */
    private List<String> languages = new ArrayList<>();

    /** Calling codes phones may have (for example 1, 44); empty for any. */
    private List<String> allowedCountries = new ArrayList<>();

    /** Codes this instance sends per minute, all customers together. */
    private int maxSendsPerMinute = 1_000;

    /**
     * Returns the code lifetime.
     *
     * @return {@code custos.otp.code-lifetime}
     */
    public Duration getCodeLifetime() {
      return codeLifetime;
    }

    /**
     * Sets the code lifetime.
     *
     * @param codeLifetime {@code custos.otp.code-lifetime}
     */
    public void setCodeLifetime(Duration codeLifetime) {
      this.codeLifetime = codeLifetime;
    }

    /**
     * Returns the attempts per verification.
     *
     * @return {@code custos.otp.max-attempts}
     */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets the attempts per verification.
     *
     * @param maxAttempts {@code custos.otp.max-attempts}
     */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /**
     * Returns the languages.
     *
     * @return {@code custos.otp.languages}
     */
    public List<String> getLanguages() {
      return languages;
    }

    /**
     * Sets the languages.
     *
     * @param languages {@code custos.otp.languages}
     */
    public void setLanguages(List<String> languages) {
      this.languages = languages;
    }

    /**
     * Returns the allowed calling codes.
     *
     * @return {@code custos.otp.allowed-countries}
     */
    public List<String> getAllowedCountries() {
      return allowedCountries;
    }

    /**
     * Sets the allowed calling codes.
     *
     * @param allowedCountries {@code custos.otp.allowed-countries}
     */
    public void setAllowedCountries(List<String> allowedCountries) {
      this.allowedCountries = allowedCountries;
    }

    /**
     * Returns the global send budget.
     *
     * @return {@code custos.otp.max-sends-per-minute}
     */
    public int getMaxSendsPerMinute() {
      return maxSendsPerMinute;
    }

    /**
     * Sets the global send budget.
     *
     * @param maxSendsPerMinute {@code custos.otp.max-sends-per-minute}
     */
    public void setMaxSendsPerMinute(int maxSendsPerMinute) {
      this.maxSendsPerMinute = maxSendsPerMinute;
    }
  }

  /** The spec's endpoints served on Spring MVC. */
  public static class Endpoints {
    /** Whether the token endpoints and GET /identity are served. */
    private boolean enabled = true;

    /** Path the endpoints are served under, for example /api; empty for the root. */
    private String basePath = "";

    /**
     * Returns whether the endpoints are served.
     *
     * @return {@code custos.endpoints.enabled}
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the endpoints are served.
     *
     * @param enabled {@code custos.endpoints.enabled}
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Returns the base path.
     *
     * @return {@code custos.endpoints.base-path}
     */
    public String getBasePath() {
      return basePath;
    }

    /**
     * Sets the base path.
     *
     * @param basePath {@code custos.endpoints.base-path}
     */
    public void setBasePath(String basePath) {
      this.basePath = basePath;
    }
  }
}
