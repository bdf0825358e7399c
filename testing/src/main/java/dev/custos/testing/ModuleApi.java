package dev.custos.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a named module as its users see it: the packages it exports and opens, the
 * modules it requires transitively, its public types, and every type its public signatures mention.
 *
 * <p>A module descriptor test pins the first three, so that exporting a package or re-exporting a
 * dependency is a deliberate, reviewed change; {@link #leaks()} finds signatures that show a type
 * users could not name without requiring another module themselves (a foreign type in the API), and
 * {@link #unusedTransitiveRequires()} finds {@code requires transitive} clauses no signature needs.
 *
 * <p>Only the module's own content counts, not classes patched into it for tests. Instances are
 * immutable once built and safe to share between threads.
 */
public final class ModuleApi {
  private final Module module;
  private final ModuleDescriptor descriptor;
  private final List<Class<?>> types;

  private ModuleApi(Module module) {
    this.module = module;
    this.descriptor = module.getDescriptor();
    this.types = List.copyOf(loadApiTypes(module));
  }

  /**
   * Returns the API of the module that holds a class.
   *
   * @param anyType any class of the module under test
   * @return its module's API
   * @throws IllegalArgumentException if the class is not in a named module (the tests are not
   *     running on the module path)
   * @throws NullPointerException if {@code anyType} is null
   */
  public static ModuleApi of(Class<?> anyType) {
    Module module = Objects.requireNonNull(anyType, "anyType").getModule();
    if (!module.isNamed() || module.getLayer() == null) {
      throw new IllegalArgumentException(
          anyType.getName() + " is not in a named module: run the tests on the module path");
    }
    return new ModuleApi(module);
  }

  /**
   * Returns the module's name.
   *
   * @return the name, such as {@code dev.custos.otp}
   */
  public String name() {
    return module.getName();
  }

  /**
   * Returns the exported packages; a qualified export reads {@code package to module,…}.
   *
   * @return the sorted packages
   */
  public Set<String> exports() {
    return descriptor.exports().stream()
        .map(
            e ->
                e.isQualified()
                    ? e.source() + " to " + String.join(",", new TreeSet<>(e.targets()))
                    : e.source())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Returns the packages opened to reflection; a qualified one reads {@code package to module,…}.
   *
   * @return the sorted packages, including every package if the module is open
   */
  public Set<String> opens() {
    if (descriptor.isOpen()) {
      return new TreeSet<>(descriptor.packages());
    }
    return descriptor.opens().stream()
        .map(
            o ->
                o.isQualified()
                    ? o.source() + " to " + String.join(",", new TreeSet<>(o.targets()))
                    : o.source())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Returns the modules this one requires transitively: part of its API, since its users read them.
   *
   * @return the sorted module names
   */
  public Set<String> requiresTransitive() {
    return descriptor.requires().stream()
        .filter(ModuleApi::isTransitive)
        .map(ModuleDescriptor.Requires::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Returns the module's API types: public (or protected nested) types of exported packages whose
   * enclosing types are API types too.
   *
   * @return the types, sorted by name
   */
  public List<Class<?>> types() {
    return types;
  }

  /**
   * Returns every place where a public signature mentions a type that a user of this module cannot
   * read through it: a type that is neither in this module, nor in {@code java.base}, nor in a
   * module this one requires transitively (directly or through those modules' own transitive
   * requires).
   *
   * @return one line per leak, such as {@code dev.custos.otp.OtpEngineBuilder#ticker:
   *     com.github.benmanes.caffeine.cache.Ticker (module com.github.benmanes.caffeine)}; empty
   *     when the API is self-contained
   */
  public List<String> leaks() {
    return leaksWhenReading(readableModules());
  }

  /** The leaks if users of this module read exactly the given modules through it. */
  List<String> leaksWhenReading(Set<String> readable) {
    List<String> leaks = new ArrayList<>();
    mentions()
        .forEach(
            (where, mentioned) -> {
              for (Class<?> type : mentioned) {
                Module owner = type.getModule();
                if (!owner.isNamed() || !readable.contains(owner.getName())) {
                  leaks.add(where + ": " + type.getName() + " (" + owner + ")");
                }
              }
            });
    return leaks;
  }

  /**
   * Returns the modules this one requires transitively although no public signature mentions any of
   * their types: they are re-exported to every user for nothing.
   *
   * @return the sorted module names; empty when every transitive requirement is used
   */
  public Set<String> unusedTransitiveRequires() {
    Set<String> unused = requiresTransitive();
    mentions().values().forEach(types -> types.forEach(t -> unused.remove(moduleName(t))));
    return unused;
  }

  /**
   * Returns every class a generic type mentions: the raw class, type arguments, wildcard and type
   * variable bounds, array components; primitives are left out.
   *
   * @param type any reflected type
   * @return the classes, in the order first met
   * @throws NullPointerException if {@code type} is null
   */
  public static Set<Class<?>> classesIn(Type type) {
    Set<Class<?>> found = new java.util.LinkedHashSet<>();
    Set<TypeVariable<?>> seen = new java.util.HashSet<>();
    Deque<Type> todo = new ArrayDeque<>();
    todo.push(Objects.requireNonNull(type, "type"));
    while (!todo.isEmpty()) {
      Type t = todo.pop();
      if (t instanceof Class<?> c) {
        while (c.isArray()) {
          c = c.getComponentType();
        }
        if (!c.isPrimitive()) {
          found.add(c);
        }
      } else if (t instanceof ParameterizedType p) {
        todo.push(p.getRawType());
        Stream.of(p.getActualTypeArguments()).forEach(todo::push);
        if (p.getOwnerType() != null) {
          todo.push(p.getOwnerType());
        }
      } else if (t instanceof GenericArrayType g) {
        todo.push(g.getGenericComponentType());
      } else if (t instanceof WildcardType w) {
        Stream.of(w.getUpperBounds()).forEach(todo::push);
        Stream.of(w.getLowerBounds()).forEach(todo::push);
      } else if (t instanceof TypeVariable<?> v && seen.add(v)) {
        Stream.of(v.getBounds()).forEach(todo::push);
      }
    }
    return found;
  }

  /** Each API element (a type or member) and the classes its signature mentions. */
  private Map<String, Set<Class<?>>> mentions() {
    Map<String, Set<Class<?>>> mentions = new LinkedHashMap<>();
    for (Class<?> type : types) {
      List<Type> header = new ArrayList<>();
      if (type.getGenericSuperclass() != null) {
        header.add(type.getGenericSuperclass());
      }
      header.addAll(List.of(type.getGenericInterfaces()));
      header.addAll(List.of(type.getTypeParameters()));
      mentions.put(type.getName(), classesIn(header));
      for (Field field : type.getDeclaredFields()) {
        if (visible(type, field.getModifiers()) && !field.isSynthetic()) {
          mentions.put(type.getName() + "#" + field.getName(), classesIn(field.getGenericType()));
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (visible(type, constructor.getModifiers()) && !constructor.isSynthetic()) {
          mentions.put(type.getName() + "#<init>", classesIn(signature(constructor, null)));
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (visible(type, method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
          mentions.merge(
              type.getName() + "#" + method.getName(),
              classesIn(signature(method, method.getGenericReturnType())),
              (a, b) -> {
                a.addAll(b);
                return a;
              });
        }
      }
    }
    return mentions;
  }

  private static List<Type> signature(Executable executable, Type returned) {
    List<Type> parts = new ArrayList<>();
    if (returned != null) {
      parts.add(returned);
    }
    parts.addAll(List.of(executable.getGenericParameterTypes()));
    parts.addAll(List.of(executable.getGenericExceptionTypes()));
    parts.addAll(List.of(executable.getTypeParameters()));
    return parts;
  }

  private static Set<Class<?>> classesIn(List<Type> types) {
    Set<Class<?>> all = new java.util.LinkedHashSet<>();
    types.forEach(t -> all.addAll(classesIn(t)));
    return all;
  }

  /** Public members, and protected ones of types that can be extended. */
  private static boolean visible(Class<?> owner, int modifiers) {
    return Modifier.isPublic(modifiers)
        || (Modifier.isProtected(modifiers) && !Modifier.isFinal(owner.getModifiers()));
  }

  /** This module, java.base, and the closure of transitive requires from this module. */
  private Set<String> readableModules() {
    Set<String> readable = new TreeSet<>(Set.of(module.getName(), "java.base"));
    Deque<ModuleDescriptor> todo = new ArrayDeque<>(List.of(descriptor));
    while (!todo.isEmpty()) {
      for (ModuleDescriptor.Requires r : todo.pop().requires()) {
        if (isTransitive(r) && readable.add(r.name())) {
          module.getLayer().findModule(r.name()).map(Module::getDescriptor).ifPresent(todo::push);
        }
      }
    }
    return readable;
  }

  /**
   * Whether a requirement is transitive, decided by the modifier's name: in some JDK 17 JVMs (a
   * forked Surefire JVM among them) the system modules' descriptors come from the CDS archive with
   * modifier enum constants that are other objects than the running JVM's, so neither {@code
   * contains} nor {@code ==} finds {@code TRANSITIVE} in them.
   */
  private static boolean isTransitive(ModuleDescriptor.Requires requires) {
    return requires.modifiers().stream().anyMatch(m -> m.name().equals("TRANSITIVE"));
  }

  private static String moduleName(Class<?> type) {
    return type.getModule().isNamed() ? type.getModule().getName() : "";
  }

  private static List<Class<?>> loadApiTypes(Module module) {
    Set<String> exported =
        module.getDescriptor().exports().stream()
            .filter(e -> !e.isQualified())
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet());
    ResolvedModule resolved =
        module.getLayer().configuration().findModule(module.getName()).orElseThrow();
    List<String> classNames;
    try (ModuleReader reader = resolved.reference().open();
        Stream<String> entries = reader.list()) {
      classNames =
          entries
              .filter(e -> e.endsWith(".class") && !e.endsWith("module-info.class"))
              .filter(e -> !e.startsWith("META-INF/"))
              .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
              .sorted()
              .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list module " + module.getName(), e);
    }
    List<Class<?>> api = new ArrayList<>();
    for (String name : classNames) {
      int dot = name.lastIndexOf('.');
      if (dot < 0 || !exported.contains(name.substring(0, dot))) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(name, false, module.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("listed but not loadable: " + name, e);
      }
      if (isApi(type)) {
        api.add(type);
      }
    }
    return api;
  }

  private static boolean isApi(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
        return false;
      }
      Class<?> outer = t.getDeclaringClass();
      if (!visible(outer == null ? Object.class : outer, t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "ModuleApi[" + module.getName() + ", exports " + exports() + "]";
  }
}
