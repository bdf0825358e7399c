package dev.custos.error;

/**
 * Builds every JSON Pointer (RFC 6901) an error names: the one place where member names are escaped
 * and bounded, so a client's hostile member name cannot forge or bloat a pointer.
 */
final class JsonPointer {
  /** The JSON:API attributes object of a request document. */
  static final String ATTRIBUTES = "/data/attributes";

  /** Longest member name echoed in a pointer; longer ones are cut. */
  private static final int MAX_SEGMENT = 64;

  private JsonPointer() {}

  /** The pointer to a path of member names; no names is the whole document, {@code ""}. */
  static String of(String... segments) {
    StringBuilder pointer = new StringBuilder();
    for (String segment : segments) {
      pointer.append('/').append(escape(segment));
    }
    return pointer.toString();
  }

  /** The pointer to an attribute of the request document's {@code data}. */
  static String attribute(String... path) {
    return ATTRIBUTES + of(path);
  }

  private static String escape(String segment) {
    String cut = segment.length() > MAX_SEGMENT ? segment.substring(0, MAX_SEGMENT) : segment;
    return cut.replace("~", "~0").replace("/", "~1");
  }
}
