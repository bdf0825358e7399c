package dev.custos.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.reflect.Type;
import java.sql.Driver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ModuleApiTest {
  /** Signatures to read generic types from. */
  @SuppressWarnings("unused")
  private abstract static class Shapes<T extends Number & Comparable<T>> {
    abstract Map<String, List<? extends CharSequence>> nested();

    abstract Function<? super Integer, T[]>[] arrays();

    abstract int primitive();
  }

  @Test
  void classesIn_nestedGenerics_everyClassOnce() throws Exception {
    Type type = Shapes.class.getDeclaredMethod("nested").getGenericReturnType();

    assertThat(ModuleApi.classesIn(type))
        .containsExactlyInAnyOrder(Map.class, String.class, List.class, CharSequence.class);
  }

  @Test
  void classesIn_arraysWildcardsAndTypeVariables_reachBoundsAndComponents() throws Exception {
    Type type = Shapes.class.getDeclaredMethod("arrays").getGenericReturnType();

    assertThat(ModuleApi.classesIn(type))
        .containsExactlyInAnyOrder(
            Function.class, Integer.class, Object.class, Number.class, Comparable.class);
  }

  @Test
  void classesIn_primitive_nothing() throws Exception {
    assertThat(ModuleApi.classesIn(int.class)).isEmpty();
    assertThat(ModuleApi.classesIn(int[][].class)).isEmpty();
  }

  @Test
  void of_classOnTheClassPath_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ModuleApi.of(ModuleApiTest.class))
        .withMessageContaining("module path");
  }

  @Test
  void javaSql_describedAsItsDescriptorSays() {
    ModuleApi api = ModuleApi.of(Driver.class);

    assertThat(api.name()).isEqualTo("java.sql");
    assertThat(api.exports()).containsExactly("java.sql", "javax.sql");
    assertThat(api.requiresTransitive())
        .containsExactly("java.logging", "java.transaction.xa", "java.xml");
    assertThat(api.types()).contains(Driver.class).doesNotContainNull();
    assertThat(api.types()).allMatch(t -> t.getPackageName().matches("javax?\\.sql"));
  }

  @Test
  void leaks_selfContainedApi_none() {
    ModuleApi api = ModuleApi.of(Driver.class);

    assertThat(api.leaks()).isEmpty();
    assertThat(api.unusedTransitiveRequires()).isEmpty();
  }

  @Test
  void leaks_moduleItsUsersWouldNotRead_namesMemberAndType() {
    // Negative control: as if java.sql did not re-export java.logging, Driver#getParentLogger's
    // java.util.logging.Logger is a foreign type in its API.
    List<String> leaks =
        ModuleApi.of(Driver.class)
            .leaksWhenReading(Set.of("java.sql", "java.base", "java.xml", "java.transaction.xa"));

    assertThat(leaks)
        .contains(
            "java.sql.Driver#getParentLogger: java.util.logging.Logger (module java.logging)");
  }
}
