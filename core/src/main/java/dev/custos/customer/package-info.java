/**
 * The spec's customer-token operations as a host service embeds them: {@link
 * dev.custos.customer.CustomerTokenService} (Create Customer Token Verification, Create Customer
 * Token) with their inputs {@link dev.custos.customer.VerificationAttributes} and {@link
 * dev.custos.customer.CustomerTokenAttributes}, and the {@link
 * dev.custos.customer.CustomerDirectory} SPI through which Custos learns the host's {@link
 * dev.custos.customer.Customer}s.
 *
 * <p>Failures are {@link dev.custos.error.ApiException}s naming the offending attribute.
 */
package dev.custos.customer;
