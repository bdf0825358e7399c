package dev.custos.server;

import dev.custos.error.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's routes as one table, matched once per request: each entry gives the handler of every
 * method it takes, its {@code Allow} header (with HEAD for a GET, and OPTIONS), and its template,
 * the metric label (never an id from the path).
 */
final class Routes {
  /** A route's work for one method. */
  @FunctionalInterface
  interface Handler {
    Reply handle(Call call) throws ApiException;
  }

  /** A path the server serves: its template, and its handler by method, in the order added. */
  static final class Route {
    final String template;
    final Map<String, Handler> handlers = new LinkedHashMap<>();

    Route(String template) {
      this.template = template;
    }

    List<String> methods() {
      return List.copyOf(handlers.keySet());
    }

    /** What {@code Allow} lists: the methods, HEAD beside GET, and OPTIONS. */
    String allow() {
      List<String> all = new ArrayList<>(handlers.keySet());
      if (handlers.containsKey("GET")) {
        all.add("HEAD");
      }
      all.add("OPTIONS");
      return String.join(", ", all);
    }
  }

  /** A route matched by a path, with the path's ids in order. */
  static final class Match {
    final Route route;
    final List<String> ids;

    Match(Route route, List<String> ids) {
      this.route = route;
      this.ids = ids;
    }
  }

  private final Map<String, Route> fixed = new LinkedHashMap<>();
  private final Map<Pattern, Route> withIds = new LinkedHashMap<>();

  /** Adds a method's handler to a route; {@code {id}} in the template matches one path segment. */
  Routes add(String method, String template, Handler handler) {
    Route route;
    if (template.contains("{")) {
      Pattern pattern = Pattern.compile(template.replace("{id}", "([^/]+)"));
      route =
          withIds.values().stream()
              .filter(r -> r.template.equals(template))
              .findFirst()
              .orElseGet(() -> new Route(template));
      withIds.putIfAbsent(pattern, route);
    } else {
      route = fixed.computeIfAbsent(template, Route::new);
    }
    route.handlers.put(method, handler);
    return this;
  }

  /** Every method and template served, as {@code "GET /cards/{id}"}: for tests that cover all. */
  List<String> endpoints() {
    List<String> all = new ArrayList<>();
    for (Route route : fixed.values()) {
      route.handlers.keySet().forEach(method -> all.add(method + " " + route.template));
    }
    // A template of several methods is in the map once per method's pattern: each route once.
    for (Route route : new java.util.LinkedHashSet<>(withIds.values())) {
      route.handlers.keySet().forEach(method -> all.add(method + " " + route.template));
    }
    return all;
  }

  /** The route of a path, or null for no such path. */
  Match match(String path) {
    Route exact = fixed.get(path);
    if (exact != null) {
      return new Match(exact, List.of());
    }
    for (Map.Entry<Pattern, Route> entry : withIds.entrySet()) {
      Matcher m = entry.getKey().matcher(path);
      if (m.matches()) {
        List<String> ids = new ArrayList<>(m.groupCount());
        for (int i = 1; i <= m.groupCount(); i++) {
          ids.add(m.group(i));
        }
        return new Match(entry.getValue(), Collections.unmodifiableList(ids));
      }
    }
    return null;
  }
}
