package dev.custos.testing;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A module's public API as text, one signature per line, as Kotlin's binary-compatibility validator
 * and metalava keep it: every API type with its supertypes, then its public and protected
 * constructors, methods and fields, each as {@code toGenericString} writes it (modifiers, generic
 * types, throws). Committed beside the module as {@code api/<artifactId>.api}, so that a change to
 * the API shows in review and fails the build until the listing is updated with it.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiListing {
  /** The system property that rewrites the committed listing instead of comparing with it. */
  public static final String UPDATE_PROPERTY = "custos.api.update";

  private final List<String> lines;

  private ApiListing(List<String> lines) {
    this.lines = List.copyOf(lines);
  }

  /**
   * Returns the listing of some API types: the types sorted by name, each followed by its members
   * sorted.
   *
   * @param types the API types (public, or protected nested)
   * @return the listing
   * @throws NullPointerException if {@code types} or a type is null
   */
  public static ApiListing of(Collection<Class<?>> types) {
    List<Class<?>> sorted = new ArrayList<>(types);
    sorted.sort(Comparator.comparing(Class::getName));
    List<String> lines = new ArrayList<>();
    for (Class<?> type : sorted) {
      lines.add(typeLine(Objects.requireNonNull(type, "type")));
      Set<String> members = new TreeSet<>();
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (visible(c) && !c.isSynthetic()) {
          members.add(c.toGenericString());
        }
      }
      for (Method m : type.getDeclaredMethods()) {
        if (visible(m) && !m.isSynthetic() && !m.isBridge()) {
          members.add(m.toGenericString());
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (visible(f) && !f.isSynthetic()) {
          members.add(f.toGenericString());
        }
      }
      members.forEach(member -> lines.add("  " + member));
    }
    return new ApiListing(lines);
  }

  /**
   * Reads a committed listing.
   *
   * @param file the {@code .api} file
   * @return the listing, empty if the file does not exist
   * @throws IOException if the file cannot be read
   */
  public static ApiListing read(Path file) throws IOException {
    return Files.exists(file)
        ? new ApiListing(Files.readAllLines(file, StandardCharsets.UTF_8))
        : new ApiListing(List.of());
  }

  /**
   * Writes this listing.
   *
   * @param file the {@code .api} file, its directory created if needed
   * @throws IOException if the file cannot be written
   */
  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /**
   * Returns the lines.
   *
   * @return one line per type or member
   */
  public List<String> lines() {
    return lines;
  }

  /**
   * Returns what changed from a committed listing to this one: removed lines with {@code -}, added
   * ones with {@code +}.
   *
   * @param committed the listing committed with the code
   * @return the changes, empty when the two are the same
   */
  public List<String> changesFrom(ApiListing committed) {
    Set<String> before = new LinkedHashSet<>(committed.lines);
    Set<String> after = new LinkedHashSet<>(lines);
    List<String> changes = new ArrayList<>();
    before.stream().filter(line -> !after.contains(line)).forEach(line -> changes.add("- " + line));
    after.stream().filter(line -> !before.contains(line)).forEach(line -> changes.add("+ " + line));
    if (changes.isEmpty() && !committed.lines.equals(lines)) {
      changes.add("(same lines, another order: regenerate the listing)");
    }
    return changes;
  }

  private static boolean visible(Member member) {
    int modifiers = member.getModifiers();
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String typeLine(Class<?> type) {
    StringBuilder line = new StringBuilder(type.toGenericString());
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum()) {
      line.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0) {
      line.append(type.isInterface() ? " extends " : " implements ")
          .append(
              Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      line.append(" permits ")
          .append(
              Arrays.stream(type.getPermittedSubclasses())
                  .map(Class::getName)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  @Override
  public String toString() {
    return "ApiListing[" + lines.size() + " lines]";
  }
}
