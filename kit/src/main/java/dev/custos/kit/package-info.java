/**
 * Generators for the property-based tests of a service that embeds Custos, each a {@link
 * dev.custos.kit.Generator} reproducible from a seed: {@link dev.custos.kit.ScopeGenerators} (scope
 * sets, scope strings valid and invalid, each invalid kind named with the reason Custos gives) and
 * {@link dev.custos.kit.CustomerIdGenerators}.
 */
package dev.custos.kit;
