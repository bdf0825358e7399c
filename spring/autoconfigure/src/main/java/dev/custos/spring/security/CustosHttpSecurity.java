package dev.custos.spring.security;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.scopes.Scope;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.spring.web.ServletExchange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What Custos adds to every {@link HttpSecurity} of the application (a {@code
 * Customizer<HttpSecurity>} bean, which Spring Security applies to each filter chain before the
 * host's own configuration):
 *
 * <ul>
 *   <li>Spring Security's bearer-token filter, deciding with the {@link RequestAuthorizer} (its
 *       cache, revocations, source addresses) and answering with the library's errors;
 *   <li>the library's endpoints left to themselves: they authenticate their callers with the
 *       library's own rules (an org token, or the host's login for org API tokens), so no filter
 *       answers for them, CSRF protection (meant for cookies) does not apply, and they are
 *       permitted before the host's rules;
 *   <li>CSRF protection off for requests carrying an {@code Authorization} header: a bearer token
 *       is never sent by a browser on its own;
 *   <li>the RFC 9728 protected-resource metadata stating what Custos tokens are: bearer tokens in
 *       the header, Custos's scopes, not bound to a client certificate, issued by Custos's issuer
 *       (Spring Security always serves this document and requires an authorization server in it;
 *       the issuer is the only one there is, though it publishes no RFC 8414 metadata); when the
 *       issuer is not a URL, which the document cannot carry, the document is not served (404).
 * </ul>
 */
public final class CustosHttpSecurity implements Customizer<HttpSecurity> {
  private static final RequestMatcher METADATA =
      PathPatternRequestMatcher.withDefaults().matcher("/.well-known/oauth-protected-resource/**");

  private final AuthenticationManager authentication;
  private final CustosAuthenticationEntryPoint entryPoint;
  private final CustosAccessDeniedHandler deniedHandler;
  private final RequestMatcher endpoints;
  private final List<String> scopes;
  private final String issuer;

  /**
   * Creates the customizer.
   *
   * @param authorizer the authorizer
   * @param catalog the scopes, published in the metadata
   * @param entryPoint answers unauthenticated requests
   * @param deniedHandler answers refused requests
   * @param basePath where the library's endpoints are served ({@code ""} for the root)
   * @param issuer the issuer of the tokens, named as their authorization server
   */
  public CustosHttpSecurity(
      RequestAuthorizer authorizer,
      ScopeCatalog catalog,
      CustosAuthenticationEntryPoint entryPoint,
      CustosAccessDeniedHandler deniedHandler,
      String basePath,
      String issuer) {
    this.authentication = CustosBearerAuthentication.manager(authorizer);
    this.entryPoint = entryPoint;
    this.deniedHandler = deniedHandler;
    this.endpoints = endpoints(basePath);
    this.scopes = catalog.scopes().stream().map(Scope::name).toList();
    this.issuer = issuer;
  }

  /**
   * Returns the requests the library's endpoints answer themselves.
   *
   * @param basePath where they are served
   * @return a matcher of their methods and paths
   */
  public static RequestMatcher endpoints(String basePath) {
    PathPatternRequestMatcher.Builder paths =
        PathPatternRequestMatcher.withDefaults().basePath(basePath.isEmpty() ? "/" : basePath);
    RequestMatcher patterns =
        new OrRequestMatcher(
            paths.matcher(HttpMethod.POST, "/customers/{customerId}/token"),
            paths.matcher(HttpMethod.POST, "/customers/{customerId}/token/verification"),
            paths.matcher(HttpMethod.DELETE, "/customers/{customerId}/tokens"),
            paths.matcher(HttpMethod.DELETE, "/customers/{customerId}/tokens/{tokenId}"),
            paths.matcher(HttpMethod.POST, "/cards/{cardId}/cardholder/token"),
            paths.matcher(HttpMethod.POST, "/cards/{cardId}/cardholder/token/verification"),
            paths.matcher("/users/{userId}/api-tokens"),
            paths.matcher("/users/{userId}/api-tokens/{tokenId}"),
            paths.matcher(HttpMethod.POST, "/customers/{customerId}/passkeys/registration"),
            paths.matcher("/customers/{customerId}/passkeys"),
            paths.matcher(HttpMethod.DELETE, "/customers/{customerId}/passkeys/{passkeyId}"),
            paths.matcher(HttpMethod.GET, "/identity"),
            paths.matcher(HttpMethod.GET, "/sandbox/messages"));
    List<String> prefixes =
        List.of("/customers/", "/cards/", "/users/", "/identity", "/sandbox/").stream()
            .map(prefix -> basePath + prefix)
            .toList();
    // Every request of the host's own passes here up to three times (the bearer filter, CSRF, the
    // rules): a prefix look rules most of them out before the path patterns are matched.
    return request -> {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      for (String prefix : prefixes) {
        if (path.startsWith(prefix)) {
          return patterns.matches(request);
        }
      }
      return false;
    };
  }

  @Override
  public void customize(HttpSecurity http) {
    http.oauth2ResourceServer(
        server ->
            server
                .authenticationConverter(this::bearer)
                .authenticationManagerResolver(request -> authentication)
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(deniedHandler)
                .protectedResourceMetadata(
                    metadata ->
                        metadata.protectedResourceMetadataCustomizer(
                            m ->
                                m.tlsClientCertificateBoundAccessTokens(false)
                                    .bearerMethods(List::clear)
                                    .bearerMethod("header")
                                    .scopes(List::clear)
                                    .scopes(all -> all.addAll(scopes))
                                    .authorizationServers(List::clear)
                                    .authorizationServer(issuer))));
    if (!isUrl(issuer)) {
      // Early in the chain: before Spring's own metadata filter, which has no registered order.
      http.addFilterAfter(
          (request, response, chain) -> {
            if (METADATA.matches((HttpServletRequest) request)) {
              ServletExchange.write(
                  (HttpServletResponse) response,
                  ApiError.of(ApiErrorCode.NOT_FOUND, "no such resource"));
            } else {
              chain.doFilter(request, response);
            }
          },
          SecurityContextHolderFilter.class);
    }
    http.exceptionHandling(
        exceptions ->
            exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler));
    http.csrf(
        csrf ->
            csrf.ignoringRequestMatchers(endpoints)
                .ignoringRequestMatchers(r -> r.getHeader("Authorization") != null));
    http.authorizeHttpRequests(requests -> requests.requestMatchers(endpoints).permitAll());
  }

  private static boolean isUrl(String issuer) {
    try {
      URI uri = new URI(issuer);
      return uri.isAbsolute() && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private CustosBearerAuthentication bearer(HttpServletRequest request) {
    return endpoints.matches(request) ? null : CustosBearerAuthentication.of(request);
  }
}
