/**
 * Customer and org bearer tokens as PASETO {@code v2.public} / {@code v4.public} (Ed25519).
 *
 * <p>Mint with a {@link dev.custos.token.TokenMinter} built on a {@link dev.custos.token.KeyRing};
 * verify with a {@link dev.custos.token.TokenVerifier}, which returns a {@link
 * dev.custos.token.VerifiedToken} (the only proof of a valid token: nothing else can create one) or
 * throws a {@link dev.custos.token.TokenVerificationException} with a machine-readable reason. Keys
 * ({@link dev.custos.token.SigningKey}, {@link dev.custos.token.VerificationKey}) are bound to one
 * PASETO version, never show private material in {@code toString()}, and import and export as
 * PASERK and JWK.
 *
 * <p>Every type here is immutable and thread-safe except the builders.
 */
package dev.custos.token;
