package dev.custos.scopes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.custos.scopes.InvalidScopeException.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of parsing and of scope sets, over generated input. */
class ScopeCatalogPropertiesTest {
  private static final ScopeCatalog UNIT = ScopeCatalog.unit();
  private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-";

  /** A catalog wider than one 64-bit word, so set operations cross word boundaries. */
  private static final ScopeCatalog WIDE = wideCatalog(150);

  /** Indexes into the unit catalog: any subset, in any order, often with repeats. */
  private static Gen<List<Integer>> unitIndexes(int minSize) {
    return lists().of(integers().between(0, UNIT.scopes().size() - 1)).ofSizeBetween(minSize, 80);
  }

  /** Runs of 1 to 3 spaces, one before each name and one after the last. */
  private static final Gen<List<Integer>> SPACING = lists().of(integers().between(1, 3)).ofSize(81);

  @Test
  void parse_anySubsetInAnyOrderAndSpacing_equalsSubsetOrRefusesTheRepeatedNames() {
    qt().forAll(unitIndexes(1), SPACING)
        .checkAssert(
            (indexes, spacing) -> {
              String input = render(indexes, spacing, true);
              TreeSet<Integer> distinct = new TreeSet<>(indexes);
              Set<String> repeated = new LinkedHashSet<>();
              Set<Integer> seen = new HashSet<>();
              indexes.stream()
                  .filter(i -> !seen.add(i))
                  .forEach(i -> repeated.add(UNIT.scopes().get(i).name()));
              if (!repeated.isEmpty()) {
                InvalidScopeException e =
                    assertThatExceptionOfType(InvalidScopeException.class)
                        .isThrownBy(() -> UNIT.parse(input))
                        .actual();
                assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_SCOPE);
                assertThat(e.duplicateScopes()).containsExactlyElementsOf(repeated);
                return;
              }
              String canonical =
                  distinct.stream()
                      .map(i -> UNIT.scopes().get(i).name())
                      .collect(Collectors.joining(" "));

              ScopeSet parsed = UNIT.parse(input);

              assertThat(parsed).isEqualTo(setOf(UNIT, distinct));
              assertThat(parsed).hasToString(canonical);
              assertThat(parsed.size()).isEqualTo(distinct.size());
              assertThat(UNIT.parse(parsed.toString())).isEqualTo(parsed);
            });
  }

  @Test
  void parse_anyStringWithAnUnknownName_rejectsAndReportsTheName() {
    qt().forAll(unitIndexes(0), unknownNames(), integers().between(0, 80))
        .checkAssert(
            (indexes, unknown, at) -> {
              List<String> names = new ArrayList<>();
              indexes.forEach(i -> names.add(UNIT.scopes().get(i).name()));
              names.add(Math.min(at, names.size()), unknown);
              String input = String.join(" ", names);

              InvalidScopeException e =
                  assertThatExceptionOfType(InvalidScopeException.class)
                      .isThrownBy(() -> UNIT.parse(input))
                      .actual();

              assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCOPE);
              assertThat(e.unknownScopes()).containsExactly(unknown);
              assertThat(e.getMessage()).contains(unknown);
            });
  }

  @Test
  void requiresTwoFactor_anySubset_trueExactlyWhenSomeMemberRequiresIt() {
    qt().forAll(unitIndexes(1))
        .checkAssert(
            indexes -> {
              ScopeSet set =
                  UNIT.parse(render(List.copyOf(new LinkedHashSet<>(indexes)), List.of(), false));
              boolean anyMember =
                  indexes.stream().anyMatch(i -> UNIT.scopes().get(i).requiresTwoFactor());

              assertThat(set.requiresTwoFactor()).isEqualTo(anyMember);
              assertThat(set.twoFactorScopes())
                  .containsExactlyElementsOf(
                      set.names().stream()
                          .map(name -> UNIT.find(name).orElseThrow())
                          .filter(Scope::requiresTwoFactor)
                          .toList());
            });
  }

  @Test
  void parse_anyString_returnsAValidSetOrThrowsInvalidScopeException() {
    Gen<String> anything =
        strings()
            .allPossible()
            .ofLengthBetween(0, 60)
            .mix(strings().betweenCodePoints(' ', 'z').ofLengthBetween(0, 60))
            .mix(nameAlphabetStrings());
    qt().withExamples(2000)
        .forAll(anything)
        .checkAssert(
            input -> {
              ScopeSet set;
              try {
                set = UNIT.parse(input);
              } catch (InvalidScopeException e) {
                assertThat(e.getMessage()).isNotBlank().matches("[\\x20-\\x7e]*");
                return;
              }
              assertThat(input).matches("[a-z0-9 -]+");
              assertThat(set.isEmpty()).isFalse();
              assertThat(UNIT.parse(set.toString())).isEqualTo(set);
            });
  }

  @Test
  void setOperations_anyTwoSubsetsOfAWideCatalog_agreeWithJavaSets() {
    Gen<List<Integer>> subset =
        lists().of(integers().between(0, WIDE.scopes().size() - 1)).ofSizeBetween(0, 60);
    qt().forAll(subset, subset)
        .checkAssert(
            (left, right) -> {
              Set<Integer> l = new TreeSet<>(left);
              Set<Integer> r = new TreeSet<>(right);
              ScopeSet a = setOf(WIDE, l);
              ScopeSet b = setOf(WIDE, r);

              Set<Integer> union = new TreeSet<>(l);
              union.addAll(r);
              Set<Integer> common = new TreeSet<>(l);
              common.retainAll(r);
              Set<Integer> difference = new TreeSet<>(l);
              difference.removeAll(r);

              assertThat(a.union(b)).isEqualTo(setOf(WIDE, union));
              assertThat(a.intersect(b)).isEqualTo(setOf(WIDE, common));
              assertThat(a.minus(b)).isEqualTo(setOf(WIDE, difference));
              assertThat(a.containsAll(b)).isEqualTo(l.containsAll(r));
              assertThat(a.size()).isEqualTo(l.size());
              assertThat(indexesOf(a)).containsExactlyElementsOf(l);
              for (int i = 0; i < WIDE.scopes().size(); i++) {
                assertThat(a.contains(WIDE.scopes().get(i))).isEqualTo(l.contains(i));
                assertThat(a.contains("s" + i)).isEqualTo(l.contains(i));
              }
            });
  }

  /**
   * Names from the scope alphabet that the unit catalog does not have, many of them near misses.
   */
  private static Gen<String> unknownNames() {
    Gen<String> random = stringsOver(NAME_CHARS, 1, 24);
    Gen<String> nearMisses =
        integers()
            .between(0, UNIT.scopes().size() - 1)
            .zip(
                integers().between(0, NAME_CHARS.length() - 1),
                (i, c) -> {
                  String name = UNIT.scopes().get(i).name();
                  return c % 2 == 0
                      ? name + NAME_CHARS.charAt(c)
                      : name.substring(0, name.length() - 1);
                });
    return random.mix(nearMisses).assuming(name -> UNIT.find(name).isEmpty());
  }

  /** Scope-grammar strings: names and spaces in any arrangement, often not a valid scope string. */
  private static Gen<String> nameAlphabetStrings() {
    return stringsOver(NAME_CHARS + " ", 0, 24);
  }

  private static Gen<String> stringsOver(String alphabet, int minLength, int maxLength) {
    return lists()
        .of(integers().between(0, alphabet.length() - 1))
        .ofSizeBetween(minLength, maxLength)
        .map(
            codes -> {
              StringBuilder s = new StringBuilder(codes.size());
              codes.forEach(c -> s.append(alphabet.charAt(c)));
              return s.toString();
            });
  }

  private static String render(List<Integer> indexes, List<Integer> spacing, boolean padEnds) {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < indexes.size(); k++) {
      int gap = spacing.isEmpty() ? 1 : spacing.get(k);
      if (k > 0 || padEnds) {
        s.append(" ".repeat(gap));
      }
      s.append(UNIT.scopes().get(indexes.get(k)).name());
    }
    if (padEnds) {
      s.append(" ".repeat(spacing.get(indexes.size())));
    }
    return s.toString();
  }

  private static ScopeSet setOf(ScopeCatalog catalog, Set<Integer> indexes) {
    return catalog.setOf(indexes.stream().map(catalog.scopes()::get).toArray(Scope[]::new));
  }

  private static List<Integer> indexesOf(ScopeSet set) {
    List<Integer> indexes = new ArrayList<>();
    set.forEach(scope -> indexes.add(set.catalog().scopes().indexOf(scope)));
    return indexes;
  }

  private static ScopeCatalog wideCatalog(int size) {
    ScopeCatalog.Builder builder = ScopeCatalog.builder();
    for (int i = 0; i < size; i++) {
      builder.add("s" + i, "scope " + i, Access.READ, TokenRole.ORG);
    }
    return builder.build();
  }
}
