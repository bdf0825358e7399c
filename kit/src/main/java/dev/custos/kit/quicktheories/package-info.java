/**
 * The kit's generators as QuickTheories {@code Gen}s: {@link dev.custos.kit.quicktheories.KitGens}.
 */
package dev.custos.kit.quicktheories;
