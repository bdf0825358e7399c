package dev.custos.customer;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity providers Unit names in its org settings, each as a {@link JwtIdentityProvider}
 * builder with that provider's issuer, key location, algorithm and claim rules filled in: add a
 * replay store and a clock, then build. What each accepts is the provider's token that proves a
 * user signed in, and nothing else the provider signs:
 *
 * <ul>
 *   <li><b>Auth0</b>: access tokens for your API (issuer {@code https://<domain>/}, audience your
 *       API's identifier, RS256). Auth0 adds no {@code jti} by default: add one in a post-login
 *       Action, as every JWT must carry one here.
 *   <li><b>Amazon Cognito</b>: ID tokens of one app client (issuer {@code
 *       https://cognito-idp.<region>.amazonaws.com/<user pool id>}, audience the app client id,
 *       {@code token_use} {@code id}, RS256): an access token, which has no {@code aud}, or an ID
 *       token of another app client does not pass.
 *   <li><b>Stytch</b>: session JWTs of one project (issuer {@code stytch.com/<project id>},
 *       audience the project id, RS256; the test or live key set from the project id).
 * </ul>
 *
 * <p>Stateless.
 */
public final class IdentityProviderPresets {
  private static final Pattern HOST =
      Pattern.compile(
          "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
  private static final Pattern USER_POOL = Pattern.compile("([a-z]{2}(-[a-z]+)+-\\d)_[A-Za-z0-9]+");
  private static final Pattern PROJECT = Pattern.compile("project-(test|live)-[0-9a-f-]{36}");

  private IdentityProviderPresets() {}

  /**
   * Auth0: access tokens of a tenant for one API.
   *
   * @param domain the tenant's domain, such as {@code your-tenant.us.auth0.com} or a custom domain
   * @param apiIdentifier the API's identifier in Auth0, its tokens' audience
   * @return a builder with the issuer, key location, algorithm and audience set
   * @throws IllegalArgumentException if the domain is not a host name or the identifier is blank
   * @throws NullPointerException if an argument is null
   */
  public static JwtIdentityProvider.Builder auth0(String domain, String apiIdentifier) {
    String host = host(domain);
    return JwtIdentityProvider.builder("https://" + host + "/")
        .jwksUri(URI.create("https://" + host + "/.well-known/jwks.json"))
        .algorithms("RS256")
        .audience(Objects.requireNonNull(apiIdentifier, "apiIdentifier"));
  }

  /**
   * Amazon Cognito: ID tokens of one app client of a user pool.
   *
   * @param userPoolId the pool's id, such as {@code us-east-1_AbCdEf123}; its region comes first
   * @param appClientId the app client's id, its ID tokens' audience
   * @return a builder with the issuer, key location, algorithm, audience and {@code token_use} rule
   *     set
   * @throws IllegalArgumentException if the pool id is not one, or the client id is blank
   * @throws NullPointerException if an argument is null
   */
  public static JwtIdentityProvider.Builder cognito(String userPoolId, String appClientId) {
    Objects.requireNonNull(userPoolId, "userPoolId");
    var m = USER_POOL.matcher(userPoolId);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "a Cognito user pool id is <region>_<id>, such as us-east-1_AbCdEf123");
    }
    String issuer = "https://cognito-idp." + m.group(1) + ".amazonaws.com/" + userPoolId;
    return JwtIdentityProvider.builder(issuer)
        .jwksUri(URI.create(issuer + "/.well-known/jwks.json"))
        .algorithms("RS256")
        .audience(Objects.requireNonNull(appClientId, "appClientId"))
        .requireClaim("token_use", "id");
  }

  /**
   * Stytch: session JWTs of one project.
   *
   * @param projectId the project's id, {@code project-test-…} or {@code project-live-…}
   * @return a builder with the issuer, key location, algorithm and audience set
   * @throws IllegalArgumentException if the id is not a project id
   * @throws NullPointerException if {@code projectId} is null
   */
  public static JwtIdentityProvider.Builder stytch(String projectId) {
    Objects.requireNonNull(projectId, "projectId");
    var m = PROJECT.matcher(projectId);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "a Stytch project id is project-test-<uuid> or project-live-<uuid>");
    }
    String api = m.group(1).equals("live") ? "https://api.stytch.com" : "https://test.stytch.com";
    return JwtIdentityProvider.builder("stytch.com/" + projectId)
        .jwksUri(URI.create(api + "/v1/sessions/jwks/" + projectId))
        .algorithms("RS256")
        .audience(projectId);
  }

  /**
   * A preset named in one option, as {@code serve --jwt-provider} takes it: {@code auth0:<domain>},
   * {@code cognito:<user pool id>} or {@code stytch:<project id>}.
   *
   * @param preset the provider and its tenant, pool or project
   * @param audience Auth0's API identifier or Cognito's app client id; null for Stytch (whose
   *     audience is the project)
   * @return the preset's builder
   * @throws IllegalArgumentException if the preset is unknown or malformed, or the audience is
   *     missing where needed (or given for Stytch)
   * @throws NullPointerException if {@code preset} is null
   */
  public static JwtIdentityProvider.Builder of(String preset, String audience) {
    int colon = Objects.requireNonNull(preset, "preset").indexOf(':');
    String name = colon < 0 ? preset : preset.substring(0, colon).toLowerCase(Locale.ROOT);
    String value = colon < 0 ? "" : preset.substring(colon + 1);
    switch (name) {
      case "auth0", "cognito" -> {
        if (audience == null) {
          throw new IllegalArgumentException(
              name
                  + " needs an audience: "
                  + (name.equals("auth0") ? "the API's identifier" : "the app client id"));
        }
        return name.equals("auth0") ? auth0(value, audience) : cognito(value, audience);
      }
      case "stytch" -> {
        if (audience != null) {
          throw new IllegalArgumentException("stytch's audience is its project id: give none");
        }
        return stytch(value);
      }
      default ->
          throw new IllegalArgumentException(
              "an identity provider preset is auth0:<domain>, cognito:<user pool id> or"
                  + " stytch:<project id>");
    }
  }

  private static String host(String domain) {
    Objects.requireNonNull(domain, "domain");
    if (!HOST.matcher(domain).matches()) {
      throw new IllegalArgumentException(
          "an Auth0 domain is a host name, such as your-tenant.us.auth0.com (no scheme, no path)");
    }
    return domain.toLowerCase(Locale.ROOT);
  }
}
