package dev.custos.spring.security;

import dev.custos.error.ApiException;
import dev.custos.scopes.Scope;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The library's refusal behind a denial Spring decided, kept on the current request until the
 * access-denied handler answers with it: SpEL expressions return booleans, so a refused {@code
 * hasAuthority('SCOPE_x')} or {@code @custos.owns(...)} would otherwise reach the handler as a bare
 * "denied". The last refusal recorded is the one answered.
 */
final class Refusals {
  static final String ATTRIBUTE = Refusals.class.getName();

  private Refusals() {}

  /** A refusal the authorizer made (and its listener heard). */
  static void record(ApiException refusal) {
    put(refusal);
  }

  /**
   * A scope found missing; the authorizer is asked for its refusal only if the request is refused
   * in the end, so that {@code hasAuthority('SCOPE_a') or hasAuthority('SCOPE_b')} granted by its
   * second half counts no denial.
   */
  static void recordMissing(Scope scope) {
    put(scope);
  }

  private static void put(Object refusal) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(ATTRIBUTE, refusal, RequestAttributes.SCOPE_REQUEST);
    }
  }
}
