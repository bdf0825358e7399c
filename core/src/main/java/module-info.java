/**
 * Customer tokens: {@link dev.custos.token.TokenMinter} mints PASETO {@code v2.public} or {@code
 * v4.public} tokens signed with Ed25519, and {@link dev.custos.token.TokenVerifier} turns an
 * untrusted token string into a {@link dev.custos.token.VerifiedToken} or a typed failure. {@link
 * dev.custos.CustomerTokenService} performs the spec's two operations, {@link
 * dev.custos.RequestAuthorizer} checks every API request, and {@link
 * dev.custos.jsonapi.CustomerTokenEndpoints} speaks JSON:API for both.
 */
module dev.custos.core {
  requires transitive dev.custos.scopes;
  requires transitive dev.custos.otp;
  requires org.bouncycastle.provider;
  requires com.nimbusds.jose.jwt;
  requires org.slf4j;

  exports dev.custos;
  exports dev.custos.jsonapi;
  exports dev.custos.token;
}
