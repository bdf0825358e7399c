/**
 * Passkeys as the second factor of customer tokens: {@link dev.custos.passkey.Passkeys} enrols a
 * customer's passkeys and checks their assertions for {@link
 * dev.custos.customer.CustomerTokenService} (as its {@link dev.custos.customer.PasskeyVerifier});
 * {@link dev.custos.passkey.PasskeyStore} is where credentials live; {@link
 * dev.custos.passkey.PasskeyEndpoints} is their JSON:API. WebAuthn's formats are webauthn4j's to
 * read.
 */
module dev.custos.passkey {
  requires transitive dev.custos.core;
  requires com.webauthn4j.core;
  requires org.slf4j;

  exports dev.custos.passkey;
}
