package dev.custos.authz;

import dev.custos.authz.AuthorizationListener.Denial;
import dev.custos.error.ApiException;

/**
 * The {@code Authorization} header as RFC 6750 allows it: the scheme {@code Bearer} in any case,
 * one or more spaces, a token of PASETO's characters. Bounded before it is scanned.
 */
final class BearerHeader {
  static final String BEARER = "Bearer ";

  /** The longest header looked at: a token of 8 KiB after the scheme. */
  static final int MAX_LENGTH = 8192 + BEARER.length();

  private BearerHeader() {}

  /**
   * Returns the canonical form of a header, {@code "Bearer " + token}: the header itself when it is
   * already canonical (the hot path allocates nothing), else a new string.
   *
   * @throws ApiException 401 for a missing or malformed header, counted by the refusals
   */
  static String canonical(String header, Refusals refusals) throws ApiException {
    if (header == null || header.isEmpty()) {
      throw refusals.deny(
          Denial.MISSING_CREDENTIALS, Refusals.unauthorized("the Authorization header is missing"));
    }
    int scheme = BEARER.length() - 1;
    if (header.length() <= scheme
        || !header.regionMatches(true, 0, BEARER, 0, scheme)
        || header.charAt(scheme) != ' ') {
      throw refusals.deny(
          Denial.MALFORMED_CREDENTIALS,
          Refusals.unauthorized("the Authorization header must use the Bearer scheme"));
    }
    int start = scheme;
    while (start < header.length() && header.charAt(start) == ' ') {
      start++;
    }
    if (start == header.length()) {
      throw refusals.deny(
          Denial.MALFORMED_CREDENTIALS,
          Refusals.invalidToken("the Authorization header has no token after Bearer"));
    }
    if (header.length() - start > MAX_LENGTH - BEARER.length() || !isTokenSyntax(header, start)) {
      throw refusals.deny(
          Denial.MALFORMED_CREDENTIALS, Refusals.invalidToken("the token is malformed"));
    }
    return start == BEARER.length() && header.startsWith(BEARER)
        ? header
        : BEARER + header.substring(start);
  }

  /** PASETO's characters: base64url and dots, from {@code start} to the end. */
  private static boolean isTokenSyntax(String header, int start) {
    for (int i = start; i < header.length(); i++) {
      char c = header.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
