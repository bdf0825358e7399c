package dev.custos.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks every library module runs on its own descriptor, as a JUnit base class: a module's
 * {@code ModuleDescriptorTest} extends it, names one of its types and its deliberate API (the
 * packages it exports, the modules it re-exports), and adds checks of its own.
 *
 * <p>It fails when a package is exported or opened, or a module re-exported, that the subclass did
 * not list; when a re-exported module is not needed by any public signature; when a public
 * signature shows a type of a module its users do not read through it; and when a type whose name
 * says it is test-only or an implementation ({@code Test}, {@code Fake}, {@code Default…}, {@code
 * …Impl}) is public API.
 */
public abstract class ModuleDescriptorContract {
  private ModuleApi api;

  /** For subclasses. */
  protected ModuleDescriptorContract() {}

  /**
   * Returns any type of the module under test.
   *
   * @return a type of the module
   */
  protected abstract Class<?> anyType();

  /**
   * Returns the packages the module exports on purpose, sorted.
   *
   * @return the package names
   */
  protected abstract List<String> exports();

  /**
   * Returns the modules it requires transitively on purpose (its API shows their types), sorted.
   *
   * @return the module names; empty for none
   */
  protected abstract List<String> requiresTransitive();

  /**
   * Returns the module's API, read once.
   *
   * @return the API of {@link #anyType()}'s module
   */
  protected final ModuleApi api() {
    if (api == null) {
      api = ModuleApi.of(anyType());
    }
    return api;
  }

  @Test
  void module_exportsOnlyItsApiPackagesAndOpensNone() {
    assertThat(api().exports()).containsExactlyElementsOf(exports());
    assertThat(api().opens()).isEmpty();
  }

  @Test
  void module_requiresTransitivelyOnlyWhatItsApiShows() {
    assertThat(api().requiresTransitive()).containsExactlyElementsOf(requiresTransitive());
    assertThat(api().unusedTransitiveRequires()).isEmpty();
  }

  @Test
  void api_showsNoTypeItsUsersCannotRead() {
    assertThat(api().leaks()).isEmpty();
  }

  @Test
  void api_hasNoTestOnlyOrImplementationTypes() {
    assertThat(api().types())
        .extracting(Class::getSimpleName)
        .noneMatch(
            name ->
                name.contains("Test")
                    || name.contains("Fake")
                    || name.startsWith("Default")
                    || name.endsWith("Impl"));
  }
}
