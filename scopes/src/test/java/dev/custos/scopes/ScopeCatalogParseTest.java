package dev.custos.scopes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.scopes.InvalidScopeException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeCatalogParseTest {
  private final ScopeCatalog catalog = ScopeCatalog.unit();

  @Test
  void parse_singleScope_returnsIt() {
    ScopeSet set = catalog.parse("cards");

    assertThat(set).containsExactly(catalog.find("cards").orElseThrow());
    assertThat(set.size()).isEqualTo(1);
  }

  @Test
  void parse_seedExample_returnsAllThreeInCatalogOrder() {
    ScopeSet set = catalog.parse("customers accounts-write accounts");

    assertThat(set.names()).containsExactly("customers", "accounts", "accounts-write");
    assertThat(set).hasToString("customers accounts accounts-write");
  }

  @Test
  void parse_extraSpaces_ignored() {
    assertThat(catalog.parse("   customers    accounts  "))
        .isEqualTo(catalog.parse("customers accounts"));
  }

  @Test
  void parse_nameGivenTwice_throwsDuplicateScopeListingEachOnce() {
    InvalidScopeException e = parseFails("cards cards accounts cards payments payments");

    assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_SCOPE);
    assertThat(e.duplicateScopes()).containsExactly("cards", "payments");
    assertThat(e).hasMessage("scopes given more than once: cards, payments");
    assertThat(e.unknownScopes()).isEmpty();
  }

  @Test
  void parse_unknownAndRepeatedNames_reportsTheUnknownFirst() {
    InvalidScopeException e = parseFails("cards cards nope");

    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCOPE);
    assertThat(e.duplicateScopes()).isEmpty();
  }

  @Test
  void parse_differentOrder_equalSets() {
    assertThat(catalog.parse("cards accounts customers"))
        .isEqualTo(catalog.parse("customers accounts cards"))
        .hasSameHashCodeAs(catalog.parse("customers accounts cards"));
  }

  @Test
  void parse_null_throwsEmpty() {
    InvalidScopeException e = parseFails(null);

    assertThat(e.reason()).isEqualTo(Reason.EMPTY);
    assertThat(e).hasMessage("scope string is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "     "})
  void parse_emptyOrBlank_throwsEmpty(String input) {
    InvalidScopeException e = parseFails(input);

    assertThat(e.reason()).isEqualTo(Reason.EMPTY);
    assertThat(e)
        .hasMessage(input.isEmpty() ? "scope string is empty" : "scope string holds only spaces");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cards\taccounts",
        "cards\naccounts",
        "cards\r\naccounts",
        "cards,accounts",
        "Cards",
        "CARDS",
        "cards_write",
        "cards;",
        "cards\u00a0accounts",
        "cärds",
        "cards\u0000",
        "\u2003cards",
        "cards \uD83D\uDE00",
        "accounts.write",
        "\"cards\"",
      })
  void parse_characterOutsideGrammar_throwsMalformed(String input) {
    InvalidScopeException e = parseFails(input);

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e.unknownScopes()).isEmpty();
    assertThat(e.index()).isBetween(0, input.length() - 1);
    assertThat(input.charAt(e.index())).isNotEqualTo(' ');
    assertThat(input.substring(0, e.index())).matches("[a-z0-9 -]*");
  }

  @Test
  void parse_tab_messageNamesCodePointAndIndexWithoutEchoingIt() {
    InvalidScopeException e = parseFails("cards\taccounts");

    assertThat(e.index()).isEqualTo(5);
    assertThat(e)
        .hasMessage(
            "scope string has character U+0009 at index 5; only a-z, 0-9, '-' and the space are"
                + " allowed");
  }

  @Test
  void parse_supplementaryCharacter_reportsWholeCodePoint() {
    InvalidScopeException e = parseFails("cards \uD83D\uDE00");

    assertThat(e.getMessage()).contains("U+1F600").doesNotContain("\uD83D");
  }

  @Test
  void parse_unknownName_throwsUnknownScopeNamingIt() {
    InvalidScopeException e = parseFails("cards sudo");

    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCOPE);
    assertThat(e.unknownScopes()).containsExactly("sudo");
    assertThat(e).hasMessage("unknown scope: sudo");
    assertThat(e.index()).isEqualTo(-1);
  }

  @Test
  void parse_severalUnknownNames_namesEveryOneOnceInOrder() {
    InvalidScopeException e = parseFails("root cards admin root linked-account-write");

    assertThat(e.unknownScopes()).containsExactly("root", "admin", "linked-account-write");
    assertThat(e).hasMessage("unknown scopes: root, admin, linked-account-write");
  }

  @Test
  void parse_prefixOrSuffixOfAName_unknown() {
    assertThat(parseFails("card").unknownScopes()).containsExactly("card");
    assertThat(parseFails("cards-").unknownScopes()).containsExactly("cards-");
    assertThat(parseFails("-").unknownScopes()).containsExactly("-");
  }

  @Test
  void parse_atLengthLimit_accepted() {
    String input = " ".repeat(ScopeCatalog.MAX_SCOPE_STRING_LENGTH - "cards".length()) + "cards";

    assertThat(catalog.parse(input)).hasToString("cards");
  }

  @Test
  void parse_overLengthLimit_throwsTooLongWithoutScanning() {
    // Past the limit the content does not matter: even a bad character is not reported.
    String input = "\t" + " ".repeat(ScopeCatalog.MAX_SCOPE_STRING_LENGTH);

    InvalidScopeException e = parseFails(input);

    assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
    assertThat(e).hasMessage("scope string is 4097 characters long; the limit is 4096");
  }

  @Test
  void parse_allScopesOfTheCatalog_returnsFullSet() {
    String all = String.join(" ", catalog.scopes().stream().map(Scope::name).toList());

    ScopeSet set = catalog.parse(all);

    assertThat(set.size()).isEqualTo(48);
    assertThat(set).hasToString(all);
    assertThat(all.length()).isLessThan(ScopeCatalog.MAX_SCOPE_STRING_LENGTH / 2);
  }

  @Test
  void parse_wideCatalog_usesEveryWord() {
    ScopeCatalog.Builder builder = ScopeCatalog.builder();
    for (int i = 0; i < 130; i++) {
      builder.add("s" + i, "scope " + i, Access.READ, TokenRole.ORG);
    }
    ScopeCatalog wide = builder.build();

    ScopeSet set = wide.parse("s129 s0 s64 s63");

    assertThat(set.names()).containsExactly("s0", "s63", "s64", "s129");
    assertThat(set.contains("s129")).isTrue();
    assertThat(set.contains("s128")).isFalse();
  }

  private InvalidScopeException parseFails(String input) {
    return assertThatExceptionOfType(InvalidScopeException.class)
        .isThrownBy(() -> catalog.parse(input))
        .actual();
  }
}
