/**
 * Custos's test kit, for the tests of a service that embeds Custos: {@link
 * dev.custos.kit.Generator}s of valid and invalid inputs, reproducible from a seed, and their
 * QuickTheories form in {@code dev.custos.kit.quicktheories}; {@link
 * dev.custos.kit.InMemoryPlatform}, Custos wired on a manual clock; and AssertJ assertions on
 * JSON:API responses in {@code dev.custos.kit.assertj}. QuickTheories and AssertJ are optional: a
 * suite brings the one it uses.
 */
module dev.custos.kit {
  requires transitive dev.custos.core;
  requires static transitive quicktheories;
  requires static transitive org.assertj.core;
  requires com.nimbusds.jose.jwt;

  exports dev.custos.kit;
  exports dev.custos.kit.quicktheories;
  exports dev.custos.kit.assertj;
}
