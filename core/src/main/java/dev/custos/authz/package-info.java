/**
 * The check on every API request a token makes: {@link dev.custos.authz.RequestAuthorizer}
 * authenticates the bearer token (with a verified-token cache and revocation), authorizes a scope
 * on a customer's resource, and limits lists to the token's customer.
 */
package dev.custos.authz;
