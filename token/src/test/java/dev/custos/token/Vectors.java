package dev.custos.token;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Loads the official test vectors kept under test resources. */
final class Vectors {
  private Vectors() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> load(String resource, String listName) throws Exception {
    try (InputStream in = Vectors.class.getResourceAsStream("vectors/" + resource)) {
      if (in == null) {
        throw new IOException("missing vector file " + resource);
      }
      Map<String, Object> file =
          JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return (List<Map<String, Object>>) (List<?>) file.get(listName);
    }
  }

  static byte[] hex(Object value) {
    return HexFormat.of().parseHex((String) value);
  }

  static byte[] utf8(Object value) {
    return value == null ? new byte[0] : ((String) value).getBytes(StandardCharsets.UTF_8);
  }
}
