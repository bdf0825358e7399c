/**
 * Custos tokens in Spring Security: {@link dev.custos.spring.security.CustosAuthentication}, its
 * authorities, the {@code custos} rules bean, and the entry point and access-denied handler that
 * answer with the library's errors.
 */
package dev.custos.spring.security;
