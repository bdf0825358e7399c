package dev.custos.token.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads untrusted JSON strictly, through jackson-core's streaming parser: a duplicate member name
 * at any depth is refused (with the path of the duplicate), as are nesting deeper than 16, strings
 * longer than 16,384 characters, numbers longer than 40 digits, anything after the value, and a
 * document that is not an object. Objects become insertion-ordered maps, arrays lists, integers
 * {@code Long} (or refused when larger), other numbers {@code Double}.
 *
 * <p>Internal to Custos: exported only to its own modules. Thread-safe.
 */
public final class StrictJson {
  /** The deepest nesting read: no document or token of Custos needs more than a few levels. */
  public static final int MAX_DEPTH = 16;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(16_384)
                  .maxNumberLength(40)
                  .maxNameLength(1_024)
                  .build())
          .build();

  private StrictJson() {}

  /**
   * Reads a JSON object.
   *
   * @param json the document
   * @return the object
   * @throws StrictJsonException naming where and why the document is refused
   */
  public static Map<String, Object> readObject(String json) throws StrictJsonException {
    return read(() -> FACTORY.createParser(json));
  }

  /**
   * Reads a JSON object from UTF-8 bytes; malformed UTF-8, a byte-order mark and other encodings
   * are refused.
   *
   * @param json the document's bytes
   * @return the object
   * @throws StrictJsonException naming where and why the document is refused
   */
  public static Map<String, Object> readObject(byte[] json) throws StrictJsonException {
    return readObject(json, 0, json.length);
  }

  /**
   * Reads a JSON object from UTF-8 bytes {@code json[offset, offset + length)}; malformed UTF-8, a
   * byte-order mark and other encodings are refused.
   *
   * @param json an array holding the document
   * @param offset where the document starts
   * @param length the document's length in bytes
   * @return the object
   * @throws StrictJsonException naming where and why the document is refused
   * @throws IndexOutOfBoundsException if the range is not within the array
   */
  public static Map<String, Object> readObject(byte[] json, int offset, int length)
      throws StrictJsonException {
    Objects.checkFromIndexSize(offset, length, json.length);
    requirePlainUtf8(json, offset, length);
    return read(() -> FACTORY.createParser(json, offset, length));
  }

  /**
   * Jackson reads UTF-16 and UTF-32 (told by zero bytes or a byte-order mark) and skips a UTF-8
   * byte-order mark: the same claims in another encoding would pass. Custos's documents are UTF-8
   * without a mark, as PASETO's payloads must be, and a zero byte is in no UTF-8 JSON text (a
   * control character in a string must be escaped), so either is refused before Jackson looks.
   */
  private static void requirePlainUtf8(byte[] json, int offset, int length)
      throws StrictJsonException {
    if (!isPlainUtf8(json, offset, length)) {
      throw new StrictJsonException(
          List.of(), "not UTF-8 JSON: a byte-order mark, or a zero byte of another encoding");
    }
  }

  /**
   * Returns whether bytes can be UTF-8 JSON text as Custos reads it: no byte-order mark, no zero
   * byte (which UTF-16 and UTF-32 text always holds). Malformed UTF-8 is found by the parser.
   *
   * @param json an array holding the document
   * @param offset where the document starts
   * @param length the document's length in bytes
   * @return {@code false} for a byte-order mark or a zero byte
   * @throws IndexOutOfBoundsException if the range is not within the array
   */
  public static boolean isPlainUtf8(byte[] json, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, json.length);
    if (length >= 3
        && json[offset] == (byte) 0xEF
        && json[offset + 1] == (byte) 0xBB
        && json[offset + 2] == (byte) 0xBF) {
      return false;
    }
    for (int i = offset; i < offset + length; i++) {
      if (json[i] == 0) {
        return false;
      }
    }
    return true;
  }

  /** Opens a parser over the document. */
  private interface Source {
    JsonParser open() throws IOException;
  }

  private static Map<String, Object> read(Source source) throws StrictJsonException {
    try (JsonParser parser = source.open()) {
      return readRoot(parser);
    } catch (StrictJsonException e) {
      throw e;
    } catch (IOException e) {
      throw new StrictJsonException(List.of(), "not JSON");
    }
  }

  private static Map<String, Object> readRoot(JsonParser parser)
      throws IOException, StrictJsonException {
    try {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new StrictJsonException(List.of(), "not a JSON object");
      }
      Map<String, Object> root = readObject(parser);
      if (parser.nextToken() != null) {
        throw new StrictJsonException(List.of(), "there is more after the JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      // Parse errors and the read constraints' violations alike.
      throw new StrictJsonException(path(parser.getParsingContext()), reason(e));
    }
  }

  private static Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      object.put(name, readValue(parser));
    }
    return object;
  }

  private static Object readValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return readObject(parser);
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(parser));
        }
        return list;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        // Jackson refuses an integer beyond a long here (InputCoercionException), never rounds it.
        return parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new JsonParseException(parser, "unexpected " + token);
    }
  }

  /** The member names from the root to where the parser stands (array indexes as numbers). */
  private static List<String> path(JsonStreamContext context) {
    Deque<String> names = new ArrayDeque<>();
    // Every context chain ends in the root context, whose parent is the only null one.
    for (JsonStreamContext c = context; !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        names.addFirst(c.getCurrentName());
      } else if (c.inArray()) {
        names.addFirst(Integer.toString(Math.max(0, c.getCurrentIndex())));
      }
    }
    return List.copyOf(names);
  }

  private static String reason(JsonProcessingException e) {
    String message = Objects.requireNonNullElse(e.getOriginalMessage(), "");
    if (message.startsWith("Duplicate field")) {
      return "duplicate member";
    }
    if (message.contains("nesting depth")) {
      return "nested deeper than " + MAX_DEPTH;
    }
    if (message.contains("length") && message.contains("exceeds")) {
      return "a string, name or number is too long";
    }
    return "malformed JSON";
  }
}
