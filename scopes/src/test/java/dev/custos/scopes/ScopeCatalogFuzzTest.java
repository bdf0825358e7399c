package dev.custos.scopes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the scope-string parser, the entry point that reads untrusted input.
 *
 * <p>Under {@code mvn verify} this runs in regression mode: once for each input in {@code
 * ScopeCatalogFuzzTestInputs/} and the empty input. To fuzz for real (coverage-guided, for the
 * duration given below):
 *
 * <pre>{@code JAZZER_FUZZ=1 mvn -B -pl scopes test -Dtest=ScopeCatalogFuzzTest}</pre>
 */
class ScopeCatalogFuzzTest {
  private static final ScopeCatalog CATALOG = ScopeCatalog.unit();

  @FuzzTest(maxDuration = "60s")
  void parse_anyInput_returnsCanonicalSetOrThrowsInvalidScope(String input) {
    ScopeSet set;
    try {
      set = CATALOG.parse(input);
    } catch (InvalidScopeException e) {
      assertThat(e.reason()).isNotNull();
      assertThat(e.getMessage()).matches("[\\x20-\\x7e]+");
      return;
    }
    assertThat(input).matches(" *[a-z0-9-]+( +[a-z0-9-]+)* *");
    assertThat(set.isEmpty()).isFalse();
    assertThat(CATALOG.parse(set.toString())).isEqualTo(set);
    assertThat(set.toString()).isEqualTo(String.join(" ", set.names()));
  }
}
