/**
 * Custos's test kit, for the tests of a service that embeds Custos: {@link
 * dev.custos.kit.Generator}s of valid and invalid inputs, reproducible from a seed, and their
 * QuickTheories form in {@code dev.custos.kit.quicktheories}.
 */
module dev.custos.kit {
  requires transitive dev.custos.core;
  requires static transitive quicktheories;

  exports dev.custos.kit;
  exports dev.custos.kit.quicktheories;
}
