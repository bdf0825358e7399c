/**
 * Test fixtures for code that embeds the OTP engine, published in the {@code custos-otp} test-jar:
 * {@link dev.custos.otp.testing.RecordingSender}. A package of its own, so that on the module path
 * no package is split between the engine's module and the test-jar.
 */
package dev.custos.otp.testing;
