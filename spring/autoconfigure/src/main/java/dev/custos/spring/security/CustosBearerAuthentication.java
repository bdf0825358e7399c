package dev.custos.spring.security;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;

/**
 * A request's {@code Authorization} header, not yet verified, and the client's address (for an org
 * token's {@code sourceIp}); {@link #manager} verifies it with the authorizer.
 */
final class CustosBearerAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;

  private final transient String header;
  private final transient InetAddress client;

  CustosBearerAuthentication(String header, InetAddress client) {
    super(List.of());
    this.header = header;
    this.client = client;
  }

  /** The header and address of a request, or null when it sent no {@code Authorization}. */
  static CustosBearerAuthentication of(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header == null ? null : new CustosBearerAuthentication(header, client(request));
  }

  /** Authenticates with the authorizer: its cache, revocations and every refusal. */
  static AuthenticationManager manager(RequestAuthorizer authorizer) {
    return authentication -> {
      CustosBearerAuthentication bearer = (CustosBearerAuthentication) authentication;
      try {
        return CustosAuthentication.of(authorizer.authenticate(bearer.header, bearer.client));
      } catch (ApiException refused) {
        throw new CustosAuthenticationException(refused);
      }
    };
  }

  private static InetAddress client(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    // The container gives a literal; parsing one never looks a name up, and nothing else is parsed.
    if (address == null || address.isEmpty() || !isLiteral(address)) {
      return null;
    }
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean isLiteral(String address) {
    if (address.indexOf(':') >= 0) {
      return true;
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public Object getPrincipal() {
    return null;
  }

  @Override
  public String toString() {
    return "CustosBearerAuthentication[credentials hidden]";
  }
}
