/**
 * The customer-token API a host service embeds: {@link dev.custos.CustomerTokenService} (Create
 * Customer Token Verification, Create Customer Token), {@link dev.custos.RequestAuthorizer} (the
 * check on every request a token makes), and the {@link dev.custos.CustomerDirectory} SPI through
 * which Custos learns about the host's customers.
 *
 * <p>Failures are {@link dev.custos.ApiException}s carrying an {@link dev.custos.ApiError}: an HTTP
 * status, a stable code in Unit's style, and where possible a JSON:API {@code source.pointer}.
 */
package dev.custos;
