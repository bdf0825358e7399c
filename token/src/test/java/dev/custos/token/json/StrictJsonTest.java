package dev.custos.token.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {
  private static StrictJsonException refused(String json) {
    return assertThatExceptionOfType(StrictJsonException.class)
        .isThrownBy(() -> StrictJson.readObject(json))
        .actual();
  }

  @Test
  void readObject_duplicateAtTheTop_refusedWithItsName() {
    StrictJsonException e = refused("{\"scope\":\"accounts\",\"scope\":\"cards\"}");

    assertThat(e.getMessage()).isEqualTo("duplicate member");
    assertThat(e.path()).containsExactly("scope");
  }

  @Test
  void readObject_duplicateDeepDown_refusedWithItsPath() {
    StrictJsonException e =
        refused(
            "{\"data\":{\"type\":\"t\",\"attributes\":{\"channel\":\"sms\",\"channel\":\"call\"}}}");

    assertThat(e.path()).containsExactly("data", "attributes", "channel");
  }

  @Test
  void readObject_duplicateInsideAnArray_refusedWithTheIndex() {
    StrictJsonException e = refused("{\"x\":[{\"a\":1},{\"a\":1,\"a\":2}]}");

    assertThat(e.path()).containsExactly("x", "1", "a");
  }

  @Test
  void readObject_utf8Bytes_sameAsTheText() throws Exception {
    String json = "{\"name\":\"Zoë\",\"n\":[1,2]}";

    assertThat(StrictJson.readObject(json.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(StrictJson.readObject(json))
        .containsEntry("name", "Zoë");
  }

  @Test
  void readObject_bytesOfAnotherEncodingOrWithAByteOrderMark_refused() {
    String json = "{\"a\":\"b\"}";
    byte[][] others = {
      json.getBytes(java.nio.charset.StandardCharsets.UTF_16BE),
      json.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
      json.getBytes(java.nio.charset.StandardCharsets.UTF_16),
      json.getBytes(java.nio.charset.Charset.forName("UTF-32LE")),
      ("\uFEFF" + json).getBytes(java.nio.charset.StandardCharsets.UTF_8),
      "{\"a\":\"b\u0000\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
    };
    for (byte[] bytes : others) {
      assertThat(StrictJson.isPlainUtf8(bytes, 0, bytes.length)).isFalse();
      assertThatExceptionOfType(StrictJsonException.class)
          .isThrownBy(() -> StrictJson.readObject(bytes))
          .withMessageStartingWith("not UTF-8 JSON");
    }
    byte[] plain = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(StrictJson.isPlainUtf8(plain, 0, plain.length)).isTrue();
    assertThat(StrictJson.isPlainUtf8(new byte[] {(byte) 0xEF, (byte) 0xBB}, 0, 2))
        .as("two bytes of a mark are not one")
        .isTrue();
  }

  @Test
  void readObject_sameNameInSiblingObjects_accepted() throws Exception {
    Map<String, Object> read = StrictJson.readObject("{\"x\":{\"a\":1},\"y\":{\"a\":2}}");

    assertThat(read).containsEntry("x", Map.of("a", 1L)).containsEntry("y", Map.of("a", 2L));
  }

  @Test
  void readObject_deeperThanTheBound_refused() {
    String deep =
        "{\"a\":".repeat(StrictJson.MAX_DEPTH + 1) + "1" + "}".repeat(StrictJson.MAX_DEPTH + 1);

    assertThat(refused(deep).getMessage()).contains("nested deeper");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "null",
        "\"s\"",
        "1",
        "{} {}",
        "{}x",
        "{\"a\":1,}",
        "{'a':1}",
        "{\"a\":NaN}",
        "{\"a\":99999999999999999999}",
        "",
        "{\"a\":1"
      })
  void readObject_notOneStrictObject_refused(String json) {
    refused(json);
  }

  @Test
  void readObject_malformedUtf8_refused() {
    byte[] bytes = "{\"a\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    bytes[6] = (byte) 0xC3;

    assertThatExceptionOfType(StrictJsonException.class)
        .isThrownBy(() -> StrictJson.readObject(bytes));
  }

  @Test
  void readObject_values_typedAsDocumented() throws Exception {
    Map<String, Object> read =
        StrictJson.readObject(
            "{\"s\":\"x\",\"i\":86400,\"f\":1.5,\"t\":true,\"n\":null,\"l\":[1,\"a\"],\"o\":{}}");

    assertThat(read)
        .containsEntry("s", "x")
        .containsEntry("i", 86_400L)
        .containsEntry("f", 1.5)
        .containsEntry("t", true)
        .containsEntry("n", null)
        .containsEntry("l", List.of(1L, "a"))
        .containsEntry("o", Map.of());
  }

  @Test
  void readObject_integersAtTheLongBounds_readExactlyAndBeyondRefused() throws Exception {
    assertThat(StrictJson.readObject("{\"a\":9223372036854775807,\"b\":-9223372036854775808}"))
        .containsEntry("a", Long.MAX_VALUE)
        .containsEntry("b", Long.MIN_VALUE);
    StrictJsonException e = refused("{\"x\":{\"a\":9223372036854775808}}");
    assertThat(e.getMessage()).isEqualTo("malformed JSON");
    assertThat(e.path()).containsExactly("x", "a");
  }

  @Test
  void readObject_falseAndNestedArrays_typedAsDocumented() throws Exception {
    assertThat(StrictJson.readObject("{\"f\":false,\"l\":[[],[true]]}"))
        .containsEntry("f", false)
        .containsEntry("l", List.of(List.of(), List.of(true)));
  }

  @Test
  void readObject_eachBound_refusedWithItsReason() {
    assertThat(refused("{\"s\":\"" + "x".repeat(16_385) + "\"}").getMessage())
        .isEqualTo("a string, name or number is too long");
    assertThat(refused("{\"" + "n".repeat(1_025) + "\":1}").getMessage())
        .isEqualTo("a string, name or number is too long");
    assertThat(refused("{\"n\":1" + "0".repeat(40) + "}").getMessage())
        .isEqualTo("a string, name or number is too long");
    assertThat(refused("{\"a\":" + "[".repeat(16) + "]".repeat(16) + "}").getMessage())
        .isEqualTo("nested deeper than 16");
  }

  @Test
  void readObject_justInsideEachBound_accepted() throws Exception {
    assertThat(StrictJson.readObject("{\"s\":\"" + "x".repeat(16_384) + "\"}")).hasSize(1);
    assertThat(StrictJson.readObject("{\"" + "n".repeat(1_024) + "\":1}")).hasSize(1);
    assertThat(StrictJson.readObject("{\"a\":" + "[".repeat(15) + "]".repeat(15) + "}")).hasSize(1);
  }

  @Test
  void readObject_malformedWhereNoNameIsRead_pathStopsAtTheEnclosingMember() {
    StrictJsonException inObject = refused("{\"a\":{,}}");
    assertThat(inObject.getMessage()).isEqualTo("malformed JSON");
    assertThat(inObject.path()).containsExactly("a");

    StrictJsonException inArray = refused("{\"a\":[1,]}");
    assertThat(inArray.getMessage()).isEqualTo("malformed JSON");
    assertThat(inArray.path()).startsWith("a");

    assertThat(refused("{,}").path()).isEmpty();
  }

  @Test
  void readObject_notAnObjectOrTrailingData_reasonsSaySo() {
    assertThat(refused("[]").getMessage()).isEqualTo("not a JSON object");
    assertThat(refused("{} {}").getMessage()).isEqualTo("there is more after the JSON object");
    assertThat(refused("").getMessage()).isEqualTo("not a JSON object");
  }
}
