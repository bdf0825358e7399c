package dev.custos.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The check every published module runs on its public API, as a JUnit base class: its {@code
 * ApiListingTest} names the module's artifact and API types, and the test fails when they differ
 * from the committed {@code api/<artifactId>.api}, listing each changed signature. To accept a
 * change, run the build with {@code -Dcustos.api.update=true}, commit the listing with the change,
 * and record it in CHANGELOG.md.
 */
public abstract class ApiListingContract {
  private final Path moduleDir;

  /** For subclasses: the module's directory is the working directory, as Maven runs tests. */
  protected ApiListingContract() {
    this(Path.of(""));
  }

  /**
   * For subclasses whose module lies elsewhere.
   *
   * @param moduleDir the directory that holds {@code api/}
   */
  protected ApiListingContract(Path moduleDir) {
    this.moduleDir = moduleDir;
  }

  /**
   * Returns the module's artifact id, which names its listing.
   *
   * @return such as {@code custos-core}
   */
  protected abstract String artifactId();

  /**
   * Returns the module's API types.
   *
   * @return the types
   * @throws Exception if they cannot be read
   */
  protected abstract Collection<Class<?>> apiTypes() throws Exception;

  @Test
  void apiListing_matchesTheCommittedOne() throws Exception {
    Path file = moduleDir.resolve("api").resolve(artifactId() + ".api");
    ApiListing current = ApiListing.of(apiTypes());
    if (Boolean.getBoolean(ApiListing.UPDATE_PROPERTY)) {
      current.write(file);
      return;
    }
    List<String> changes = current.changesFrom(ApiListing.read(file));
    if (!changes.isEmpty()) {
      fail(
          "the public API of %s is not the one in %s:%n%s%nIf the change is meant: run the build"
              + " with -D%s=true, commit the listing with it, and record it in CHANGELOG.md",
          artifactId(),
          file,
          String.join(System.lineSeparator(), changes),
          ApiListing.UPDATE_PROPERTY);
    }
  }

  /**
   * Returns the public types of some packages as compiled in {@code target/classes}: for a module
   * on the class path, whose every public type is API.
   *
   * @param packages the packages, such as {@code dev.custos.spring.boot}
   * @return the public types, nested public ones included
   * @throws IOException if the classes cannot be listed
   * @throws ClassNotFoundException if a compiled class cannot be loaded
   */
  protected static Collection<Class<?>> publicTypesOf(String... packages)
      throws IOException, ClassNotFoundException {
    Path classes = Path.of("target", "classes");
    List<Class<?>> types = new ArrayList<>();
    for (String pkg : packages) {
      Path dir = classes.resolve(pkg.replace('.', '/'));
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
          String name = pkg + "." + f.getFileName().toString().replace(".class", "");
          if (name.endsWith("package-info")) {
            continue;
          }
          Class<?> type = Class.forName(name, false, ApiListingContract.class.getClassLoader());
          if (isApi(type)) {
            types.add(type);
          }
        }
      }
    }
    return types;
  }

  private static boolean isApi(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      int m = t.getModifiers();
      boolean visible =
          java.lang.reflect.Modifier.isPublic(m)
              || (t.getDeclaringClass() != null && java.lang.reflect.Modifier.isProtected(m));
      if (!visible || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
        return false;
      }
    }
    return true;
  }
}
