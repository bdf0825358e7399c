/**
 * The customer-token service layer over {@code dev.custos.token} and {@code dev.custos.otp}: {@link
 * dev.custos.CustomerTokenService} performs the spec's two operations, {@link
 * dev.custos.RequestAuthorizer} checks every API request, and {@link
 * dev.custos.jsonapi.CustomerTokenEndpoints} speaks JSON:API for both.
 */
module dev.custos.core {
  requires transitive dev.custos.scopes;
  requires transitive dev.custos.otp;
  requires transitive dev.custos.token;
  requires com.github.benmanes.caffeine;
  requires com.nimbusds.jose.jwt;
  requires org.slf4j;

  exports dev.custos;
  exports dev.custos.jsonapi;
}
