/**
 * Test support for Spring Boot services that use Custos: {@link
 * dev.custos.spring.test.AutoConfigureCustosTest}, {@link dev.custos.spring.test.CustosTestTokens}
 * and the test kit's {@link dev.custos.kit.CapturingOtpSender}.
 */
package dev.custos.spring.test;
