/**
 * The customer-token service layer over {@code dev.custos.token} and {@code dev.custos.otp}, one
 * package per concept: {@link dev.custos.customer.CustomerTokenService} performs the spec's two
 * operations, {@link dev.custos.authz.RequestAuthorizer} decides every question about a caller,
 * {@link dev.custos.jsonapi.JsonApiEndpoints} holds the whole JSON:API wire format every adapter
 * mounts, and every refusal is an {@link dev.custos.error.ApiException} with a code from {@link
 * dev.custos.error.ApiErrorCode}.
 */
module dev.custos.core {
  requires transitive dev.custos.scopes;
  requires transitive dev.custos.otp;
  requires transitive dev.custos.token;
  requires com.github.benmanes.caffeine;
  requires com.nimbusds.jose.jwt;
  requires org.slf4j;
  requires inet.ipaddr;

  exports dev.custos.authz;
  exports dev.custos.customer;
  exports dev.custos.error;
  exports dev.custos.jsonapi;
  exports dev.custos.org;
}
