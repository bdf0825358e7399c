package dev.custos.passkey;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** JSON for tests, on the Jackson webauthn4j brings. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String write(Object value) throws Exception {
    return MAPPER.writeValueAsString(value);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(String json) throws Exception {
    return MAPPER.readValue(json, Map.class);
  }

  /** A member by path: names for objects, indexes for arrays. */
  static Object at(String json, String... path) throws Exception {
    Object node = MAPPER.readValue(json, Object.class);
    for (String step : path) {
      node =
          node instanceof java.util.List<?> list
              ? list.get(Integer.parseInt(step))
              : ((Map<?, ?>) node).get(step);
    }
    return node;
  }
}
