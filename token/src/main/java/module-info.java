/**
 * Customer and org bearer tokens: {@link dev.custos.token.TokenMinter} mints PASETO {@code
 * v2.public} or {@code v4.public} tokens signed with Ed25519, and {@link
 * dev.custos.token.TokenVerifier} turns an untrusted token string into a {@link
 * dev.custos.token.VerifiedToken} or a typed failure. Keys import and export as PASERK and JWK.
 *
 * <p>Depends on {@code dev.custos.scopes} (a token's scopes are a {@link
 * dev.custos.scopes.ScopeSet}) and on no other module of ours, so a service that only verifies
 * tokens needs neither the OTP engine nor Caffeine.
 */
module dev.custos.token {
  requires transitive dev.custos.scopes;
  requires org.bouncycastle.provider;
  requires com.nimbusds.jose.jwt;
  requires com.fasterxml.jackson.core;
  requires jdk.security.auth;

  exports dev.custos.token;
  // Strict JSON reading, shared with Custos's own modules only: not API.
  exports dev.custos.token.json to
      dev.custos.core;
}
