package dev.custos.kit.quicktheories;

import dev.custos.kit.Generator;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * The kit's generators as QuickTheories {@code Gen}s:
 *
 * <pre>{@code
 * qt().forAll(KitGens.of(ScopeGenerators.invalidScopeStrings(catalog)))
 *     .checkAssert(bad -> assertThat(status(bad.value())).isEqualTo(400));
 * }</pre>
 *
 * QuickTheories draws every random number, so its seeds, its reports and its shrinking (as far as a
 * generator's draws allow) apply.
 */
public final class KitGens {
  private KitGens() {}

  /**
   * Returns a generator as a {@code Gen}.
   *
   * @param <T> what it makes
   * @param generator the kit's generator
   * @return the {@code Gen}
   */
  public static <T> Gen<T> of(Generator<T> generator) {
    Objects.requireNonNull(generator, "generator");
    return in -> generator.next(new Draws(in));
  }

  /** Random numbers drawn from QuickTheories' source. */
  private static final class Draws implements RandomGenerator {
    private final RandomnessSource in;

    Draws(RandomnessSource in) {
      this.in = in;
    }

    @Override
    public long nextLong() {
      return in.next(Constraint.none());
    }
  }
}
