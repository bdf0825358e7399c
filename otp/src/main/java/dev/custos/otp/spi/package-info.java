/**
 * The state SPI of the OTP engine: {@link dev.custos.otp.spi.OtpStore}, the values it is given
 * ({@link dev.custos.otp.spi.ChallengeRecord}, {@link dev.custos.otp.spi.SendLimit}, {@link
 * dev.custos.otp.spi.SendSlot}, {@link dev.custos.otp.spi.LockoutPolicy}) and its answers ({@link
 * dev.custos.otp.spi.SendDecision}, {@link dev.custos.otp.spi.CheckResult}). For implementers of a
 * store (such as {@code custos-redis}); hosts that only use the engine need none of it.
 */
package dev.custos.otp.spi;
