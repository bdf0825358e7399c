package dev.custos.spring.web;

import dev.custos.spring.security.CustosAuthentication;
import dev.custos.token.VerifiedToken;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method the caller's {@link VerifiedToken} as an argument; null when the
 * request was not authenticated by a Custos token (the security rules decide whether that happens).
 */
public final class VerifiedTokenArgumentResolver implements HandlerMethodArgumentResolver {
  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == VerifiedToken.class;
  }

  @Override
  public VerifiedToken resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    return caller instanceof CustosAuthentication custos ? custos.token() : null;
  }
}
