/**
 * Test support used by the tests of every Custos module: {@link dev.custos.testing.FakeClock} (time
 * that moves only when told, so no test sleeps) and {@link dev.custos.testing.ModuleApi} (what a
 * named module exports, requires transitively, and shows in its public signatures), {@link
 * dev.custos.testing.RedisServer} (a real redis-server per test class) and {@link
 * dev.custos.testing.ShellScript} (a README's shell blocks run in bash as a reader runs them) and
 * {@link dev.custos.testing.ReadmeText} (the README's sections and the source regions it shows).
 *
 * <p>This package depends on nothing outside the JDK and is used in test scope only. It has no
 * module descriptor on purpose: tests load it from the class path, beside the module under test.
 */
package dev.custos.testing;
