/**
 * Test support for Spring Boot services that use Custos: {@link
 * dev.custos.spring.test.AutoConfigureCustosTest}, {@link dev.custos.spring.test.CustosTestTokens}
 * and {@link dev.custos.spring.test.CapturingOtpSender}.
 */
package dev.custos.spring.test;
