/**
 * One-time-code verification: the second factor before a customer token with sensitive scopes is
 * minted.
 *
 * <p>Build an {@link dev.custos.otp.OtpEngine} once with {@link
 * dev.custos.otp.OtpEngine#builder()}, giving it the platform's brand and an {@link
 * dev.custos.otp.OtpSender} that delivers SMS and voice calls. {@link
 * dev.custos.otp.OtpEngine#start} sends a code and returns a {@link
 * dev.custos.otp.VerificationChallenge} whose verification token goes back to the client; {@link
 * dev.custos.otp.OtpEngine#verify} checks the code the customer typed and returns a {@link
 * dev.custos.otp.VerificationResult} to switch on.
 *
 * <p>The engine and every value type here are immutable or thread-safe; see each type.
 */
package dev.custos.otp;
