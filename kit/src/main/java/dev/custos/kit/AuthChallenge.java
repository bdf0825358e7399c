package dev.custos.kit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code WWW-Authenticate} challenge read as RFC 9110 writes one: a scheme, then comma-separated
 * {@code name=value} parameters whose value is a token or a quoted string.
 */
final class AuthChallenge {
  private final String scheme;
  private final Map<String, String> parameters;

  private AuthChallenge(String scheme, Map<String, String> parameters) {
    this.scheme = scheme;
    this.parameters = parameters;
  }

  /** Reads a challenge, or returns empty if the header is not one. */
  static Optional<AuthChallenge> parse(String header) {
    int space = header.indexOf(' ');
    String scheme = space < 0 ? header : header.substring(0, space);
    if (scheme.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    int i = space < 0 ? header.length() : space + 1;
    while (i < header.length()) {
      while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == ',')) {
        i++;
      }
      if (i == header.length()) {
        break;
      }
      int equals = header.indexOf('=', i);
      if (equals < 0) {
        return Optional.empty();
      }
      String name = header.substring(i, equals).trim().toLowerCase(java.util.Locale.ROOT);
      StringBuilder value = new StringBuilder();
      i = equals + 1;
      if (i < header.length() && header.charAt(i) == '"') {
        i++;
        while (i < header.length() && header.charAt(i) != '"') {
          if (header.charAt(i) == '\\' && i + 1 < header.length()) {
            i++;
          }
          value.append(header.charAt(i++));
        }
        if (i == header.length()) {
          return Optional.empty();
        }
        i++;
      } else {
        while (i < header.length() && header.charAt(i) != ',') {
          value.append(header.charAt(i++));
        }
      }
      parameters.put(name, value.toString().trim());
    }
    return Optional.of(new AuthChallenge(scheme, parameters));
  }

  String scheme() {
    return scheme;
  }

  Map<String, String> parameters() {
    return parameters;
  }
}
