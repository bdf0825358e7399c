/**
 * Customer tokens: {@link dev.custos.token.TokenMinter} mints PASETO {@code v2.public} or {@code
 * v4.public} tokens signed with Ed25519, and {@link dev.custos.token.TokenVerifier} turns an
 * untrusted token string into a {@link dev.custos.token.VerifiedToken} or a typed failure.
 */
module dev.custos.core {
  requires transitive dev.custos.scopes;
  requires org.bouncycastle.provider;
  requires com.nimbusds.jose.jwt;

  exports dev.custos.token;
}
