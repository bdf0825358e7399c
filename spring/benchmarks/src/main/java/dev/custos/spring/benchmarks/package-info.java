/**
 * JMH benchmarks of Custos in Spring Security: {@link
 * dev.custos.spring.benchmarks.FilterBenchmark}, run by {@code spring/benchmarks/run}.
 */
package dev.custos.spring.benchmarks;
