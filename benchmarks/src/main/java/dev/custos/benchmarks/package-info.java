/**
 * JMH benchmarks of Custos's hot paths, each beside the limit it is held to (raw Ed25519, a bare
 * Caffeine lookup) and its peers (jpaseto, nimbus-jose-jwt), plus the OTP engine's memory per
 * pending challenge. Run the whole suite, then the report, with {@code benchmarks/run} (see the
 * README); each class's Javadoc shows how to run it alone.
 */
package dev.custos.benchmarks;
