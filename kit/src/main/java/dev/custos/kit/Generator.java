package dev.custos.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Makes one value from a source of randomness: the same source state gives the same value, so a
 * failing example is found again from its seed. No property framework is needed:
 *
 * <pre>{@code
 * @ParameterizedTest
 * @ValueSource(longs = {1, 2, 3})
 * void everyInvalidScopeString_refused(long seed) {
 *   ScopeGenerators.invalidScopeStrings(catalog).forAll(seed, 1_000, bad ->
 *       assertEquals(400, platform.postCustomerToken("100001", Map.of("scope", bad.value())).status()));
 * }
 * }</pre>
 *
 * and {@link dev.custos.kit.quicktheories.KitGens#of} turns one into a QuickTheories {@code Gen}.
 *
 * @param <T> what it makes
 */
@FunctionalInterface
public interface Generator<T> {
  /**
   * Makes a value.
   *
   * @param random the source of randomness
   * @return the value
   */
  T next(RandomGenerator random);

  /**
   * Returns a generator of this one's values, transformed.
   *
   * @param <R> what the transformation makes
   * @param transform the transformation
   * @return the generator
   */
  default <R> Generator<R> map(Function<? super T, ? extends R> transform) {
    Objects.requireNonNull(transform, "transform");
    return random -> transform.apply(next(random));
  }

  /**
   * Returns {@code count} values from a seed: the same seed gives the same values.
   *
   * @param seed the seed (print it when an example fails)
   * @param count how many
   * @return the values, in the order made
   * @throws IllegalArgumentException if {@code count} is negative
   */
  default List<T> sample(long seed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    RandomGenerator random = new SplittableRandom(seed);
    List<T> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(next(random));
    }
    return values;
  }

  /**
   * Checks a property on {@code count} values from a seed, stopping at the first that fails: its
   * failure is rethrown as an {@link AssertionError} whose message names the seed, the example's
   * number and the value ({@code toString}: the kit's values never show a token there), so that
   * {@code sample(seed, n)} finds it again.
   *
   * @param seed the seed
   * @param count how many values
   * @param property the check, throwing (an {@code AssertionError} or any exception) on failure
   * @throws AssertionError if the property fails for a value
   * @throws IllegalArgumentException if {@code count} is negative
   */
  default void forAll(long seed, int count, Consumer<? super T> property) {
    Objects.requireNonNull(property, "property");
    List<T> values = sample(seed, count);
    for (int i = 0; i < values.size(); i++) {
      try {
        property.accept(values.get(i));
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError(
            String.format(
                "seed %d, example %d of %d: %s: %s",
                seed, i + 1, count, values.get(i), e.getMessage()),
            e);
      }
    }
  }

  /**
   * Returns a generator of one of these values, each as likely.
   *
   * @param <T> the values' type
   * @param values the values, at least one
   * @return the generator
   * @throws IllegalArgumentException if {@code values} is empty
   */
  static <T> Generator<T> oneOf(List<? extends T> values) {
    List<? extends T> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("at least one value is needed");
    }
    return random -> copy.get(random.nextInt(copy.size()));
  }
}
