/**
 * Passkeys as the second factor of customer tokens: {@link dev.custos.passkey.Passkeys} (enrolment
 * and the assertion check {@code CustomerTokenService} calls), {@link
 * dev.custos.passkey.PasskeyRelyingParty} (who they are for), the {@link
 * dev.custos.passkey.PasskeyStore} SPI, and {@link dev.custos.passkey.PasskeyEndpoints} (their
 * JSON:API).
 */
package dev.custos.passkey;
