package dev.custos.spring.boot;

import java.net.URI;
import java.time.Duration;

/**
 * The platform's identity provider, whose JWTs stand in for a one-time code (Unit's {@code
 * jwtToken}; {@code custos.identity-provider.*}): a preset of a provider Unit names, or an issuer
 * and its JWKS location. Off unless {@code preset} or {@code issuer} is set.
 */
public class CustosIdentityProviderProperties {
  /**
   * A provider Unit names, by preset: auth0:DOMAIN, cognito:USER_POOL_ID or stytch:PROJECT_ID
   * (Auth0 and Cognito also need the audience); instead of issuer and jwks-uri.
   */
  private String preset;

  /** The iss of the provider's JWTs, exactly; with jwks-uri and audience. */
  private String issuer;

  /** Where the provider publishes its JWK Set (https://...). */
  private URI jwksUri;

  /**
   * The aud the provider puts in JWTs for this API (Auth0's API identifier, Cognito's app client
   * id); required, except for Stytch, whose audience is the project.
   */
  private String audience;

  /** How long after its iat a JWT is accepted. */
  private Duration maxAge = Duration.ofMinutes(5);

  /**
   * Returns the preset.
   *
   * @return {@code custos.identity-provider.preset}
   */
  public String getPreset() {
    return preset;
  }

  /**
   * Sets the preset.
   *
   * @param preset {@code custos.identity-provider.preset}
   */
  public void setPreset(String preset) {
    this.preset = preset;
  }

  /**
   * Returns the issuer.
   *
   * @return {@code custos.identity-provider.issuer}
   */
  public String getIssuer() {
    return issuer;
  }

  /**
   * Sets the issuer.
   *
   * @param issuer {@code custos.identity-provider.issuer}
   */
  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  /**
   * Returns the JWKS location.
   *
   * @return {@code custos.identity-provider.jwks-uri}
   */
  public URI getJwksUri() {
    return jwksUri;
  }

  /**
   * Sets the JWKS location.
   *
   * @param jwksUri {@code custos.identity-provider.jwks-uri}
   */
  public void setJwksUri(URI jwksUri) {
    this.jwksUri = jwksUri;
  }

  /**
   * Returns the audience.
   *
   * @return {@code custos.identity-provider.audience}
   */
  public String getAudience() {
    return audience;
  }

  /**
   * Sets the audience.
   *
   * @param audience {@code custos.identity-provider.audience}
   */
  public void setAudience(String audience) {
    this.audience = audience;
  }

  /**
   * Returns the maximum age.
   *
   * @return {@code custos.identity-provider.max-age}
   */
  public Duration getMaxAge() {
    return maxAge;
  }

  /**
   * Sets the maximum age.
   *
   * @param maxAge {@code custos.identity-provider.max-age}
   */
  public void setMaxAge(Duration maxAge) {
    this.maxAge = maxAge;
  }
}
