package dev.custos.jsonapi;

import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static dev.custos.core.testing.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.core.testing.TestPlatform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Random documents and header values only ever produce documented responses. */
class EndpointPropertiesTest {
  private static final Set<String> DOCUMENTED_CODES =
      Set.of(
          "invalid_value",
          "incorrect_verification_code",
          "verification_expired",
          "verification_not_found",
          "verification_attempts_exceeded",
          "unauthorized",
          "forbidden",
          "customer_not_active",
          "customer_not_found",
          "not_found",
          "payload_too_large",
          "limits_exceeded",
          "delivery_failed");
  private static final List<String> NAMES =
      List.of(
          "data",
          "type",
          "attributes",
          "scope",
          "expiresIn",
          "verificationToken",
          "verificationCode",
          "channel",
          "phone",
          "appHash",
          "language",
          "countryCode",
          "number",
          "id",
          "x");
  private static final List<Object> LEAVES =
      List.of(
          "customerToken",
          "customerTokenVerification",
          "cards",
          "customers cards-write",
          "sms",
          "call",
          "es",
          "fr",
          "123456",
          "FA+9qCX9VSu",
          "",
          0L,
          1L,
          600L,
          86401L,
          -1L,
          1.5,
          true,
          false,
          List.of());

  /** Per attribute, valid and near-valid values, so later checks are reached too. */
  private static final Map<String, List<Object>> CANDIDATES =
      Map.of(
          "channel", List.of("sms", "call", "SMS"),
          "language", List.of("en", "es", "fr", "EN", "pt-BR"),
          "appHash", List.of("FA+9qCX9VSu", "short", "FA-9qCX9VSu"),
          "scope", List.of("cards", "customers accounts", "cards-write", "cards admin", "webhooks"),
          "expiresIn", List.of(1L, 600L, 86400L, 0L, 86401L, 1.5, "60"),
          "verificationToken", List.of("i8FWKLBjXEg3TdeK93G3K9PKLzhbT6CRhn", ""),
          "verificationCode", List.of("123456", "12345", "abcdef"));

  private final TestPlatform platform = new TestPlatform();

  /**
   * Documents built from a tape of random choices: mostly of the spec's shape ({"data":{"type",
   * "attributes":{…}}}) with a wrong member, type or value at any level, so that every branch of
   * the parser is reached; plus arbitrary strings.
   */
  private static Gen<String> documents(String type, List<String> attributeNames) {
    // A document draws at most 1 + 4 attributes x 8 + 13 = 46 choices from its tape (40 was too
    // short: a draw with four phone attributes ran out, once in several thousand runs).
    Gen<String> shaped =
        lists()
            .of(integers().between(0, 999))
            .ofSize(64)
            .map(tape -> document(tape, type, attributeNames));
    return shaped.mix(strings().allPossible().ofLengthBetween(0, 80), 10);
  }

  private static String document(List<Integer> tape, String type, List<String> attributeNames) {
    java.util.Iterator<Integer> t = tape.iterator();
    Map<String, Object> attributes = new LinkedHashMap<>();
    int count = t.next() % 5;
    for (int i = 0; i < count; i++) {
      String name =
          t.next() % 5 > 0
              ? attributeNames.get(t.next() % attributeNames.size())
              : NAMES.get(t.next() % NAMES.size());
      Object value =
          name.equals("phone") && t.next() % 3 > 0
              ? phone(t)
              : t.next() % 10 < 7 && CANDIDATES.containsKey(name)
                  ? CANDIDATES.get(name).get(t.next() % CANDIDATES.get(name).size())
                  : LEAVES.get(t.next() % LEAVES.size());
      attributes.put(name, value);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    int typeChoice = t.next() % 10;
    if (typeChoice < 8) {
      data.put("type", type);
    } else if (typeChoice == 8) {
      data.put("type", LEAVES.get(t.next() % LEAVES.size()));
    }
    if (t.next() % 10 > 0) {
      data.put("attributes", t.next() % 12 > 0 ? attributes : LEAVES.get(t.next() % LEAVES.size()));
    }
    if (t.next() % 10 == 0) {
      data.put(NAMES.get(t.next() % NAMES.size()), LEAVES.get(t.next() % LEAVES.size()));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("data", t.next() % 12 > 0 ? data : LEAVES.get(t.next() % LEAVES.size()));
    if (t.next() % 12 == 0) {
      document.put(NAMES.get(t.next() % NAMES.size()), LEAVES.get(t.next() % LEAVES.size()));
    }
    return JSONObjectUtils.toJSONString(document);
  }

  private static Map<String, Object> phone(java.util.Iterator<Integer> t) {
    Map<String, Object> phone = new LinkedHashMap<>();
    List<Object> parts = List.of("1", "44", "0", "5555550103", "5555550999", "12", 1L, "x");
    if (t.next() % 6 > 0) {
      phone.put("countryCode", parts.get(t.next() % parts.size()));
    }
    if (t.next() % 6 > 0) {
      phone.put("number", parts.get(t.next() % parts.size()));
    }
    if (t.next() % 8 == 0) {
      phone.put("ext", "1");
    }
    return phone;
  }

  @Test
  void createToken_randomDocuments_onlyDocumentedResponsesAndEveryBranchReached() {
    String header = platform.orgHeader();
    Set<String> reached = new java.util.TreeSet<>();
    qt().withExamples(3000)
        .forAll(
            documents(
                "customerToken",
                List.of("scope", "expiresIn", "verificationToken", "verificationCode")))
        .checkAssert(
            body -> reached.add(assertDocumented(platform.createToken(header, INDIVIDUAL, body))));

    assertThat(reached)
        .contains(
            "201",
            "",
            "/data",
            "/data/type",
            "/data/attributes",
            "/data/attributes/scope",
            "/data/attributes/expiresIn",
            "/data/attributes/verificationToken");
  }

  @Test
  void createVerification_randomDocuments_onlyDocumentedResponsesAndEveryBranchReached() {
    Set<String> reached = new java.util.TreeSet<>();
    qt().withExamples(3000)
        .forAll(
            documents(
                "customerTokenVerification", List.of("channel", "phone", "appHash", "language")))
        .checkAssert(
            body -> {
              // Time moves 3 minutes per call, so send limits do not turn every success into a 429;
              // a fresh org token each time keeps the caller's token from expiring meanwhile.
              platform.time.advance(java.time.Duration.ofMinutes(3));
              reached.add(
                  assertDocumented(
                      platform.createVerification(
                          platform.orgHeader(), TestPlatform.BUSINESS, body)));
            });

    assertThat(reached)
        .contains(
            "201",
            "/data/attributes/channel",
            "/data/attributes/phone",
            "/data/attributes/appHash",
            "/data/attributes/language");
  }

  @Test
  void authenticate_randomHeaderValues_only401() {
    String valid = platform.orgHeader();
    Gen<String> headers =
        strings()
            .allPossible()
            .ofLengthBetween(0, 100)
            .mix(strings().ascii().ofLengthBetween(0, 100).map(s -> "Bearer " + s))
            .mix(integers().between(0, valid.length() - 1).map(i -> valid.substring(0, i)))
            .mix(
                integers()
                    .between(7, valid.length() - 1)
                    .map(i -> valid.substring(0, i) + "A" + valid.substring(i + 1)))
            .assuming(h -> !h.equals(valid));
    qt().withExamples(1500)
        .forAll(headers)
        .checkAssert(
            header -> {
              JsonApiResponse response = platform.createToken(header, INDIVIDUAL, "{}");
              if (response.status() != 401) {
                // A one-character change can leave a token valid only if it changed nothing.
                throw new AssertionError("status " + response.status() + " for a modified header");
              }
              assertDocumented(response);
            });
  }

  /** Checks the response is documented; returns "201" or the error's pointer ("-" if none). */
  private static String assertDocumented(JsonApiResponse response) {
    try {
      assertThat(response.headers()).containsEntry("Content-Type", "application/vnd.api+json");
      Map<String, Object> document = JSONObjectUtils.parse(response.body());
      if (response.status() == 201) {
        assertThat(document).containsOnlyKeys("data");
        return "201";
      }
      assertThat(response.status()).isIn(400, 401, 403, 404, 413, 429, 503);
      assertThat((String) read(response, "errors", "0", "code")).isIn(DOCUMENTED_CODES);
      assertThat(read(response, "errors", "0", "status"))
          .isEqualTo(Integer.toString(response.status()));
      Object source = read(response, "errors", "0", "source");
      return source instanceof Map<?, ?> map && map.get("pointer") instanceof String p ? p : "-";
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
